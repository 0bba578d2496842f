// SPDX-License-Identifier: MIT
#pragma once

#include "session/chatclient.h"
#include "session/chathost.h"

#include <QList>
#include <QObject>

#include <memory>

namespace securechat::test {

/// A host on 127.0.0.1, any free port, with the test CA's "host" certificate (or another one).
HostOptions hostOptions(const QString& identityName = QStringLiteral("host"));
std::unique_ptr<ChatHost> startHost(HostOptions options = hostOptions());

/// A client of that host that verifies it with the test CA.
ClientOptions clientOptions(const ChatHost& host, const QString& nick);
/// A ChatClient of `host` that has joined (fails the whole test run if it cannot).
std::unique_ptr<ChatClient> joinedClient(const ChatHost& host, const QString& nick);

/// Everything one client received, in order.
class Inbox final : public QObject {
    Q_OBJECT
public:
    explicit Inbox(ChatClient& client);
    explicit Inbox(ChatHost& host);
    QList<ChatMessage> messages;
    QStringList texts() const;
};

} // namespace securechat::test
