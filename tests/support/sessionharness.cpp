// SPDX-License-Identifier: MIT
#include "sessionharness.h"

#include "testcerts.h"

#include <QSignalSpy>
#include <QTest>

namespace securechat::test {

HostOptions hostOptions(const QString& identityName)
{
    HostOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.nick = QStringLiteral("host");
    options.identity = identity(identityName);
    return options;
}

std::unique_ptr<ChatHost> startHost(HostOptions options)
{
    auto host = std::make_unique<ChatHost>(std::move(options));
    const Status started = host->start();
    if (!started)
        qFatal("host did not start: %s", qPrintable(started.error()));
    return host;
}

ClientOptions clientOptions(const ChatHost& host, const QString& nick)
{
    ClientOptions options;
    options.host = QStringLiteral("localhost");
    options.port = host.port();
    options.nick = nick;
    options.caCertificates = caCertificates();
    return options;
}

Inbox::Inbox(ChatClient& client)
{
    connect(&client, &ChatClient::messageReceived, this, [this](const ChatMessage& m) { messages << m; });
}

Inbox::Inbox(ChatHost& host)
{
    connect(&host, &ChatHost::messageReceived, this, [this](const ChatMessage& m) { messages << m; });
}

QStringList Inbox::texts() const
{
    QStringList texts;
    for (const ChatMessage& message : messages)
        texts << message.text;
    return texts;
}

std::unique_ptr<ChatClient> joinedClient(const ChatHost& host, const QString& nick)
{
    auto client = std::make_unique<ChatClient>(clientOptions(host, nick));
    QSignalSpy joined(client.get(), &ChatClient::joined);
    client->connectToHost();
    if (!joined.wait(10'000))
        qFatal("%s did not join", qPrintable(nick));
    return client;
}

} // namespace securechat::test
