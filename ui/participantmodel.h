// SPDX-License-Identifier: MIT
#pragma once

#include "protocol.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QList>

namespace securechat {

/// Everyone in a session, the host first, with how far each one's identity is established.
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
    void setParticipants(const QList<Participant>& participants, const QString& selfNick);
    const QList<Participant>& participants() const { return m_participants; }

    /// "verified", "not verified" or "text-mode peer", for a display line.
    static QString trustText(const Participant& participant);

private:
    QString displayText(int row) const;
    QString toolTip(int row) const;
    QIcon icon(const Participant& participant) const;

    QList<Participant> m_participants;
    QString m_selfNick;
};

} // namespace securechat
