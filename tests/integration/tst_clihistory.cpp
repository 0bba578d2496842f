// SPDX-License-Identifier: MIT
// securechat-cli keeps its conversations: real host and connect processes on 127.0.0.1, the real
// history file, `history list | search | export`, and a client killed with SIGKILL mid-chat.
#include "cliprocess.h"
#include "history/historystore.h"
#include "testcerts.h"
#include "tls/certificatedetails.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace securechat;
using namespace securechat::test;

namespace {

/// A host on a free port with the identity stored in configDir.
struct Host {
    explicit Host(const QString& configDir)
        : process({ QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--nick"),
            QStringLiteral("hal"), QStringLiteral("--config-dir"), configDir })
        , port(process.waitForPort())
        , fingerprint(process.fingerprint())
    {
    }
    HostProcess process;
    quint16 port;
    QString fingerprint;
};

/// What follows "connect" for bob to join host, trusting its certificate, with configDir his own.
QStringList connectArguments(const Host& host, const QString& configDir)
{
    return { QStringLiteral("127.0.0.1"), QString::number(host.port), QStringLiteral("--trust-new"),
        QStringLiteral("--nick"), QStringLiteral("bob"), QStringLiteral("--config-dir"), configDir };
}

QStringList configDir(const QString& dir)
{
    return { QStringLiteral("--config-dir"), dir };
}

} // namespace

class TestCliHistory final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listNamesTheConversationByTheHostsCertificate();
    void hostKeepsItsOwnConversation();
    void searchFindsAWordPrefixInEveryConversation();
    void exportAsPlainText();
    void exportAsJsonLines();
    void exportOfAnUnknownConversationFails();
    void badFormatExits64();
    void noHistoryKeepsNothing();
    void sigkilledClientLosesNothingShownOrTyped();
    void pendingMessageGoesOutOnceOnTheNextConnection();
    void lineTypedWhileConnectingToATextModeHostIsNotLeftPending();
    void anotherCertificateOnTheSameAddressIsANewConversation();

private:
    QTemporaryDir m_dir;
    QString m_hostDir;
    QString m_clientDir;
    QString m_conversation;
};

void TestCliHistory::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_hostDir = m_dir.filePath(QStringLiteral("hal"));
    m_clientDir = m_dir.filePath(QStringLiteral("bob"));
    Host host(m_hostDir);
    QVERIFY(host.port != 0);
    m_conversation = QStringLiteral("client:SHA256:") + host.fingerprint;
    ConnectProcess client(connectArguments(host, m_clientDir));
    QTRY_VERIFY_WITH_TIMEOUT(host.process.readOutput().contains(QStringLiteral("* bob joined")), 10'000);
    client.write("checking fingerprints now\nsecond line\n");
    QTRY_VERIFY_WITH_TIMEOUT(host.process.readOutput().contains(QStringLiteral("<bob> second line")), 10'000);
    host.process.write("welcome bob\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.readOutput().contains(QStringLiteral("<hal> welcome bob")), 10'000);
    client.closeInput();
    QCOMPARE(client.waitForExit(), 0);
}

void TestCliHistory::listNamesTheConversationByTheHostsCertificate()
{
    const Finished listed
        = runCli(QStringList { QStringLiteral("history"), QStringLiteral("list") } + configDir(m_clientDir));
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.startsWith(m_conversation + QStringLiteral(" 127.0.0.1:")), qPrintable(listed.out));
    QCOMPARE(listed.out.count(u'\n'), 1);
}

void TestCliHistory::hostKeepsItsOwnConversation()
{
    const QString hosted = QStringLiteral("host:") + m_conversation.section(u':', 1);
    const Finished exported = runCli(
        QStringList { QStringLiteral("history"), QStringLiteral("export"), hosted } + configDir(m_hostDir));
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QVERIFY2(exported.out.contains(QStringLiteral("] bob: checking fingerprints now\n")),
        qPrintable(exported.out));
    QVERIFY(exported.out.contains(QStringLiteral("] hal: welcome bob\n")));
}

void TestCliHistory::searchFindsAWordPrefixInEveryConversation()
{
    const Finished found
        = runCli(QStringList { QStringLiteral("history"), QStringLiteral("search"), QStringLiteral("fing") }
            + configDir(m_clientDir));
    QCOMPARE(found.exitCode, 0);
    QVERIFY2(found.out.contains(m_conversation + QStringLiteral(" [")), qPrintable(found.out));
    QVERIFY(found.out.contains(QStringLiteral("] bob: checking fingerprints now")));
    QCOMPARE(found.out.count(u'\n'), 1);

    const Finished none
        = runCli(QStringList { QStringLiteral("history"), QStringLiteral("search"), QStringLiteral("zebra") }
            + configDir(m_clientDir));
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.isEmpty());
    QVERIFY(none.err.contains(QStringLiteral("no stored message contains zebra")));
}

void TestCliHistory::exportAsPlainText()
{
    const Finished exported
        = runCli(QStringList { QStringLiteral("history"), QStringLiteral("export"), m_conversation }
            + configDir(m_clientDir));
    QCOMPARE(exported.exitCode, 0);
    const QStringList lines = exported.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).endsWith(QStringLiteral("] bob: checking fingerprints now")));
    QVERIFY(lines.at(1).endsWith(QStringLiteral("] bob: second line")));
    QVERIFY(lines.at(2).endsWith(QStringLiteral("] hal: welcome bob")));
}

void TestCliHistory::exportAsJsonLines()
{
    const Finished exported = runCli(QStringList { QStringLiteral("history"), QStringLiteral("export"),
                                         QStringLiteral("--format"), QStringLiteral("jsonl"), m_conversation }
        + configDir(m_clientDir));
    QCOMPARE(exported.exitCode, 0);
    const QStringList lines = exported.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QJsonObject first = QJsonDocument::fromJson(lines.at(0).toUtf8()).object();
    QCOMPARE(first.value(QStringLiteral("sender")).toString(), QStringLiteral("bob"));
    QCOMPARE(first.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
    QCOMPARE(first.value(QStringLiteral("text")).toString(), QStringLiteral("checking fingerprints now"));
    const QJsonObject last = QJsonDocument::fromJson(lines.at(2).toUtf8()).object();
    QCOMPARE(last.value(QStringLiteral("direction")).toString(), QStringLiteral("in"));
    QCOMPARE(last.value(QStringLiteral("sender")).toString(), QStringLiteral("hal"));
}

void TestCliHistory::exportOfAnUnknownConversationFails()
{
    const Finished exported = runCli(QStringList { QStringLiteral("history"), QStringLiteral("export"),
                                         QStringLiteral("client:SHA256:00") }
        + configDir(m_clientDir));
    QCOMPARE(exported.exitCode, 1);
    QVERIFY(exported.out.isEmpty());
    QVERIFY(exported.err.contains(QStringLiteral("history list")));
}

void TestCliHistory::badFormatExits64()
{
    const Finished exported = runCli(QStringList { QStringLiteral("history"), QStringLiteral("export"),
                                         QStringLiteral("--format"), QStringLiteral("xml"), m_conversation }
        + configDir(m_clientDir));
    QCOMPARE(exported.exitCode, 64);
}

void TestCliHistory::noHistoryKeepsNothing()
{
    const QString hostDir = m_dir.filePath(QStringLiteral("quiet-hal"));
    const QString clientDir = m_dir.filePath(QStringLiteral("quiet-bob"));
    Host host(hostDir);
    QVERIFY(host.port != 0);
    const Finished chatted
        = runConnect(connectArguments(host, clientDir) << QStringLiteral("--no-history"), "unseen\n");
    QCOMPARE(chatted.exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(host.process.readOutput().contains(QStringLiteral("<bob> unseen")), 10'000);
    const Finished listed
        = runCli(QStringList { QStringLiteral("history"), QStringLiteral("list") } + configDir(clientDir));
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.isEmpty(), qPrintable(listed.out));
}

// Every line the client showed and every line it sent (the host showed it) is in its history
// after a SIGKILL in the middle of both sides talking.
void TestCliHistory::sigkilledClientLosesNothingShownOrTyped()
{
    const QString hostDir = m_dir.filePath(QStringLiteral("kill-hal"));
    const QString clientDir = m_dir.filePath(QStringLiteral("kill-bob"));
    Host host(hostDir);
    QVERIFY(host.port != 0);
    ConnectProcess client(connectArguments(host, clientDir));
    QTRY_VERIFY_WITH_TIMEOUT(host.process.readOutput().contains(QStringLiteral("* bob joined")), 10'000);
    for (int i = 0; i < 300; ++i) {
        client.write(QByteArray("typed ") + QByteArray::number(i) + '\n');
        host.process.write(QByteArray("said ") + QByteArray::number(i) + '\n');
        if (i == 100) // well under way in both directions: pull the plug while more is in flight
            QTRY_VERIFY_WITH_TIMEOUT(client.readOutput().contains(QStringLiteral("<hal> said 50\n")), 10'000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(host.process.readOutput().contains(QStringLiteral("<bob> typed 150\n")), 10'000);
    client.signal(SIGKILL);
    QCOMPARE(client.waitForExit(), -1);

    HistoryStore store;
    QCOMPARE(store.open(QDir(clientDir).filePath(QStringLiteral("history.sqlite"))).outcome,
        HistoryOpenReport::Outcome::Opened);
    QSet<QString> stored;
    for (const HistoryMessage& message :
        store.latest(QStringLiteral("client:SHA256:") + host.fingerprint, 10'000))
        stored.insert(message.senderNickname + u' ' + message.text);
    static const QRegularExpression shown(
        QStringLiteral("^<(hal|bob)> (.*)$"), QRegularExpression::MultilineOption);
    int checked = 0;
    for (const QString& output : { client.readOutput(), host.process.readOutput() }) {
        for (auto match = shown.globalMatch(output); match.hasNext(); ++checked) {
            const auto line = match.next();
            const QString message = line.captured(1) + u' ' + line.captured(2);
            QVERIFY2(stored.contains(message), qPrintable(message));
        }
    }
    QVERIFY(checked > 200);
}

// Typed while the host could not take it, the client killed: stored as pending, and sent, once,
// when the client next reaches a host with the same certificate.
void TestCliHistory::pendingMessageGoesOutOnceOnTheNextConnection()
{
    const QString hostDir = m_dir.filePath(QStringLiteral("pending-hal"));
    const QString clientDir = m_dir.filePath(QStringLiteral("pending-bob"));
    QString conversation;
    {
        Host host(hostDir);
        QVERIFY(host.port != 0);
        conversation = QStringLiteral("client:SHA256:") + host.fingerprint;
        ConnectProcess client(connectArguments(host, clientDir));
        QTRY_VERIFY_WITH_TIMEOUT(host.process.readOutput().contains(QStringLiteral("* bob joined")), 10'000);
        host.process.signal(SIGSTOP); // reads nothing, acknowledges nothing
        client.write("written into the void\n");
        QTest::qWait(1000); // the client reads its input at once; nothing says so
        client.signal(SIGKILL);
        QCOMPARE(client.waitForExit(), -1);
        host.process.signal(SIGKILL); // the bytes in its socket die with it
        host.process.signal(SIGCONT);
    }
    {
        HistoryStore store;
        QVERIFY(store.open(QDir(clientDir).filePath(QStringLiteral("history.sqlite"))).outcome
            == HistoryOpenReport::Outcome::Opened);
        const QList<HistoryMessage> pending = store.pending(conversation);
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.constFirst().text, QStringLiteral("written into the void"));
    }
    Host again(hostDir); // the same identity: the same conversation
    QVERIFY(again.port != 0);
    QCOMPARE(QStringLiteral("client:SHA256:") + again.fingerprint, conversation);
    const Finished rejoined = runConnect(connectArguments(again, clientDir));
    QCOMPARE(rejoined.exitCode, 0);
    QVERIFY2(rejoined.err.contains(QStringLiteral("sending 1 message")), qPrintable(rejoined.err));
    QTRY_VERIFY_WITH_TIMEOUT(
        again.process.readOutput().contains(QStringLiteral("<bob> written into the void\n")), 10'000);
    QTest::qWait(300);
    QCOMPARE(again.process.readOutput().count(QStringLiteral("written into the void")), 1);
}

// A text-mode host (openssl s_server) acknowledges nothing: a line typed before the client joined
// went out when it joined, and is not sent again by the next connection.
void TestCliHistory::lineTypedWhileConnectingToATextModeHostIsNotLeftPending()
{
    QTcpServer probe; // a port that was free a moment ago
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    QProcess server;
    server.start(QStringLiteral("openssl"),
        { QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:%1").arg(port),
            QStringLiteral("-cert"), certPath(QStringLiteral("host.pem")), QStringLiteral("-key"),
            certPath(QStringLiteral("host.key")), QStringLiteral("-naccept"), QStringLiteral("1") });
    QByteArray served;
    QTRY_VERIFY_WITH_TIMEOUT((served += server.readAllStandardOutput()).contains("ACCEPT"), 10'000);

    const QString clientDir = m_dir.filePath(QStringLiteral("text-bob"));
    const Finished chatted
        = runConnect({ QStringLiteral("localhost"), QString::number(port), QStringLiteral("--ca"),
                         certPath(QStringLiteral("ca.pem")), QStringLiteral("--config-dir"), clientDir },
            "typed before joining\n");
    QCOMPARE(chatted.exitCode, 0);
    QVERIFY(server.waitForFinished(10'000));
    served += server.readAllStandardOutput();
    QCOMPARE(served.count("typed before joining"), 1);

    HistoryStore store;
    QCOMPARE(store.open(QDir(clientDir).filePath(QStringLiteral("history.sqlite"))).outcome,
        HistoryOpenReport::Outcome::Opened);
    const QString conversation = QStringLiteral("client:SHA256:")
        + CertificateDetails::formatFingerprint(sha256Of(QStringLiteral("host.pem")));
    const QList<HistoryMessage> stored = store.latest(conversation, 10);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().text, QStringLiteral("typed before joining"));
    QCOMPARE(stored.constFirst().state, HistoryState::Sent);
}

// The host bob joined is gone; another one, with another certificate the same CA signed, answers
// on its port when bob reconnects: a new conversation, which does not get what the first host
// never received (that stays pending in the first one's).
void TestCliHistory::anotherCertificateOnTheSameAddressIsANewConversation()
{
    const QString clientDir = m_dir.filePath(QStringLiteral("another-bob"));
    auto first = std::make_unique<HostProcess>(QStringList { QStringLiteral("--port"), QStringLiteral("0"),
                                                   QStringLiteral("--nick"), QStringLiteral("hal") }
        + certificateArguments(QStringLiteral("host"))
        + configDir(m_dir.filePath(QStringLiteral("first-hal"))));
    const quint16 port = first->waitForPort();
    QVERIFY(port != 0);
    const QString firstConversation = QStringLiteral("client:SHA256:") + first->fingerprint();
    ConnectProcess client({ QStringLiteral("127.0.0.1"), QString::number(port), QStringLiteral("--ca"),
        certPath(QStringLiteral("ca.pem")), QStringLiteral("--nick"), QStringLiteral("bob"),
        QStringLiteral("--config-dir"), clientDir });
    QTRY_VERIFY_WITH_TIMEOUT(first->readOutput().contains(QStringLiteral("* bob joined")), 10'000);
    first->signal(SIGSTOP); // reads nothing, acknowledges nothing
    client.write("for the first host only\n");
    QTest::qWait(1000); // the client reads its input at once; nothing says so
    first->signal(SIGKILL);
    first->signal(SIGCONT);
    first.reset();

    HostProcess second(QStringList { QStringLiteral("--port"), QString::number(port),
                           QStringLiteral("--nick"), QStringLiteral("sal") }
        + certificateArguments(QStringLiteral("host-rsa"))
        + configDir(m_dir.filePath(QStringLiteral("second-sal"))));
    QCOMPARE(second.waitForPort(), port);
    const QString secondConversation = QStringLiteral("client:SHA256:") + second.fingerprint();
    QVERIFY(secondConversation != firstConversation);
    const QString said
        = client.waitFor(QRegularExpression(QStringLiteral("(a different certificate answered [^\n]*)")));
    // The fingerprint in groups, as the host prints it.
    QCOMPARE(QString(said).replace(
                 QRegularExpression(QStringLiteral("(?<=SHA256:)[0-9A-F: ]+(?=\\))")), QStringLiteral("…")),
        QStringLiteral("a different certificate answered on 127.0.0.1:%1 (SHA256:…): this is a new "
                       "conversation; 1 unsent message(s) stay for the earlier host")
            .arg(port));
    QVERIFY2(QString(said).replace(u' ', u':').contains(second.fingerprint()), qPrintable(said));
    client.write("for the second host\n");
    QTRY_VERIFY_WITH_TIMEOUT(
        second.readOutput().contains(QStringLiteral("<bob> for the second host")), 10'000);
    client.closeInput();
    QCOMPARE(client.waitForExit(), 0);
    QVERIFY(!second.readOutput().contains(QStringLiteral("for the first host only")));

    HistoryStore store;
    QCOMPARE(store.open(QDir(clientDir).filePath(QStringLiteral("history.sqlite"))).outcome,
        HistoryOpenReport::Outcome::Opened);
    const QList<HistoryMessage> earlier = store.pending(firstConversation);
    QCOMPARE(earlier.size(), 1);
    QCOMPARE(earlier.constFirst().text, QStringLiteral("for the first host only"));
    const QList<HistoryMessage> now = store.latest(secondConversation, 10);
    QCOMPARE(now.size(), 1);
    QCOMPARE(now.constFirst().text, QStringLiteral("for the second host"));
    QCOMPARE(now.constFirst().state, HistoryState::Sent);
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_clihistory.moc"
