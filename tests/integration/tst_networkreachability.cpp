// SPDX-License-Identifier: MIT
// A client waiting to reconnect tries again as soon as a real NetworkManager says the network is
// back, long before its next scheduled attempt. ctest runs this inside the network namespace of
// tests/support/networkmanager-namespace.sh (see there why nothing of the machine's own network is
// touched), with DBUS_SYSTEM_BUS_ADDRESS pointing at that NetworkManager's private bus; the chat
// itself runs on the namespace's loopback.
#include "cliprocess.h"
#include "testcerts.h"

#include <QElapsedTimer>
#include <QNetworkInformation>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace securechat::test;

namespace {

// After the host went away at 0 s, the client's attempts fail at 1, 3 and 7 s; the next is 8 s later.
const QString LongestWaitSaid = QStringLiteral("reconnecting in 8 s");
constexpr qint64 LongestWaitMs = 8000;
// "At once": NetworkManager reports the link's return within milliseconds, the client reconnects
// over loopback within a few more.
constexpr qint64 AtOnceMs = 3000;

} // namespace

class TestNetworkReachability : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void waitingClientReconnectsWhenTheNetworkIsBack();

private:
    /// networkmanager-namespace.sh COMMAND, run to its end.
    bool runHarness(const QString& command) const;
    void startHarness(QProcess& harness, const QString& command) const;
    static bool harnessSucceeded(QProcess& harness);

    QString m_namespace;
};

void TestNetworkReachability::initTestCase()
{
    if (const QString unavailable = qEnvironmentVariable("SECURECHAT_NETWORKMANAGER_UNAVAILABLE");
        !unavailable.isEmpty())
        QSKIP(qPrintable(QStringLiteral("no network namespace for NetworkManager: ") + unavailable));
    m_namespace = qEnvironmentVariable("SECURECHAT_NETWORKMANAGER_NETNS");
    if (m_namespace.isEmpty())
        QSKIP("no network namespace: run this test through ctest, which starts NetworkManager in a "
              "network namespace of its own; outside one, the machine's own network would have to go "
              "down.");
    // What securechat-cli will load too: Qt picks NetworkManager's backend when it answers on the bus.
    QVERIFY(QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability));
    QCOMPARE(QNetworkInformation::instance()->backendName(), QStringLiteral("networkmanager"));
    QTRY_COMPARE(QNetworkInformation::instance()->reachability(), QNetworkInformation::Reachability::Online);
}

void TestNetworkReachability::cleanup()
{
    // A test that failed half-way must not leave the link unplugged.
    if (!m_namespace.isEmpty())
        QVERIFY(runHarness(QStringLiteral("link-up")));
}

bool TestNetworkReachability::runHarness(const QString& command) const
{
    QProcess harness;
    startHarness(harness, command);
    return harnessSucceeded(harness);
}

void TestNetworkReachability::startHarness(QProcess& harness, const QString& command) const
{
    harness.setProcessChannelMode(QProcess::MergedChannels);
    harness.start(QStringLiteral(SECURECHAT_SOURCE_DIR "/tests/support/networkmanager-namespace.sh"),
        { command, m_namespace, qEnvironmentVariable("SECURECHAT_NETWORKMANAGER_STATE") });
}

bool TestNetworkReachability::harnessSucceeded(QProcess& harness)
{
    // waitForFinished() says false for a process that has finished already.
    const bool finished = harness.state() == QProcess::NotRunning || harness.waitForFinished(30'000);
    if (!finished || harness.exitStatus() != QProcess::NormalExit || harness.exitCode() != 0) {
        qWarning("networkmanager-namespace.sh %s failed: %s", qPrintable(harness.arguments().constFirst()),
            harness.readAll().constData());
        return false;
    }
    return true;
}

void TestNetworkReachability::waitingClientReconnectsWhenTheNetworkIsBack()
{
    QTemporaryDir hostHome;
    const QStringList hostArguments = certificateArguments(QStringLiteral("host"))
        + QStringList { QStringLiteral("--config-dir"), hostHome.path() };
    auto host = std::make_unique<HostProcess>(
        hostArguments + QStringList { QStringLiteral("--port"), QStringLiteral("0") });
    const quint16 port = host->waitForPort();
    QVERIFY(port != 0);
    QTemporaryDir bobHome;
    QProcess bob;
    bob.start(cliPath(),
        { QStringLiteral("connect"), QStringLiteral("127.0.0.1"), QString::number(port),
            QStringLiteral("--ca"), certPath(QStringLiteral("ca.pem")), QStringLiteral("--nick"),
            QStringLiteral("bob"), QStringLiteral("--config-dir"), bobHome.path() });
    QString told;
    const auto bobSays = [&bob, &told](const QString& text, int timeoutMs) {
        return QTest::qWaitFor(
            [&] { return (told += QString::fromUtf8(bob.readAllStandardError())).contains(text); },
            timeoutMs);
    };
    QVERIFY2(bobSays(QStringLiteral("joined 127.0.0.1"), 10'000), qPrintable(told));

    // The host is gone without a goodbye (SIGKILL), and the network goes too. NetworkManager takes
    // 6 s to say so, while bob tries and fails: his wait is timed from when he says it.
    host.reset();
    QProcess unplugging;
    startHarness(unplugging, QStringLiteral("link-down"));
    QVERIFY2(bobSays(LongestWaitSaid, 15'000), qPrintable(told));
    QElapsedTimer waiting;
    waiting.start();
    QVERIFY(harnessSucceeded(unplugging));
    host = std::make_unique<HostProcess>(
        hostArguments + QStringList { QStringLiteral("--port"), QString::number(port) });
    QCOMPARE(host->waitForPort(), port);

    QVERIFY(runHarness(QStringLiteral("link-up")));
    QElapsedTimer sinceLinkUp;
    sinceLinkUp.start();
    // Waits past the scheduled attempt, so that a late reconnection is told as such.
    QVERIFY2(bobSays(QStringLiteral("reconnected to 127.0.0.1"), LongestWaitMs + 5000), qPrintable(told));
    const qint64 reconnectedAfter = sinceLinkUp.elapsed();
    const qint64 waited = waiting.elapsed();
    const QString measured
        = QStringLiteral("reconnected %1 ms after the link came back, %2 ms into a wait of %3 ms")
              .arg(reconnectedAfter)
              .arg(waited)
              .arg(LongestWaitMs);
    qInfo("%s", qPrintable(measured));
    // A second's margin: the scheduled attempt would come at the end of the wait.
    QVERIFY2(reconnectedAfter < AtOnceMs && waited < LongestWaitMs - 1000, qPrintable(measured));

    bob.closeWriteChannel();
    QVERIFY(bob.waitForFinished(10'000));
    QCOMPARE(bob.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestNetworkReachability)
#include "tst_networkreachability.moc"
