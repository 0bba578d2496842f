// SPDX-License-Identifier: MIT
// securechat-cli's host --announce and discover, as real processes against a real avahi-daemon.
// ctest runs this inside the network namespace of tests/support/avahi-namespace.sh (no multicast
// leaves it), like tst_discovery.
#include "cliprocess.h"
#include "discovery/sessionannouncer.h"
#include "discoverynamespace.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat::test;

namespace {

// A host on loopback with its own identity in `configDir`, on a free port.
QStringList hostArguments(const QString& configDir, const QStringList& extraArguments)
{
    return QStringList { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--config-dir"),
        configDir }
    + extraArguments;
}

QString waitFor(HostProcess& host, const QString& pattern)
{
    return host.waitFor(QRegularExpression(pattern));
}

// What tests/support/avahi-namespace.sh gives the daemon, so the address sessions are found at. A
// host that is to be joined through discovery listens there, inside the namespace: no address of
// it is reachable from outside.
const QString DaemonAddress = QStringLiteral("198.51.100.1");

// securechat-cli run to its end while this process's event loop keeps running (an announcer of
// this process stays answerable meanwhile).
Finished runWithEventLoop(const QStringList& arguments, const QByteArray& input)
{
    QProcess process;
    process.start(cliPath(), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 20'000))
        process.kill();
    process.waitForFinished();
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

class TestCliDiscovery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void discoverListsAnAnnouncedHost();
    void hostWithoutAvahiSaysSoOnceAndStillListens();
    void connectToADiscoveredSessionJoinsIt();
    void discoveredSessionPresentingAnotherCertificateIsWarnedAbout();
    void discoveredNameNotFoundIsAClearError();
};

void TestCliDiscovery::initTestCase()
{
    if (const QString why = whyNoDiscoveryNamespace(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestCliDiscovery::discoverListsAnAnnouncedHost()
{
    QTemporaryDir home;
    HostProcess host(hostArguments(
        home.path(), { QStringLiteral("--announce"), QStringLiteral("--nick"), QStringLiteral("ann") }));
    const QString port = waitFor(host, QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QVERIFY2(!port.isEmpty(), qPrintable(host.readError()));
    const QString fingerprint = waitFor(host, QStringLiteral("fingerprint SHA256:([0-9A-F:]+)"));
    const QString serviceName
        = waitFor(host, QStringLiteral("announced on the local network as \"([^\"]+)\""));
    QVERIFY2(!serviceName.isEmpty(), qPrintable(host.readError()));

    QProcess discover;
    discover.start(
        cliPath(), { QStringLiteral("discover"), QStringLiteral("--timeout"), QStringLiteral("4") });
    QVERIFY(discover.waitForFinished(20'000));
    QCOMPARE(discover.exitCode(), 0);
    const QStringList lines
        = QString::fromUtf8(discover.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    const auto line = std::find_if(lines.cbegin(), lines.cend(),
        [&serviceName](const QString& l) { return l.startsWith(serviceName + u'\t'); });
    QVERIFY2(line != lines.cend(), qPrintable(lines.join(u'\n')));
    const QStringList columns = line->split(u'\t');
    QCOMPARE(columns.size(), 5);
    QVERIFY2(columns.at(2).endsWith(u':' + port), qPrintable(*line));
    QCOMPARE(columns.at(3), QStringLiteral("ann"));
    QCOMPARE(columns.at(4), QStringLiteral("SHA256:%1…").arg(fingerprint.left(11)));
}

void TestCliDiscovery::hostWithoutAvahiSaysSoOnceAndStillListens()
{
    QTemporaryDir home;
    QProcessEnvironment noDaemon = QProcessEnvironment::systemEnvironment();
    noDaemon.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"),
        QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus")));
    HostProcess host(hostArguments(home.path(), { QStringLiteral("--announce") }), noDaemon);
    QVERIFY(!waitFor(host, QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)")).isEmpty());
    QVERIFY2(!waitFor(host, QStringLiteral("(?i)(local network discovery is unavailable)")).isEmpty(),
        qPrintable(host.readError()));
    // Said once, not again and again while the daemon stays away.
    QTest::qWait(2000);
    waitFor(host, QStringLiteral("(?i)(discovery is unavailable)"));
    QCOMPARE(host.readError().count(QStringLiteral("discovery is unavailable"), Qt::CaseInsensitive), 1);
}

void TestCliDiscovery::connectToADiscoveredSessionJoinsIt()
{
    QTemporaryDir hostHome;
    QTemporaryDir bobHome;
    HostProcess host(hostArguments(hostHome.path(),
        { QStringLiteral("--announce"), QStringLiteral("--nick"), QStringLiteral("ann"),
            QStringLiteral("--bind"), DaemonAddress }));
    const QString port = waitFor(host, QStringLiteral("listening on 198\\.51\\.100\\.1:(\\d+)"));
    QVERIFY2(!port.isEmpty(), qPrintable(host.readError()));
    const QString serviceName
        = waitFor(host, QStringLiteral("announced on the local network as \"([^\"]+)\""));
    QVERIFY2(!serviceName.isEmpty(), qPrintable(host.readError()));

    const Finished bob = runWithEventLoop(
        { QStringLiteral("connect"), QStringLiteral("--discovered"), serviceName,
            QStringLiteral("--trust-new"), QStringLiteral("--config-dir"), bobHome.path() },
        "hello from the list\n");
    QCOMPARE(bob.exitCode, 0);
    QVERIFY2(
        bob.err.contains(
            QStringLiteral("found \"%1\" at %2:%3, announced by ann").arg(serviceName, DaemonAddress, port)),
        qPrintable(bob.err));
    QVERIFY2(!bob.err.contains(QStringLiteral("warning")), qPrintable(bob.err));
    QTRY_VERIFY(host.readOutput().contains(QStringLiteral("hello from the list")));
}

void TestCliDiscovery::discoveredSessionPresentingAnotherCertificateIsWarnedAbout()
{
    QTemporaryDir hostHome;
    QTemporaryDir bobHome;
    HostProcess host(hostArguments(hostHome.path(), { QStringLiteral("--bind"), DaemonAddress }));
    const QString port = waitFor(host, QStringLiteral("listening on 198\\.51\\.100\\.1:(\\d+)"));
    QVERIFY2(!port.isEmpty(), qPrintable(host.readError()));
    // Someone else on the network announces that host's port with a certificate of their own.
    securechat::SessionAnnouncer forger;
    QSignalSpy announced(&forger, &securechat::SessionAnnouncer::announced);
    QVERIFY(forger.start({ QStringLiteral("mallory"), port.toUShort(), QStringLiteral("1"),
        QStringLiteral("AB").repeated(32), {} }));
    QTRY_COMPARE_WITH_TIMEOUT(announced.size(), 1, 10'000);

    const Finished bob = runWithEventLoop(
        { QStringLiteral("connect"), QStringLiteral("--discovered"), forger.serviceName(),
            QStringLiteral("--trust-new"), QStringLiteral("--config-dir"), bobHome.path() },
        "hello\n");
    QVERIFY2(
        bob.err.contains(QStringLiteral("warning: This host announced a different certificate on the local "
                                        "network than the one it presented")),
        qPrintable(bob.err));
    QCOMPARE(bob.err.count(QStringLiteral("announced a different certificate")), 1);
}

void TestCliDiscovery::discoveredNameNotFoundIsAClearError()
{
    QTemporaryDir bobHome;
    const Finished bob = runWithEventLoop(
        { QStringLiteral("connect"), QStringLiteral("--discovered"), QStringLiteral("nobody on nowhere"),
            QStringLiteral("--config-dir"), bobHome.path() },
        {});
    QCOMPARE(bob.exitCode, 3);
    QVERIFY2(bob.err.contains(QStringLiteral("no session called \"nobody on nowhere\" was found on the local "
                                             "network")),
        qPrintable(bob.err));
}

QTEST_GUILESS_MAIN(TestCliDiscovery)
#include "tst_clidiscovery.moc"
