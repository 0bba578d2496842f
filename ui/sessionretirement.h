// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <memory>

namespace securechat {

class ChatSession;

/// Keeps the sessions of closed tabs alive until they have said goodbye, so that what is queued
/// still goes out (a joined session flushes and sends "bye"; a host tells every peer).
class SessionRetirement final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionRetirement)

public:
    static constexpr int GoodbyeTimeoutMs = 5000; ///< a session that cannot say goodbye by then is dropped

    explicit SessionRetirement(QObject* parent = nullptr);
    /// Sessions still ending go too, without a word.
    ~SessionRetirement() override;

    /// Ends an active session and deletes it once it has ended; any other is deleted at once,
    /// which cancels whatever it was doing (connecting, waiting for a trust decision).
    void retire(std::unique_ptr<ChatSession> session);
    int ending() const { return m_ending; }

Q_SIGNALS:
    /// The last session still ending is gone.
    void allEnded();

private:
    int m_ending = 0;
};

} // namespace securechat
