// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace securechat {

class ChatClient;

/// Remembers the certificate of the host last joined on an address, across reconnects and new
/// attempts, and tells when a join reached another one (accepted: CA-verified, pinned or trusted
/// by the person): a new conversation, to which what was written for the earlier host and never
/// sent must not go. The desktop app and securechat-cli both ask it, so they agree.
class SameHostCheck final {
public:
    /// Call once client has joined, before it sends what is queued (on stateChanged to Joined, or
    /// joined()). Another certificate than at the last join: takes back what is queued
    /// (ChatClient::withdrawQueued(); it stays the earlier host's) and returns how many messages
    /// that was. nullopt on the first join and when the same host answered.
    std::optional<int> joined(ChatClient& client);
    /// The SHA-256 fingerprint ("AB:CD:…") of the host last joined; empty before the first join.
    const QString& lastHost() const { return m_lastHost; }

private:
    QString m_lastHost;
};

} // namespace securechat
