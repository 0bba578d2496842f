// SPDX-License-Identifier: MIT
#include "participantmodel.h"

#include "fingerprintformat.h"
#include "lineicon.h"
#include "protocol/textsanitizer.h"

#include <QTextDocument>

namespace securechat {

namespace {

    constexpr int ShortFingerprintPairs = 4;

    QString shortFingerprint(const QString& fingerprint)
    {
        const QStringList pairs = fingerprint.split(u':');
        if (pairs.size() <= ShortFingerprintPairs)
            return fingerprint;
        return QStringList(pairs.mid(0, ShortFingerprintPairs)).join(u':') + QStringLiteral("…");
    }

} // namespace

ParticipantModel::ParticipantModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int ParticipantModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_participants.size());
}

QVariant ParticipantModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Participant& participant = m_participants.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row());
    case Qt::ToolTipRole:
        // Tool tips guess rich text: hand them escaped HTML so a nickname stays literal.
        return Qt::convertFromPlainText(toolTip(index.row()), Qt::WhiteSpaceNormal);
    case Qt::AccessibleTextRole:
        return displayText(index.row()).replace(u'\n', QStringLiteral(", "));
    case Qt::DecorationRole:
        return icon(index.row());
    case NickRole:
        return participant.nick;
    case FingerprintRole:
        return participant.fingerprint;
    case VerifiedRole:
        return participant.verified;
    case StructuredRole:
        return participant.structured;
    case IsSelfRole:
        return participant.nick == m_selfNick;
    default:
        return {};
    }
}

void ParticipantModel::setParticipants(
    const QList<Participant>& participants, const QString& selfNick, std::optional<HostTrust> hostTrust)
{
    beginResetModel();
    m_participants = participants;
    m_selfNick = selfNick;
    m_hostTrust = hostTrust;
    endResetModel();
}

bool ParticipantModel::isSelf(int row) const
{
    return m_participants.at(row).nick == m_selfNick;
}

bool ParticipantModel::isJoinedHost(int row) const
{
    return row == 0 && m_hostTrust && !isSelf(row);
}

QString ParticipantModel::trustText(int row) const
{
    if (isSelf(row))
        return TrustWords::self();
    if (isJoinedHost(row))
        return TrustWords::host(*m_hostTrust);
    return TrustWords::participant(m_participants.at(row), m_hostTrust ? Viewer::Joiner : Viewer::Host);
}

QString ParticipantModel::displayText(int row) const
{
    const Participant& participant = m_participants.at(row);
    // Nicknames come from peers: one line, no control or bidi characters.
    QString name = TextSanitizer::forDisplay(participant.nick, TextSanitizer::Mode::SingleLine);
    if (isSelf(row))
        name = tr("%1 (you)").arg(name);
    else if (row == 0)
        name = tr("%1 (host)").arg(name);
    QString second = trustText(row);
    if (!participant.fingerprint.isEmpty())
        second += QStringLiteral(" · ") + shortFingerprint(participant.fingerprint);
    return name + u'\n' + second;
}

QString ParticipantModel::toolTip(int row) const
{
    const Participant& participant = m_participants.at(row);
    QString tip = TextSanitizer::forDisplay(participant.nick, TextSanitizer::Mode::SingleLine) + u'\n'
        + trustText(row);
    if (!participant.fingerprint.isEmpty())
        tip += u'\n' + tr("SHA-256:") + u'\n' + FingerprintFormat::grouped(participant.fingerprint);
    if (!participant.structured)
        tip += u'\n' + tr("Connected with a plain TLS tool (text mode).");
    return tip;
}

QIcon ParticipantModel::icon(int row) const
{
    const Participant& participant = m_participants.at(row);
    if (isSelf(row))
        return LineIcon::icon(QStringLiteral("certificate")); // a fingerprint, no verdict
    if (isJoinedHost(row))
        return QIcon(QStringLiteral(":/icons/peer-verified.svg")); // checked, or trusted by the person
    if (!participant.structured)
        return LineIcon::icon(QStringLiteral("peer-textmode"));
    return QIcon(TrustWords::isChecked(participant) ? QStringLiteral(":/icons/peer-verified.svg")
                                                    : QStringLiteral(":/icons/peer-unverified.svg"));
}

} // namespace securechat
