// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/protocol.h"
#include "trust/trustwords.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QList>

#include <optional>

namespace securechat {

/// Everyone in a session, the host first, each with the trust words seen from this side: how the
/// person trusted the host they joined, what the host checked about the others, and for the
/// person's own row only the fingerprint.
class ParticipantModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParticipantModel)

public:
    enum Role {
        NickRole = Qt::UserRole + 1, ///< the nickname as sent, unsanitized (to look a peer up)
        FingerprintRole, ///< SHA-256 "AB:CD:..." or empty
        VerifiedRole, ///< bool
        StructuredRole, ///< bool: a SecureChat client rather than a text-mode tool
        IsSelfRole, ///< bool: this row is the person using this window
    };

    explicit ParticipantModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    /// Replaces the list. selfNick marks the person's own row; the first row is the host.
    /// hostTrust: how the person trusted the host they joined; none when they are the host.
    void setParticipants(const QList<Participant>& participants, const QString& selfNick,
        std::optional<HostTrust> hostTrust = std::nullopt);
    const QList<Participant>& participants() const { return m_participants; }

    /// The trust words for a row, e.g. "trusted by you, remembered".
    QString trustText(int row) const;

private:
    bool isSelf(int row) const;
    bool isJoinedHost(int row) const;
    QString displayText(int row) const;
    QString toolTip(int row) const;
    QIcon icon(int row) const;

    QList<Participant> m_participants;
    QString m_selfNick;
    std::optional<HostTrust> m_hostTrust;
};

} // namespace securechat
