// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace securechat {

class JoinedSession;
class TrustPromptDialog;

/// Puts core's trust question about a joined session's host to the person: the trust prompt
/// when the certificate is unknown, the refusal when it changed or is unacceptable. The dialogs
/// open window-modal without blocking, and the answer goes back to the session by signal.
/// Lives as long as its session (its parent), and closes a prompt still open when that ends.
class TrustPrompter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustPrompter)

public:
    TrustPrompter(JoinedSession* session, QWidget* dialogParent);
    ~TrustPrompter() override;

Q_SIGNALS:
    /// The person wants to see the known peers (from the refusal), with this host selected.
    void knownPeersRequested(const QString& hostPort);

private:
    JoinedSession* m_session;
    QWidget* m_dialogParent;
    QPointer<TrustPromptDialog> m_prompt;
};

} // namespace securechat
