// SPDX-License-Identifier: MIT
#pragma once

#include "chatsession.h"

namespace securechat::bench {

/// A session that is already active and only ever receives: the UI benchmark feeds the chat
/// tab through it, the way a real session's messages arrive, without a network in the timing.
class BenchSession final : public ChatSession {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BenchSession)

public:
    BenchSession() = default;

    void deliver(const ChatMessage& message) { Q_EMIT messageReceived(message); }

    QString title() const override { return QStringLiteral("127.0.0.1:7447"); }
    QString ownNick() const override { return QStringLiteral("me"); }
    QList<Participant> participants() const override { return { { ownNick(), QString(), true, true } }; }
    Phase phase() const override { return Phase::Active; }
    Security security() const override { return Security::Verified; }
    QString summary() const override { return QStringLiteral("benchmark"); }
    QList<CertificateDetails> certificateChain(const QString&) const override { return {}; }
    std::optional<SessionDetails> connectionDetails(const QString&) const override { return std::nullopt; }
    QString defaultPeer() const override { return ownNick(); }
    Status markVerified(const QString&) override { return Status::success({}); }
    bool isVerified(const QString&) const override { return false; }
    void send(const QString&) override { }
    void end() override { }
};

} // namespace securechat::bench
