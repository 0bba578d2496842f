// SPDX-License-Identifier: MIT
#include "knownpeersmodel.h"

#include "protocol/textsanitizer.h"
#include "tls/certificatedetails.h"

#include <QFontDatabase>
#include <QLocale>

#include <algorithm>

namespace securechat {

namespace {

    bool sameHostPorts(const QList<KnownPeer>& a, const QList<KnownPeer>& b)
    {
        return std::equal(
            a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](const KnownPeer& x, const KnownPeer& y) {
                return x.hostPort == y.hostPort && x.sha256 == y.sha256;
            });
    }

} // namespace

KnownPeersModel::KnownPeersModel(KnownPeers peers, QObject* parent)
    : QAbstractTableModel(parent)
    , m_peers(std::move(peers))
{
    m_rows = m_peers.all();
}

Status KnownPeersModel::reload()
{
    const Status loaded = m_peers.load();
    if (loaded)
        adoptFile();
    return loaded;
}

Status KnownPeersModel::forget(int row)
{
    if (row < 0 || row >= m_rows.size())
        return Status::failure(tr("There is no known peer in row %1.").arg(row + 1));
    const Status forgotten = m_peers.forget(m_rows.at(row).hostPort);
    // forget() re-reads the file either way: show what it holds now.
    QList<KnownPeer> expected = m_rows;
    expected.removeAt(row);
    if (forgotten && sameHostPorts(expected, m_peers.all())) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    adoptFile();
    return forgotten;
}

int KnownPeersModel::rowOf(const QString& hostPort) const
{
    const Result<QString> normalized = KnownPeers::normalizeHostPort(hostPort);
    if (!normalized)
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).hostPort == normalized.value())
            return row;
    }
    return -1;
}

void KnownPeersModel::adoptFile()
{
    const QList<KnownPeer> current = m_peers.all();
    if (sameHostPorts(current, m_rows)) {
        // Same peers in the same order: only first-seen times or notes may differ.
        m_rows = current;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = current;
    endResetModel();
}

int KnownPeersModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int KnownPeersModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KnownPeersModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KnownPeer& peer = m_rows.at(index.row());
    const QString fingerprint = CertificateDetails::formatFingerprint(peer.sha256);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostPortColumn:
            return peer.hostPort;
        case FingerprintColumn:
            return fingerprint;
        case FirstSeenColumn:
            return QLocale().toString(peer.firstSeen.toLocalTime(), QLocale::ShortFormat);
        case NoteColumn:
            // Hand-edited files may hold anything.
            return TextSanitizer::forDisplay(peer.note);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == FingerprintColumn)
            return tr("SHA-256 %1").arg(fingerprint);
        if (index.column() == FirstSeenColumn)
            return peer.firstSeen.toUTC().toString(Qt::ISODate);
        return {};
    case Qt::FontRole:
        if (index.column() == FingerprintColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::EditRole:
        if (index.column() == FirstSeenColumn)
            return peer.firstSeen;
        return data(index, Qt::DisplayRole);
    default:
        return {};
    }
}

QVariant KnownPeersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HostPortColumn:
        return tr("Host");
    case FingerprintColumn:
        return tr("SHA-256 fingerprint");
    case FirstSeenColumn:
        return tr("First trusted");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace securechat
