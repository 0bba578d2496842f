// SPDX-License-Identifier: MIT
// The history's conversation keys: one spelling, shared by the desktop app and securechat-cli.
#include "history/conversationkey.h"
#include "session/clientoptions.h"

#include <QTest>

using namespace securechat;

class TestConversationKey final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keysAreSpelledAsStored_data();
    void keysAreSpelledAsStored();
    void connectingKeyNamesTheEndpointAsKnownPeersDo_data();
    void connectingKeyNamesTheEndpointAsKnownPeersDo();
};

namespace {

const QString Fingerprint = QStringLiteral("3B:91:4F:0C").repeated(8);

} // namespace

void TestConversationKey::keysAreSpelledAsStored_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("spelled");
    // Files written by earlier versions use these: a new spelling would orphan them.
    QTest::newRow("joined") << ConversationKey::joined(Fingerprint)
                            << QStringLiteral("client:SHA256:") + Fingerprint;
    QTest::newRow("hosted") << ConversationKey::hosted(Fingerprint)
                            << QStringLiteral("host:SHA256:") + Fingerprint;
    QTest::newRow("connecting") << ConversationKey::connecting(QStringLiteral("example.org:7447"))
                                << QStringLiteral("connecting:example.org:7447");
}

void TestConversationKey::keysAreSpelledAsStored()
{
    QFETCH(QString, key);
    QFETCH(QString, spelled);
    QCOMPARE(key, spelled);
}

void TestConversationKey::connectingKeyNamesTheEndpointAsKnownPeersDo_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("key");
    const auto row = [](const char* name, const char* host, int port, const char* key) {
        QTest::newRow(name) << QString::fromUtf8(host) << port << QString::fromUtf8(key);
    };
    row("IPv4", "127.0.0.1", 7447, "connecting:127.0.0.1:7447");
    row("name in capitals", "Example.ORG", 7447, "connecting:example.org:7447");
    row("IPv6", "::1", 7447, "connecting:[::1]:7447");
    row("IPv6 in brackets", "[::1]", 7447, "connecting:[::1]:7447");
    row("IPv6 written long", "0:0:0:0:0:0:0:1", 7447, "connecting:[::1]:7447");
    row("not a host name: as given", "a b", 7447, "connecting:a b:7447");
}

void TestConversationKey::connectingKeyNamesTheEndpointAsKnownPeersDo()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, key);
    ClientOptions options;
    options.host = host;
    options.port = static_cast<quint16>(port);
    QCOMPARE(ConversationKey::connecting(options.endpoint()), key);
}

QTEST_GUILESS_MAIN(TestConversationKey)
#include "tst_conversationkey.moc"
