// SPDX-License-Identifier: MIT
// securechat-cli's host --announce and discover, as real processes against a real avahi-daemon.
// ctest runs this inside the network namespace of tests/support/avahi-namespace.sh (no multicast
// leaves it), like tst_discovery.
#include "cliprocess.h"

#include <QProcess>
#include <QRegularExpression>
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

} // namespace

class TestCliDiscovery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void discoverListsAnAnnouncedHost();
    void hostWithoutAvahiSaysSoOnceAndStillListens();
};

void TestCliDiscovery::initTestCase()
{
    const QString unavailable = qEnvironmentVariable("SECURECHAT_DISCOVERY_UNAVAILABLE");
    if (!unavailable.isEmpty())
        QSKIP(qPrintable(QStringLiteral("no network namespace for avahi-daemon: ") + unavailable));
    if (qEnvironmentVariableIsEmpty("SECURECHAT_DISCOVERY_NETNS"))
        QSKIP("no network namespace: run this test through ctest, which starts avahi-daemon in a network "
              "namespace of its own; outside one, its multicast would reach the real network.");
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

QTEST_GUILESS_MAIN(TestCliDiscovery)
#include "tst_clidiscovery.moc"
