// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QWidget;

namespace securechat {

class SessionTab;

/// The window's "Copy Invite Link" (hosting) and "Verify…" (either side) and what they record:
/// marking the host verified updates the person's known peers, marking a participant verified
/// makes it a known client of this host (fingerprint and nickname).
class VerificationActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerificationActions)

public:
    explicit VerificationActions(QWidget* window);

    QAction* copyInviteLink() const { return m_copyInviteLink; }
    QAction* verify() const { return m_verify; }

    /// Enables the actions for the current tab (may be null).
    void update(SessionTab* tab);
    void copyInviteLinkOf(SessionTab* tab);
    /// Opens the Verify dialog for nick, or for the tab's selected or default peer when empty.
    void verifyIn(SessionTab* tab, const QString& nick = QString());

private:
    void markVerified(SessionTab* tab, const QString& nick);

    QWidget* m_window;
    QAction* m_copyInviteLink = nullptr;
    QAction* m_verify = nullptr;
    SessionTab* m_tab = nullptr;
};

} // namespace securechat
