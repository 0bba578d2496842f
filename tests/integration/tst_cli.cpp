// SPDX-License-Identifier: MIT
// securechat-cli end to end: real processes, real files, real TLS on 127.0.0.1.
#include "base/apppaths.h"
#include "cliprocess.h"
#include "protocol/nicknamerule.h"
#include "tcprelay.h"
#include "testcerts.h"
#include "tls/certificatedetails.h"
#include "trust/knownclients.h"

#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

Q_DECLARE_METATYPE(KnownClient::Verdict)

class TestCli final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void badUsageExits64_data();
    void badUsageExits64();
    void nicknameOutsideTheRuleIsRefusedInItsWords_data();
    void nicknameOutsideTheRuleIsRefusedInItsWords();
    void commandsPrintNoParserWarnings_data();
    void commandsPrintNoParserWarnings();
    void hostPrintsItsFingerprintInGroups();
    void helpDocumentsEveryCommand();
    void versionNamesQtAndTheTlsLibrary();
    void unusableIdentityExits1_data();
    void unusableIdentityExits1();
    void nothingListeningExits3();
    void hostAndConnectChat();
    void joinLinesSayWhatTheHostChecked();
    void untrustedHostExits2WithItsFingerprint();
    void trustNewRemembersAndAChangedCertificateIsRefused();
    void pinnedHostIsAccepted();
    void inviteLinkAcceptsItsCertificateWithoutAQuestion();
    void inviteLinkRefusesAnotherCertificate();
    void malformedInviteLinkIsAClearError_data();
    void malformedInviteLinkIsAClearError();
    void verifyPrintsTheSameSafetyNumberOnBothSides();
    void hostIsWarnedWhenAKnownNickArrivesWithAnotherCertificate_data();
    void hostIsWarnedWhenAKnownNickArrivesWithAnotherCertificate();
    void hostConfirmsAParticipantAndKnowsThemNextTime();
    void joinerConfirmsTheHostAndKnowsItNextTime();
    void peersListsKnownClientsAndForgetsOneByFingerprint();
    void hostAppliesItsLimitOptions();
    void peersListAndForget();
    void newUsersChatWithNoCertificateFiles();
    void hostRemovesAParticipantWithKick();
    void knownOnlyHostRefusesAStranger();
    void clientHeldBackByTheHostSaysHowManyAreOnTheirWay();
    void lostConnectionIsReconnectedAndSaidOnStderr();

private:
    QString m_configDir;
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

/// What follows "connect" to reach the host on port that presents the test CA's "host"
/// certificate, verified by that CA.
QStringList testCaHost(quint16 port)
{
    return { QStringLiteral("localhost"), QString::number(port), QStringLiteral("--ca"),
        certPath(QStringLiteral("ca.pem")) };
}

} // namespace

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_configDir = m_dir->path();
}

void TestCli::badUsageExits64_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList {};
    QTest::newRow("unknown command") << QStringList { QStringLiteral("chat") };
    QTest::newRow("rejoin grace not a number")
        << QStringList { QStringLiteral("host"), QStringLiteral("--rejoin-grace"), QStringLiteral("soon") };
    QTest::newRow("connect without port")
        << QStringList { QStringLiteral("connect"), QStringLiteral("localhost") };
    QTest::newRow("port not a number")
        << QStringList { QStringLiteral("connect"), QStringLiteral("localhost"), QStringLiteral("http") };
    QTest::newRow("port too large") << QStringList { QStringLiteral("host"), QStringLiteral("--port"),
        QStringLiteral("70000") };
    QTest::newRow("unknown option") << QStringList { QStringLiteral("host"), QStringLiteral("--colour") };
    QTest::newRow("bad bind address")
        << QStringList { QStringLiteral("host"), QStringLiteral("--bind"), QStringLiteral("somewhere") };
    QTest::newRow("cert without key")
        << QStringList { QStringLiteral("host"), QStringLiteral("--cert"), QStringLiteral("a.pem") };
    QTest::newRow("limit not a number")
        << QStringList { QStringLiteral("host"), QStringLiteral("--max-peers"), QStringLiteral("many") };
    QTest::newRow("limit below its range")
        << QStringList { QStringLiteral("host"), QStringLiteral("--max-peers"), QStringLiteral("0") };
    QTest::newRow("limit above its range") << QStringList { QStringLiteral("host"),
        QStringLiteral("--handshake-timeout"), QStringLiteral("100000") };
    QTest::newRow("unknown admission mode")
        << QStringList { QStringLiteral("host"), QStringLiteral("--admit"), QStringLiteral("everyone") };
    QTest::newRow("asking without a terminal")
        << QStringList { QStringLiteral("host"), QStringLiteral("--admit"), QStringLiteral("ask") };
    QTest::newRow("bad pin") << QStringList { QStringLiteral("connect"), QStringLiteral("localhost"),
        QStringLiteral("1"), QStringLiteral("--pin"), QStringLiteral("AB:CD") };
}

void TestCli::badUsageExits64()
{
    QFETCH(QStringList, arguments);
    const Finished result = runCli(arguments + QStringList { QStringLiteral("--config-dir"), m_configDir });
    QCOMPARE(result.exitCode, 64);
    QVERIFY2(result.err.startsWith(QStringLiteral("securechat-cli: ")), qPrintable(result.err));
    QCOMPARE(result.err.count(u'\n'), 1);
}

void TestCli::nicknameOutsideTheRuleIsRefusedInItsWords_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("nick");
    // Before: connect joined as "guest", the host having renamed what the GUI refuses.
    QTest::newRow("connect, a space") << QStringList { QStringLiteral("connect"), QStringLiteral("127.0.0.1"),
        QStringLiteral("1") } << QStringLiteral("bob smith");
    QTest::newRow("host, a star") << QStringList { QStringLiteral("host"), QStringLiteral("--port"),
        QStringLiteral("0") } << QStringLiteral("*host*");
    QTest::newRow("identity new, too long")
        << QStringList { QStringLiteral("identity"), QStringLiteral("new") } << QString(40, u'n');
}

void TestCli::nicknameOutsideTheRuleIsRefusedInItsWords()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, nick);
    const Finished result = runCli(arguments
        + QStringList { QStringLiteral("--nick"), nick, QStringLiteral("--config-dir"), m_configDir });
    QCOMPARE(result.exitCode, 64);
    QCOMPARE(result.err, QStringLiteral("securechat-cli: ") + NicknameRule::problem(nick) + u'\n');
    QVERIFY(!QFile::exists(AppPaths(m_configDir).identityDirectory())); // nothing done
}

void TestCli::commandsPrintNoParserWarnings_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("identity new") << QStringList { QStringLiteral("identity"), QStringLiteral("new") };
    QTest::newRow("identity show") << QStringList { QStringLiteral("identity"), QStringLiteral("show") };
    QTest::newRow("peers list") << QStringList { QStringLiteral("peers"), QStringLiteral("list") };
}

void TestCli::commandsPrintNoParserWarnings()
{
    QFETCH(QStringList, arguments);
    const Finished result = runCli(arguments + QStringList { QStringLiteral("--config-dir"), m_configDir });
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(!result.err.contains(QStringLiteral("QCommandLineParser")), qPrintable(result.err));
}

void TestCli::hostPrintsItsFingerprintInGroups()
{
    HostProcess host(certificateArguments(QStringLiteral("host"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY(host.waitForPort() != 0);
    const QString grouped = CertificateDetails::groupedFingerprint(host.fingerprint());
    // 4 groups of 8 pairs, as the desktop app shows it in 4 lines.
    static const QRegularExpression groups(
        QStringLiteral("^([0-9A-F]{2}(:[0-9A-F]{2}){7} ){3}[0-9A-F]{2}(:[0-9A-F]{2}){7}$"));
    QVERIFY2(groups.match(grouped).hasMatch(), qPrintable(grouped));
    QVERIFY2(host.readError().contains(QStringLiteral("fingerprint SHA256:") + grouped + u'\n'),
        qPrintable(host.readError()));
}

void TestCli::helpDocumentsEveryCommand()
{
    const Finished result = runCli({ QStringLiteral("--help") });
    QCOMPARE(result.exitCode, 0);
    for (const char* command : { "host", "connect HOST PORT", "discover", "identity", "peers" })
        QVERIFY2(result.out.contains(QString::fromLatin1(command)), command);
    const Finished hostHelp = runCli({ QStringLiteral("host"), QStringLiteral("--help") });
    for (const char* option : { "--bind ADDR", "--port N", "--cert FILE", "--key FILE",
             "--passphrase-file FILE", "--nick NAME", "--admit MODE", "--announce", "--require-client-cert",
             "--max-peers N", "--max-line-kib N", "--max-queue-kib N", "--handshake-timeout N",
             "--max-handshakes-per-address N", "--stall-timeout N", "--max-rate-lines N", "--max-rate-kib N",
             "--idle-ping N", "--rejoin-grace S" })
        QVERIFY2(hostHelp.out.contains(QString::fromLatin1(option)), option);
}

void TestCli::versionNamesQtAndTheTlsLibrary()
{
    const Finished result = runCli({ QStringLiteral("--version") });
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(
        result.out.startsWith(QStringLiteral("securechat-cli " SECURECHAT_VERSION)), qPrintable(result.out));
    QVERIFY(result.out.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())));
    QVERIFY(result.out.contains(QStringLiteral("OpenSSL")));
}

void TestCli::unusableIdentityExits1_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing certificate file") << QStringList { QStringLiteral("--cert"),
        QStringLiteral("/nonexistent/host.pem"), QStringLiteral("--key"),
        certPath(QStringLiteral("host.key")) } << QStringLiteral("/nonexistent/host.pem");
    QTest::newRow("wrong passphrase")
        << QStringList { QStringLiteral("--cert"), certPath(QStringLiteral("host.pem")),
               QStringLiteral("--key"), certPath(QStringLiteral("host-encrypted.key")),
               QStringLiteral("--passphrase-file"), certPath(QStringLiteral("ca.pem")) }
        << QStringLiteral("passphrase");
    QTest::newRow("key of another certificate") << QStringList { QStringLiteral("--cert"),
        certPath(QStringLiteral("host.pem")), QStringLiteral("--key"),
        certPath(QStringLiteral("client.key")) } << QStringLiteral("match");
    QTest::newRow("expired certificate")
        << certificateArguments(QStringLiteral("expired")) << QStringLiteral("expired");
}

void TestCli::unusableIdentityExits1()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const Finished result
        = runCli(QStringList { QStringLiteral("host"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"), QStringLiteral("0") }
            + arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(mentions, Qt::CaseInsensitive), qPrintable(result.err));
}

void TestCli::nothingListeningExits3()
{
    // A port that was free a moment ago: bind, read it, release it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const Finished result = runCli({ QStringLiteral("connect"), QStringLiteral("127.0.0.1"),
        QString::number(port), QStringLiteral("--config-dir"), m_configDir });
    QCOMPARE(result.exitCode, 3);
    // One sentence, not "connection refused: nothing is listening there (Connection refused)".
    QCOMPARE(result.err, QStringLiteral("securechat-cli: nobody is listening on 127.0.0.1:%1\n").arg(port));
}

void TestCli::hostAndConnectChat()
{
    HostProcess host(certificateArguments(QStringLiteral("host"))
        + QStringList {
            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--nick"), QStringLiteral("hal") });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    QCOMPARE(host.fingerprint(), CertificateDetails::formatFingerprint(sha256Of(QStringLiteral("host.pem"))));

    ConnectProcess client(testCaHost(port)
        + QStringList {
            QStringLiteral("--nick"), QStringLiteral("bob"), QStringLiteral("--config-dir"), m_configDir });
    QTRY_VERIFY_WITH_TIMEOUT(host.readOutput().contains(QStringLiteral("* bob joined")), 10'000);
    host.write("hello bob\n");
    QTRY_VERIFY_WITH_TIMEOUT(client.readOutput().contains(QStringLiteral("<hal> hello bob\n")), 10'000);

    client.write("hello hal\n\xE2\x80\xAEreversed\nno newline at the end");
    client.closeInput();
    QCOMPARE(client.waitForExit(), 0);
    QTRY_VERIFY(host.readOutput().contains(QStringLiteral("<bob> no newline at the end\n")));
    QVERIFY(host.readOutput().contains(QStringLiteral("<bob> hello hal\n")));
    // The bidi override is shown, not obeyed.
    QVERIFY(host.readOutput().contains(QString::fromUtf8("<bob> ⟨RLO⟩reversed\n")));
    QTRY_VERIFY(host.readOutput().contains(QStringLiteral("* bob left")));
    QCOMPARE(host.terminate(), 0);
}

void TestCli::joinLinesSayWhatTheHostChecked()
{
    HostProcess host(certificateArguments(QStringLiteral("host"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    ConnectProcess bob(testCaHost(port)
        + QStringList {
            QStringLiteral("--nick"), QStringLiteral("bob"), QStringLiteral("--config-dir"), m_configDir });
    // Bob's certificate is his own self-signed identity: the host lets him in unchecked.
    QTRY_VERIFY_WITH_TIMEOUT(
        host.readOutput().contains(QStringLiteral("* bob joined (not checked, SHA256:")), 10'000);
    const Finished carol = runConnect(testCaHost(port)
            + QStringList { QStringLiteral("--nick"), QStringLiteral("carol"), QStringLiteral("--config-dir"),
                m_configDir },
        "hello\n");
    QCOMPARE(carol.exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        bob.readOutput().contains(QStringLiteral("* carol joined (admitted by the host; not checked)\n")),
        10'000);
    bob.closeInput();
    QVERIFY(bob.waitForExit() != -1);
}

void TestCli::untrustedHostExits2WithItsFingerprint()
{
    HostProcess host(certificateArguments(QStringLiteral("selfsigned"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    const Finished result = runCli({ QStringLiteral("connect"), QStringLiteral("localhost"),
                                       QString::number(port), QStringLiteral("--config-dir"), m_configDir },
        "must not be sent\n");
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(host.fingerprint()), qPrintable(result.err));
    QVERIFY(!host.readOutput().contains(QStringLiteral("must not be sent")));
}

void TestCli::trustNewRemembersAndAChangedCertificateIsRefused()
{
    quint16 port = 0;
    {
        HostProcess host(certificateArguments(QStringLiteral("selfsigned"))
            + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
        port = host.waitForPort();
        QVERIFY(port != 0);
        const QStringList connect { QStringLiteral("connect"), QStringLiteral("localhost"),
            QString::number(port), QStringLiteral("--config-dir"), m_configDir };
        QCOMPARE(runCli(connect + QStringList { QStringLiteral("--trust-new") }, "first\n").exitCode, 0);
        // Remembered: no flag needed the second time.
        QCOMPARE(runCli(connect, "second\n").exitCode, 0);
        QTRY_VERIFY(host.readOutput().contains(QStringLiteral("second")));
        QCOMPARE(host.terminate(), 0);
    }
    HostProcess impostor(certificateArguments(QStringLiteral("selfsigned2"))
        + QStringList { QStringLiteral("--port"), QString::number(port) });
    QCOMPARE(impostor.waitForPort(), port);
    const Finished refused
        = runCli({ QStringLiteral("connect"), QStringLiteral("localhost"), QString::number(port),
                     QStringLiteral("--config-dir"), m_configDir, QStringLiteral("--trust-new") },
            "to the impostor\n");
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("attack"), Qt::CaseInsensitive), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(CertificateDetails::groupedFingerprint(impostor.fingerprint())),
        qPrintable(refused.err));
}

void TestCli::pinnedHostIsAccepted()
{
    HostProcess host(certificateArguments(QStringLiteral("selfsigned"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    const quint16 port = host.waitForPort();
    const QString pin = QStringLiteral("SHA256:") + host.fingerprint();
    const Finished result
        = runCli({ QStringLiteral("connect"), QStringLiteral("localhost"), QString::number(port),
                     QStringLiteral("--pin"), pin, QStringLiteral("--config-dir"), m_configDir },
            "pinned hello\n");
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains(QStringLiteral("pinned")), qPrintable(result.err));
    QTRY_VERIFY(host.readOutput().contains(QStringLiteral("pinned hello")));
}

namespace {

QString inviteLink(quint16 port, const QString& formattedFingerprint)
{
    return QStringLiteral("securechat://127.0.0.1:%1/?nick=hal&fp=SHA256:%2")
        .arg(port)
        .arg(QString::fromLatin1(CertificateDetails::parseFingerprint(formattedFingerprint).toHex()));
}

// The digits of the first "safety number with ...: 12345 67890 ..." line in `text`.
QString safetyNumberIn(const QString& text)
{
    static const QRegularExpression line(QStringLiteral("safety number with [^:]+: ((?:\\d{5} ){11}\\d{5})"));
    return line.match(text).captured(1);
}

} // namespace

void TestCli::inviteLinkAcceptsItsCertificateWithoutAQuestion()
{
    HostProcess host(certificateArguments(QStringLiteral("selfsigned"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    // No terminal, no --trust-new, nothing remembered: only the link vouches for the host.
    const Finished result = runCli({ QStringLiteral("connect"), inviteLink(port, host.fingerprint()),
                                       QStringLiteral("--config-dir"), m_configDir },
        "invited hello\n");
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains(QStringLiteral("verified by invite")), qPrintable(result.err));
    QTRY_VERIFY(host.readOutput().contains(QStringLiteral("invited hello")));
    // Nothing was remembered: an invitation trusts for this connection.
    QCOMPARE(runCli({ QStringLiteral("peers"), QStringLiteral("list"), QStringLiteral("--config-dir"),
                        m_configDir })
                 .out,
        QString());
}

void TestCli::inviteLinkRefusesAnotherCertificate()
{
    HostProcess genuine(certificateArguments(QStringLiteral("selfsigned"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    const QString invited = genuine.fingerprint();
    QVERIFY(!invited.isEmpty());
    HostProcess impostor(certificateArguments(QStringLiteral("selfsigned2"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    const quint16 port = impostor.waitForPort();
    QVERIFY(port != 0);
    const Finished refused
        = runCli({ QStringLiteral("connect"), inviteLink(port, invited), QStringLiteral("--config-dir"),
                     m_configDir, QStringLiteral("--trust-new") },
            "to the impostor\n");
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("attack"), Qt::CaseInsensitive), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(CertificateDetails::groupedFingerprint(impostor.fingerprint())),
        qPrintable(refused.err));
    QVERIFY(!impostor.readOutput().contains(QStringLiteral("to the impostor")));
}

void TestCli::malformedInviteLinkIsAClearError_data()
{
    QTest::addColumn<QString>("link");
    const QString hex = QStringLiteral("ab").repeated(32);
    QTest::newRow("truncated fingerprint")
        << QStringLiteral("securechat://127.0.0.1:7447/?fp=SHA256:") + hex.left(40);
    QTest::newRow("no fingerprint") << QStringLiteral("securechat://127.0.0.1:7447/?nick=hal");
    QTest::newRow("other scheme") << QStringLiteral("https://127.0.0.1:7447/?fp=SHA256:") + hex;
    QTest::newRow("no port") << QStringLiteral("securechat://127.0.0.1/?fp=SHA256:") + hex;
}

void TestCli::malformedInviteLinkIsAClearError()
{
    QFETCH(QString, link);
    const Finished result = runCli(
        { QStringLiteral("connect"), link, QStringLiteral("--config-dir"), m_configDir }, "never sent\n");
    QCOMPARE(result.exitCode, 64);
    QVERIFY2(result.err.contains(QStringLiteral("invite link"), Qt::CaseInsensitive), qPrintable(result.err));
}

void TestCli::verifyPrintsTheSameSafetyNumberOnBothSides()
{
    HostProcess host(certificateArguments(QStringLiteral("selfsigned"))
        + QStringList {
            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--nick"), QStringLiteral("hal") });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    ConnectProcess bob({ inviteLink(port, host.fingerprint()), QStringLiteral("--nick"),
        QStringLiteral("bob"), QStringLiteral("--config-dir"), m_configDir });
    QTRY_VERIFY_WITH_TIMEOUT(bob.readError().contains(QStringLiteral("joined")), 10'000);
    bob.write("/verify\n");
    QTRY_VERIFY_WITH_TIMEOUT(!safetyNumberIn(bob.readError()).isEmpty(), 10'000);
    host.write("/verify bob\n");
    QString hostNumber;
    QTRY_VERIFY_WITH_TIMEOUT(!(hostNumber = safetyNumberIn(host.readError())).isEmpty(), 10'000);
    QCOMPARE(hostNumber, safetyNumberIn(bob.readError()));
    QVERIFY2(!host.readOutput().contains(QStringLiteral("/verify")), "a command is not sent as a message");
    bob.closeInput();
    QVERIFY(bob.waitForExit() != -1);
}

void TestCli::hostIsWarnedWhenAKnownNickArrivesWithAnotherCertificate_data()
{
    QTest::addColumn<KnownClient::Verdict>("verdict");
    QTest::addColumn<QString>("warning");
    QTest::newRow("always admitted") << KnownClient::Verdict::Admit
                                     << QStringLiteral("than the bob you always admit");
    QTest::newRow("verified") << KnownClient::Verdict::Verified
                              << QStringLiteral("than the bob you verified");
}

void TestCli::hostIsWarnedWhenAKnownNickArrivesWithAnotherCertificate()
{
    QFETCH(KnownClient::Verdict, verdict);
    QFETCH(QString, warning);
    QTemporaryDir hostHome;
    KnownClients known(AppPaths(hostHome.path()).knownClientsFile());
    QVERIFY(known.remember({ sha256Of(QStringLiteral("client.pem")), verdict, QStringLiteral("bob") }));
    HostProcess host(certificateArguments(QStringLiteral("selfsigned"))
        + QStringList {
            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--config-dir"), hostHome.path() });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    // This "bob" presents his generated identity, not the certificate the host knows as bob's.
    const Finished impostor
        = runCli({ QStringLiteral("connect"), inviteLink(port, host.fingerprint()), QStringLiteral("--nick"),
                     QStringLiteral("bob"), QStringLiteral("--config-dir"), m_configDir },
            "it is me\n");
    QCOMPARE(impostor.exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        host.readError().contains(QStringLiteral("warning: bob joined with another certificate")), 10'000);
    QVERIFY2(host.readError().contains(warning), qPrintable(host.readError()));
}

void TestCli::hostConfirmsAParticipantAndKnowsThemNextTime()
{
    QTemporaryDir hostHome;
    HostProcess host(certificateArguments(QStringLiteral("selfsigned"))
        + QStringList {
            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--config-dir"), hostHome.path() });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    const QStringList bobConnects { inviteLink(port, host.fingerprint()), QStringLiteral("--nick"),
        QStringLiteral("bob"), QStringLiteral("--config-dir"), m_configDir };
    ConnectProcess bob(bobConnects);
    // Said in groups when he joins; listed as one run, as `peers forget` takes it.
    const QString bobGrouped = host.waitForOutput(
        QRegularExpression(QStringLiteral("bob joined \\(not checked, SHA256:([0-9A-F: ]+)\\)")));
    QVERIFY2(!bobGrouped.isEmpty(), qPrintable(host.readOutput()));
    const QString bobFingerprint = QString(bobGrouped).replace(u' ', u':');

    host.write("/verify confirm\n");
    QVERIFY2(!host.waitFor(QRegularExpression(QStringLiteral("(/verify confirm NICK remembers)"))).isEmpty(),
        qPrintable(host.readError()));
    host.write("/verify confirm bob\n");
    QVERIFY2(!host.waitFor(QRegularExpression(QStringLiteral("(you verified bob) with the safety number")))
                  .isEmpty(),
        qPrintable(host.readError()));
    const Finished listed = runCli(
        { QStringLiteral("peers"), QStringLiteral("list"), QStringLiteral("--config-dir"), hostHome.path() });
    QVERIFY2(
        listed.out.contains(
            QStringLiteral("client bob SHA256:%1 verified with the safety number\n").arg(bobFingerprint)),
        qPrintable(listed.out));
    bob.closeInput();
    QVERIFY(bob.waitForExit() != -1);

    // The same host, still running, knows him when he comes back.
    QCOMPARE(runConnect(bobConnects, "back again\n").exitCode, 0);
    QVERIFY2(
        !host.waitForOutput(QRegularExpression(QStringLiteral("bob joined \\((verified by you), SHA256:%1\\)")
                                                   .arg(QRegularExpression::escape(bobGrouped))))
             .isEmpty(),
        qPrintable(host.readOutput()));
}

void TestCli::joinerConfirmsTheHostAndKnowsItNextTime()
{
    HostProcess host(certificateArguments(QStringLiteral("selfsigned"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    ConnectProcess bob({ inviteLink(port, host.fingerprint()), QStringLiteral("--config-dir"), m_configDir });
    QTRY_VERIFY_WITH_TIMEOUT(bob.readError().contains(QStringLiteral("joined")), 10'000);
    bob.write("/verify confirm\n");
    QTRY_VERIFY_WITH_TIMEOUT(
        bob.readError().contains(QStringLiteral("you verified the host with the safety number")), 10'000);
    bob.closeInput();
    QVERIFY(bob.waitForExit() != -1);
    const Finished listed = runCli(
        { QStringLiteral("peers"), QStringLiteral("list"), QStringLiteral("--config-dir"), m_configDir });
    QVERIFY2(listed.out.startsWith(
                 QStringLiteral("127.0.0.1:%1 SHA256:%2 first seen ").arg(port).arg(host.fingerprint())),
        qPrintable(listed.out));
    QVERIFY2(
        listed.out.contains(QStringLiteral(" verified with the safety number\n")), qPrintable(listed.out));

    // Next time, without the invite link: no question, and the joined line says how it is trusted.
    const Finished again = runCli({ QStringLiteral("connect"), QStringLiteral("127.0.0.1"),
                                      QString::number(port), QStringLiteral("--config-dir"), m_configDir },
        "hello again\n");
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains(QStringLiteral(" · verified by you)")), qPrintable(again.err));
}

void TestCli::peersListsKnownClientsAndForgetsOneByFingerprint()
{
    KnownClients known(AppPaths(m_configDir).knownClientsFile());
    QVERIFY(known.remember(
        { sha256Of(QStringLiteral("client.pem")), KnownClient::Verdict::Verified, QStringLiteral("bob") }));
    QVERIFY(known.remember({ sha256Of(QStringLiteral("other-client.pem")), KnownClient::Verdict::Block,
        QStringLiteral("eve") }));
    const QString bob = QStringLiteral("SHA256:")
        + CertificateDetails::formatFingerprint(sha256Of(QStringLiteral("client.pem")));
    const QString eve = QStringLiteral("SHA256:")
        + CertificateDetails::formatFingerprint(sha256Of(QStringLiteral("other-client.pem")));
    const QStringList list { QStringLiteral("peers"), QStringLiteral("list"), QStringLiteral("--config-dir"),
        m_configDir };
    QCOMPARE(runCli(list).out,
        QStringLiteral("client bob %1 verified with the safety number\nclient eve %2 blocked\n")
            .arg(bob, eve));

    QCOMPARE(runCli({ QStringLiteral("peers"), QStringLiteral("forget"), bob, QStringLiteral("--config-dir"),
                        m_configDir })
                 .exitCode,
        0);
    QCOMPARE(runCli(list).out, QStringLiteral("client eve %1 blocked\n").arg(eve));
}

void TestCli::hostAppliesItsLimitOptions()
{
    HostProcess host(certificateArguments(QStringLiteral("host"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--max-peers"),
            QStringLiteral("1"), QStringLiteral("--max-line-kib"), QStringLiteral("1") });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    const QStringList connect
        = testCaHost(port) + QStringList { QStringLiteral("--config-dir"), m_configDir };

    ConnectProcess first(connect + QStringList { QStringLiteral("--nick"), QStringLiteral("first") });
    QTRY_VERIFY_WITH_TIMEOUT(host.readOutput().contains(QStringLiteral("* first joined")), 10'000);

    const Finished second = runConnect(
        connect + QStringList { QStringLiteral("--nick"), QStringLiteral("second") }, "no room\n");
    QVERIFY(second.exitCode != 0);
    QVERIFY2(second.err.contains(QStringLiteral("full")), qPrintable(second.err));

    first.write(QByteArray(2 * 1024, 'x') + '\n');
    QVERIFY(first.waitForExit() != -1);
    QVERIFY2(
        first.readError().contains(QStringLiteral("longer than 1024 bytes")), qPrintable(first.readError()));
    QVERIFY(!host.readOutput().contains(QStringLiteral("xxxx")));
}

void TestCli::peersListAndForget()
{
    HostProcess host(certificateArguments(QStringLiteral("selfsigned"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    const quint16 port = host.waitForPort();
    const QString hostPort = QStringLiteral("localhost:%1").arg(port);
    QCOMPARE(runCli({ QStringLiteral("connect"), QStringLiteral("localhost"), QString::number(port),
                        QStringLiteral("--trust-new"), QStringLiteral("--config-dir"), m_configDir })
                 .exitCode,
        0);
    const Finished listed = runCli(
        { QStringLiteral("peers"), QStringLiteral("list"), QStringLiteral("--config-dir"), m_configDir });
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.startsWith(hostPort + QStringLiteral(" SHA256:") + host.fingerprint()),
        qPrintable(listed.out));
    QCOMPARE(runCli({ QStringLiteral("peers"), QStringLiteral("forget"), hostPort,
                        QStringLiteral("--config-dir"), m_configDir })
                 .exitCode,
        0);
    QCOMPARE(runCli({ QStringLiteral("peers"), QStringLiteral("list"), QStringLiteral("--config-dir"),
                        m_configDir })
                 .out,
        QString());
    QCOMPARE(runCli({ QStringLiteral("peers"), QStringLiteral("forget"), hostPort,
                        QStringLiteral("--config-dir"), m_configDir })
                 .exitCode,
        1);
}

void TestCli::newUsersChatWithNoCertificateFiles()
{
    // Two people, each with only a config folder: identities are generated on first use.
    QTemporaryDir hostHome;
    const QStringList hostConfig { QStringLiteral("--config-dir"), hostHome.path() };
    quint16 port = 0;
    QString firstFingerprint;
    {
        HostProcess host(QStringList { QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--nick"), QStringLiteral("ann") }
            + hostConfig);
        port = host.waitForPort();
        QVERIFY(port != 0);
        firstFingerprint = host.fingerprint();
        const Finished shown
            = runCli(QStringList { QStringLiteral("identity"), QStringLiteral("show") } + hostConfig);
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains(
                     QStringLiteral("SHA256:") + CertificateDetails::groupedFingerprint(firstFingerprint)),
            qPrintable(shown.out));
        // IPv6 as people write it, as the desktop app's certificate dialog shows it.
        QVERIFY2(shown.out.contains(QStringLiteral("IP Address:::1")), qPrintable(shown.out));
        const QFile::Permissions keyPermissions
            = QFile::permissions(hostHome.filePath(QStringLiteral("identity/identity.key")));
        QCOMPARE(
            keyPermissions & ~(QFile::ReadUser | QFile::WriteUser), QFile::ReadOwner | QFile::WriteOwner);

        const QStringList join { QStringLiteral("connect"), QStringLiteral("localhost"),
            QString::number(port), QStringLiteral("--config-dir"), m_configDir };
        const Finished first = runCli(join + QStringList { QStringLiteral("--trust-new") }, "hi ann\n");
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.err.contains(CertificateDetails::groupedFingerprint(firstFingerprint)),
            qPrintable(first.err));
        QCOMPARE(runCli(join, "hi again\n").exitCode, 0);
        QTRY_VERIFY(host.readOutput().contains(QStringLiteral("hi again")));

        // The exported certificate works as a CA file too: verified without any pin.
        const QString exported = hostHome.filePath(QStringLiteral("ann.pem"));
        QCOMPARE(runCli(QStringList { QStringLiteral("identity"), QStringLiteral("export"), exported }
                     + hostConfig)
                     .exitCode,
            0);
        QTemporaryDir freshHome;
        const Finished viaCa
            = runCli({ QStringLiteral("connect"), QStringLiteral("localhost"), QString::number(port),
                         QStringLiteral("--ca"), exported, QStringLiteral("--config-dir"), freshHome.path() },
                "verified\n");
        QCOMPARE(viaCa.exitCode, 0);
        QVERIFY2(viaCa.err.contains(QStringLiteral("verified by CA")), qPrintable(viaCa.err));
        QCOMPARE(host.terminate(), 0);
    }
    // The host makes a new identity: the remembered one no longer matches, and that is refused.
    const Finished renewed
        = runCli(QStringList { QStringLiteral("identity"), QStringLiteral("new") } + hostConfig);
    QCOMPARE(renewed.exitCode, 0);
    QVERIFY2(renewed.err.contains(QStringLiteral("kept")), qPrintable(renewed.err));
    HostProcess host(QStringList { QStringLiteral("--port"), QString::number(port) } + hostConfig);
    QCOMPARE(host.waitForPort(), port);
    QVERIFY(host.fingerprint() != firstFingerprint);
    const Finished refused
        = runCli({ QStringLiteral("connect"), QStringLiteral("localhost"), QString::number(port),
                     QStringLiteral("--config-dir"), m_configDir, QStringLiteral("--trust-new") },
            "to a changed host\n");
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(CertificateDetails::groupedFingerprint(firstFingerprint)),
        qPrintable(refused.err));
}

void TestCli::hostRemovesAParticipantWithKick()
{
    HostProcess host(certificateArguments(QStringLiteral("host"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--nick"),
            QStringLiteral("hal"), QStringLiteral("--config-dir"), m_configDir });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    ConnectProcess client(testCaHost(port)
        + QStringList {
            QStringLiteral("--nick"), QStringLiteral("bob"), QStringLiteral("--config-dir"), m_configDir });
    QTRY_VERIFY_WITH_TIMEOUT(host.readOutput().contains(QStringLiteral("* bob joined")), 10'000);

    host.write("/kick bob spamming\n");
    QTRY_VERIFY_WITH_TIMEOUT(!client.isRunning(), 10'000); // the event loop writes to the host
    const QString told = client.readError();
    QVERIFY2(told.contains(QStringLiteral("removed by the host: spamming")), qPrintable(told));
    QTRY_VERIFY(host.readOutput().contains(QStringLiteral("* bob left (removed by the host: spamming)")));
    QVERIFY2(!host.readOutput().contains(QStringLiteral("/kick")), "a command is not sent as a message");
    QCOMPARE(host.terminate(), 0);
}

void TestCli::knownOnlyHostRefusesAStranger()
{
    HostProcess host(certificateArguments(QStringLiteral("host"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--admit"),
            QStringLiteral("known"), QStringLiteral("--config-dir"), m_configDir });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    const Finished stranger
        = runConnect(testCaHost(port) + QStringList { QStringLiteral("--config-dir"), m_configDir });
    QVERIFY(stranger.exitCode != 0);
    QVERIFY2(
        stranger.err.contains(QStringLiteral("only participants the host knows")), qPrintable(stranger.err));
    QCOMPARE(host.terminate(), 0);
}

void TestCli::clientHeldBackByTheHostSaysHowManyAreOnTheirWay()
{
    // 10 lines/s with a burst of 50: a paste of 100 lines is held back, then delivered.
    HostProcess host(certificateArguments(QStringLiteral("host"))
        + QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--max-rate-lines"),
            QStringLiteral("10"), QStringLiteral("--config-dir"), m_configDir });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    QByteArray paste;
    for (int i = 0; i < 100; ++i)
        paste += "line " + QByteArray::number(i) + '\n';
    ConnectProcess client(testCaHost(port) + QStringList { QStringLiteral("--config-dir"), m_configDir });
    client.write(paste);
    QTRY_VERIFY_WITH_TIMEOUT(
        client.readError().contains(QStringLiteral("of your messages not delivered yet")), 10'000);
    QVERIFY2(client.readError().contains(
                 QStringLiteral("host: you are sending faster than the session can deliver")),
        qPrintable(client.readError()));
    QTRY_VERIFY_WITH_TIMEOUT(host.readOutput().contains(QStringLiteral("line 99\n")), 20'000);
    client.closeInput();
    QVERIFY(client.waitForExit() != -1);
    QCOMPARE(host.terminate(), 0);
}

void TestCli::lostConnectionIsReconnectedAndSaidOnStderr()
{
    HostProcess host(certificateArguments(QStringLiteral("host"))
        + QStringList {
            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--config-dir"), m_configDir });
    const quint16 port = host.waitForPort();
    QVERIFY(port != 0);
    test::TcpRelay relay(port);
    QTemporaryDir bobHome; // bob's own identity: the host keeps his name for its certificate
    ConnectProcess bob(testCaHost(relay.port())
        + QStringList { QStringLiteral("--nick"), QStringLiteral("bob"), QStringLiteral("--config-dir"),
            bobHome.path() });
    QTRY_VERIFY_WITH_TIMEOUT(host.readOutput().contains(QStringLiteral("* bob joined")), 10'000);

    relay.cut();

    QTRY_VERIFY_WITH_TIMEOUT(bob.readError().contains(QStringLiteral("reconnecting in 1 s")), 10'000);
    QVERIFY2(bob.readError().contains(QStringLiteral("connection lost")), qPrintable(bob.readError()));
    bob.write("typed while away\n");
    QTRY_VERIFY_WITH_TIMEOUT(host.readOutput().contains(QStringLiteral("* bob reconnected")), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(host.readOutput().contains(QStringLiteral("<bob> typed while away")), 10'000);
    bob.closeInput();
    QCOMPARE(bob.waitForExit(), 0);
    const QString bobErr = bob.readError();
    QVERIFY2(bobErr.contains(QStringLiteral("reconnected to localhost:%1 as bob").arg(relay.port())),
        qPrintable(bobErr));
    QCOMPARE(host.readOutput().count(QStringLiteral("typed while away")), 1);
    // Nobody saw bob leave while he was away (he says goodbye only now, at the end of his input).
    const QString seen = host.readOutput();
    const qsizetype left = seen.indexOf(QStringLiteral("* bob left"));
    QVERIFY2(left < 0 || left > seen.indexOf(QStringLiteral("* bob reconnected")), qPrintable(seen));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
