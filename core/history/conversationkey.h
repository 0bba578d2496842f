// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat {

/// How the history names a conversation (HistoryMessage::conversation): one spelling for the
/// desktop app and securechat-cli, so that each continues what the other stored.
namespace ConversationKey {

    /// A session joined, known by the host's certificate: "client:SHA256:AB:CD:…".
    QString joined(const QString& hostSha256Fingerprint);
    /// The session this side hosts, known by its own certificate: "host:SHA256:AB:CD:…".
    QString hosted(const QString& ownSha256Fingerprint);
    /// A session being joined before the host's certificate is trusted, known by where it
    /// connects (ClientOptions::endpoint()): "connecting:HOST:PORT". What is typed meanwhile is
    /// stored here and moved into the joined conversation once it is known.
    QString connecting(const QString& endpoint);

} // namespace ConversationKey

} // namespace securechat
