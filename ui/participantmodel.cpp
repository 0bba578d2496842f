// SPDX-License-Identifier: MIT
#include "participantmodel.h"

#include "textsanitizer.h"

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
        return icon(participant);
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

void ParticipantModel::setParticipants(const QList<Participant>& participants, const QString& selfNick)
{
    beginResetModel();
    m_participants = participants;
    m_selfNick = selfNick;
    endResetModel();
}

QString ParticipantModel::trustText(const Participant& participant)
{
    if (!participant.structured)
        return tr("text-mode peer");
    if (participant.fingerprint.isEmpty())
        return tr("no certificate");
    return participant.verified ? tr("verified") : tr("not verified");
}

QString ParticipantModel::displayText(int row) const
{
    const Participant& participant = m_participants.at(row);
    // Nicknames come from peers: one line, no control or bidi characters.
    QString name = TextSanitizer::forDisplay(participant.nick, TextSanitizer::Mode::SingleLine);
    if (participant.nick == m_selfNick)
        name = tr("%1 (you)").arg(name);
    else if (row == 0)
        name = tr("%1 (host)").arg(name);
    QString second = trustText(participant);
    if (!participant.fingerprint.isEmpty())
        second += QStringLiteral(" · ") + shortFingerprint(participant.fingerprint);
    return name + u'\n' + second;
}

QString ParticipantModel::toolTip(int row) const
{
    const Participant& participant = m_participants.at(row);
    QString tip = TextSanitizer::forDisplay(participant.nick, TextSanitizer::Mode::SingleLine) + u'\n';
    if (participant.fingerprint.isEmpty())
        tip += tr("Presented no certificate.");
    else if (participant.verified)
        tip += tr("Identity verified.\nSHA-256: %1").arg(participant.fingerprint);
    else
        tip += tr("Identity not verified: compare this fingerprint with what they read out.\nSHA-256: %1")
                   .arg(participant.fingerprint);
    if (!participant.structured)
        tip += u'\n' + tr("Connected with a plain TLS tool (text mode).");
    return tip;
}

QIcon ParticipantModel::icon(const Participant& participant) const
{
    if (!participant.structured)
        return QIcon(QStringLiteral(":/icons/peer-textmode.svg"));
    return QIcon(participant.verified ? QStringLiteral(":/icons/peer-verified.svg")
                                      : QStringLiteral(":/icons/peer-unverified.svg"));
}

} // namespace securechat
