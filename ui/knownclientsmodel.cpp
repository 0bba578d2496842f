// SPDX-License-Identifier: MIT
#include "knownclientsmodel.h"

#include "protocol/textsanitizer.h"
#include "tls/certificatedetails.h"
#include "trust/trustwords.h"

#include <QFontDatabase>

namespace securechat {

KnownClientsModel::KnownClientsModel(KnownClients clients, QObject* parent)
    : QAbstractTableModel(parent)
    , m_clients(std::move(clients))
    , m_rows(m_clients.all())
{
}

Status KnownClientsModel::forget(int row)
{
    if (row < 0 || row >= m_rows.size())
        return Status::failure(tr("There is no known client in row %1.").arg(row + 1));
    const QByteArray sha256 = m_rows.at(row).sha256;
    Status outcome = m_clients.load();
    if (outcome)
        outcome = m_clients.forget(sha256);
    beginResetModel();
    m_rows = m_clients.all();
    endResetModel();
    return outcome;
}

int KnownClientsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int KnownClientsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KnownClientsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KnownClient& client = m_rows.at(index.row());
    const QString fingerprint = CertificateDetails::formatFingerprint(client.sha256);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VerdictColumn:
            return TrustWords::knownClient(client.verdict);
        case NickColumn:
            // The nickname came from the peer, and the file is hand-editable.
            return TextSanitizer::forDisplay(client.nick);
        case FingerprintColumn:
            return fingerprint;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == FingerprintColumn)
            return tr("SHA-256 %1").arg(fingerprint);
        return {};
    case Qt::FontRole:
        if (index.column() == FingerprintColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    default:
        return {};
    }
}

QVariant KnownClientsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VerdictColumn:
        return tr("Decision");
    case NickColumn:
        return tr("Nickname");
    case FingerprintColumn:
        return tr("SHA-256 fingerprint");
    default:
        return {};
    }
}

} // namespace securechat
