// SPDX-License-Identifier: MIT
// Standard TLS tools join a session as text-mode peers, next to a SecureChat client.
// The peers are real subprocesses: openssl s_client and ncat --ssl, verifying the host.
#include "sessionharness.h"
#include "testcerts.h"

#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

class TestInterop final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void textPeerAndClientTalkThroughOneHost_data();
    void textPeerAndClientTalkThroughOneHost();
};

namespace {

QStringList peerCommand(const QString& tool, quint16 port)
{
    const QString ca = certPath(QStringLiteral("ca.pem"));
    const QString portText = QString::number(port);
    if (tool == QStringLiteral("openssl"))
        return { QStringLiteral("openssl"), QStringLiteral("s_client"), QStringLiteral("-connect"),
            QStringLiteral("127.0.0.1:") + portText, QStringLiteral("-CAfile"), ca,
            QStringLiteral("-verify_return_error"), QStringLiteral("-verify_hostname"),
            QStringLiteral("localhost"), QStringLiteral("-brief") };
    return { QStringLiteral("ncat"), QStringLiteral("--ssl"), QStringLiteral("--ssl-verify"),
        QStringLiteral("--ssl-trustfile"), ca, QStringLiteral("localhost"), portText };
}

} // namespace

void TestInterop::textPeerAndClientTalkThroughOneHost_data()
{
    QTest::addColumn<QString>("tool");
    QTest::newRow("openssl s_client") << QStringLiteral("openssl");
    QTest::newRow("ncat --ssl") << QStringLiteral("ncat");
}

void TestInterop::textPeerAndClientTalkThroughOneHost()
{
    QFETCH(QString, tool);
    if (QStandardPaths::findExecutable(tool).isEmpty())
        QFAIL(qPrintable(tool + QStringLiteral(" is not installed (scripts/test installs it)")));

    auto host = startHost();
    Inbox hostInbox(*host);
    auto alice = std::make_unique<ChatClient>(clientOptions(*host, QStringLiteral("alice")));
    QSignalSpy aliceJoined(alice.get(), &ChatClient::joined);
    alice->connectToHost();
    QVERIFY(aliceJoined.wait());
    Inbox aliceInbox(*alice);
    QSignalSpy renamed(alice.get(), &ChatClient::participantRenamed);
    QSignalSpy left(alice.get(), &ChatClient::participantLeft);
    QSignalSpy hostJoins(host.get(), &ChatHost::participantJoined);

    QProcess peer;
    const QStringList command = peerCommand(tool, host->port());
    peer.start(command.first(), command.mid(1));
    QVERIFY2(peer.waitForStarted(), qPrintable(peer.errorString()));
    QVERIFY2(hostJoins.wait(10'000), peer.readAllStandardError().constData());
    const Participant guest = hostJoins.at(0).at(0).value<Participant>();
    QVERIFY(!guest.structured);

    peer.write("hello from text\n");
    QTRY_COMPARE(aliceInbox.messages.size(), 1);
    QCOMPARE(aliceInbox.messages.at(0).from, guest.nick);
    QCOMPARE(aliceInbox.messages.at(0).text, QStringLiteral("hello from text"));

    alice->sendMessage(QStringLiteral("hi <text> peer, ünïcode"));
    QByteArray seen;
    QTRY_VERIFY((seen += peer.readAllStandardOutput())
                    .contains("<alice> hi <text> peer, \xC3\xBCn\xC3\xAF"
                              "code\n"));

    peer.write("/nick tess\n");
    QTRY_COMPARE(renamed.size(), 1);
    QCOMPARE(renamed.at(0).at(1).toString(), QStringLiteral("tess"));

    peer.write("last words without a newline");
    peer.closeWriteChannel();
    QTRY_COMPARE_WITH_TIMEOUT(hostInbox.texts().size(), 3, 10'000);
    QCOMPARE(hostInbox.texts().last(), QStringLiteral("last words without a newline"));
    QTRY_COMPARE_WITH_TIMEOUT(left.size(), 1, 10'000);
    QTRY_COMPARE_WITH_TIMEOUT(peer.state(), QProcess::NotRunning, 10'000);
}

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
