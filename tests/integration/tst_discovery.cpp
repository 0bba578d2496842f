// SPDX-License-Identifier: MIT
// Discovery against a real avahi-daemon. ctest runs this inside the network namespace that
// tests/support/avahi-namespace.sh makes (see there why no packet leaves it), with
// DBUS_SYSTEM_BUS_ADDRESS pointing at the private bus of that daemon.
#include "discovery/announcedfingerprint.h"
#include "discovery/sessionannouncer.h"
#include "discovery/sessionbrowser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <sys/stat.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

using securechat::AnnouncedFingerprint;
using securechat::DiscoveredSession;
using securechat::SessionAnnouncement;
using securechat::SessionAnnouncer;
using securechat::SessionBrowser;

namespace {
const QString GenuineHex = u"0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"_qs;
const QString ForgedHex = u"FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210"_qs;
// What tests/support/avahi-namespace.sh gives the daemon.
const QString DaemonHostName = u"securechat-test.local"_qs;
const QString DaemonAddress = u"198.51.100.1"_qs;
// Measured here: a service is seen ~1 s after it is published and gone ~1 s after it is withdrawn.
constexpr int DiscoveryTimeoutMs = 10000;

QString colonPairs(const QString& hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << hex.mid(i, 2);
    return pairs.join(u':');
}

// The first session reported by `found` that satisfies `matches`, waiting for it if need be.
std::optional<DiscoveredSession> waitForSession(
    const QSignalSpy& found, const std::function<bool(const DiscoveredSession&)>& matches)
{
    std::optional<DiscoveredSession> session;
    // The result is `session` itself: empty when nothing matched in time.
    [[maybe_unused]] const bool seen = QTest::qWaitFor(
        [&] {
            for (const QList<QVariant>& arguments : found) {
                const auto candidate = arguments.at(0).value<DiscoveredSession>();
                if (matches(candidate)) {
                    session = candidate;
                    return true;
                }
            }
            return false;
        },
        DiscoveryTimeoutMs);
    return session;
}

std::function<bool(const DiscoveredSession&)> named(const QString& serviceName)
{
    return [serviceName](const DiscoveredSession& session) { return session.serviceName == serviceName; };
}

bool sameFile(const char* a, const QString& b)
{
    struct stat first { };
    struct stat second { };
    return ::stat(a, &first) == 0 && ::stat(QFile::encodeName(b).constData(), &second) == 0
        && first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

// avahi-publish from avahi-utils: a second program on the network saying whatever it likes.
std::unique_ptr<QProcess> publishWithAvahiUtils(
    const QString& serviceName, quint16 port, const QStringList& txt)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->start(u"avahi-publish"_qs,
        QStringList { u"--service"_qs, serviceName, u"_securechat._tcp"_qs, QString::number(port) } + txt);
    return process;
}
} // namespace

class TestDiscovery final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void browserSeesAnnouncedSession();
    void sessionIsLostOnceTheAnnouncerIsGone();
    void nameTakenByAnotherSessionIsRenamed();
    void forgedAnnouncementShowsItsOwnFingerprintAndWarns();
    void malformedAnnouncementIsListedWithoutFingerprint();
    // These two stop and restart the daemon the others use: they come last.
    void announcerAnnouncesAgainAfterTheDaemonRestarts();
    void browserLosesItsSessionsAndSaysUnavailableWhenTheDaemonStops();
    void cleanup();

private:
    bool runHarness(const QString& command) const;

    QString m_namespace;
};

void TestDiscovery::initTestCase()
{
    const QString unavailable = qEnvironmentVariable("SECURECHAT_DISCOVERY_UNAVAILABLE");
    if (!unavailable.isEmpty())
        QSKIP(qPrintable(u"no network namespace for avahi-daemon: "_qs + unavailable));
    const QString name = qEnvironmentVariable("SECURECHAT_DISCOVERY_NETNS");
    if (name.isEmpty()) {
        QSKIP("no network namespace: run this test through ctest, which starts avahi-daemon in a network "
              "namespace of its own; outside one, its multicast would reach the real network.");
    }
    QVERIFY2(sameFile("/proc/self/ns/net", u"/run/netns/"_qs + name),
        qPrintable(u"this process is not inside network namespace "_qs + name));
    m_namespace = name;
}

void TestDiscovery::cleanup()
{
    // A test that failed half-way must not leave the next one without a daemon.
    if (!m_namespace.isEmpty())
        QVERIFY(runHarness(u"daemon-start"_qs));
}

bool TestDiscovery::runHarness(const QString& command) const
{
    QProcess harness;
    harness.setProcessChannelMode(QProcess::MergedChannels);
    harness.start(QStringLiteral(SECURECHAT_SOURCE_DIR "/tests/support/avahi-namespace.sh"),
        { command, m_namespace, qEnvironmentVariable("SECURECHAT_DISCOVERY_STATE") });
    const bool finished = harness.waitForFinished(DiscoveryTimeoutMs * 2);
    if (!finished || harness.exitStatus() != QProcess::NormalExit || harness.exitCode() != 0) {
        qWarning("avahi-namespace.sh %s failed: %s", qPrintable(command), harness.readAll().constData());
        return false;
    }
    return true;
}

void TestDiscovery::browserSeesAnnouncedSession()
{
    SessionAnnouncer announcer;
    QSignalSpy announced(&announcer, &SessionAnnouncer::announced);
    // The fingerprint as the app shows it: the announcement carries the canonical form.
    const securechat::Status started
        = announcer.start({ u"alice"_qs, 7001, u"1"_qs, colonPairs(GenuineHex).toLower(), {} });
    QVERIFY2(started, qPrintable(started.error()));
    QTRY_COMPARE_WITH_TIMEOUT(announced.size(), 1, DiscoveryTimeoutMs);
    QCOMPARE(announcer.serviceName(), u"alice on securechat-test"_qs);
    QVERIFY(announcer.isAnnounced());

    SessionBrowser browser;
    QSignalSpy found(&browser, &SessionBrowser::sessionFound);
    browser.start();
    const std::optional<DiscoveredSession> session = waitForSession(found, named(announcer.serviceName()));
    QVERIFY(session);
    QCOMPARE(session->nickname, u"alice"_qs);
    QCOMPARE(session->protocolVersion, u"1"_qs);
    QCOMPARE(session->fingerprint, u"SHA256:"_qs + GenuineHex);
    QCOMPARE(session->port, quint16(7001));
    QCOMPARE(session->hostName, DaemonHostName);
    QCOMPARE(session->address, DaemonAddress);
    QVERIFY(browser.sessions().contains(*session));
}

void TestDiscovery::sessionIsLostOnceTheAnnouncerIsGone()
{
    SessionBrowser browser;
    QSignalSpy found(&browser, &SessionBrowser::sessionFound);
    QSignalSpy lost(&browser, &SessionBrowser::sessionLost);
    browser.start();
    auto announcer = std::make_unique<SessionAnnouncer>();
    QVERIFY(announcer->start({ u"bob"_qs, 7002, u"1"_qs, GenuineHex, u"bob's session"_qs }));
    QVERIFY(waitForSession(found, named(u"bob's session"_qs)));

    QElapsedTimer sinceWithdrawn;
    sinceWithdrawn.start();
    announcer.reset();
    QTRY_VERIFY_WITH_TIMEOUT(lost.contains({ u"bob's session"_qs }), DiscoveryTimeoutMs);
    qInfo("session lost %lld ms after the announcer was destroyed", sinceWithdrawn.elapsed());
    const QList<DiscoveredSession> left = browser.sessions();
    QVERIFY(std::none_of(left.cbegin(), left.cend(), named(u"bob's session"_qs)));
}

void TestDiscovery::nameTakenByAnotherSessionIsRenamed()
{
    SessionAnnouncer first;
    SessionAnnouncer second;
    QSignalSpy firstAnnounced(&first, &SessionAnnouncer::announced);
    QSignalSpy secondAnnounced(&second, &SessionAnnouncer::announced);
    // Two hosts on one machine, on two ports: identical records would not conflict at all.
    SessionAnnouncement announcement { u"carol"_qs, 7003, u"1"_qs, GenuineHex, u"carol's session"_qs };
    QVERIFY(first.start(announcement));
    QTRY_COMPARE_WITH_TIMEOUT(firstAnnounced.size(), 1, DiscoveryTimeoutMs);
    announcement.port = 7013;
    QVERIFY(second.start(announcement));
    QTRY_COMPARE_WITH_TIMEOUT(secondAnnounced.size(), 1, DiscoveryTimeoutMs);
    QCOMPARE(first.serviceName(), u"carol's session"_qs);
    QCOMPARE(second.serviceName(), u"carol's session #2"_qs);

    SessionBrowser browser;
    QSignalSpy found(&browser, &SessionBrowser::sessionFound);
    browser.start();
    QVERIFY(waitForSession(found, named(first.serviceName())));
    QVERIFY(waitForSession(found, named(second.serviceName())));
}

void TestDiscovery::forgedAnnouncementShowsItsOwnFingerprintAndWarns()
{
    SessionAnnouncer genuine;
    QSignalSpy announced(&genuine, &SessionAnnouncer::announced);
    QVERIFY(genuine.start({ u"dave"_qs, 7004, u"1"_qs, GenuineHex, {} }));
    QTRY_COMPARE_WITH_TIMEOUT(announced.size(), 1, DiscoveryTimeoutMs);
    // Someone else on the network claims to be dave, pointing at a certificate of their own.
    const auto forger = publishWithAvahiUtils(u"dave on the other laptop"_qs, 7004,
        { u"nick=dave"_qs, u"proto=1"_qs, u"fp=SHA256:"_qs + ForgedHex });
    QVERIFY2(forger->waitForStarted(), qPrintable(forger->errorString()));

    SessionBrowser browser;
    QSignalSpy found(&browser, &SessionBrowser::sessionFound);
    browser.start();
    const auto real = waitForSession(found, named(genuine.serviceName()));
    const auto forged = waitForSession(found, named(u"dave on the other laptop"_qs));
    QVERIFY(real);
    QVERIFY2(forged, qPrintable(QString::fromLocal8Bit(forger->readAll())));
    QCOMPARE(forged->nickname, real->nickname);
    QCOMPARE(forged->fingerprint, u"SHA256:"_qs + ForgedHex);

    // Connecting to either reaches dave's real host, which presents its real certificate.
    const QString presented = colonPairs(GenuineHex);
    QCOMPARE(AnnouncedFingerprint::check(real->fingerprint, presented).verdict,
        AnnouncedFingerprint::Verdict::Matches);
    const AnnouncedFingerprint::Check check = AnnouncedFingerprint::check(forged->fingerprint, presented);
    QCOMPARE(check.verdict, AnnouncedFingerprint::Verdict::Differs);
    QCOMPARE(check.message,
        u"This host announced a different certificate on the local network than the one it presented: "
        "someone may be impersonating it."_qs);

    forger->terminate();
    QVERIFY(forger->waitForFinished());
}

void TestDiscovery::malformedAnnouncementIsListedWithoutFingerprint()
{
    const auto publisher = publishWithAvahiUtils(
        u"erin's odd session"_qs, 7005, { u"nick=erin"_qs, u"fp=SHA256:not-a-fingerprint"_qs, u"=junk"_qs });
    QVERIFY2(publisher->waitForStarted(), qPrintable(publisher->errorString()));

    SessionBrowser browser;
    QSignalSpy found(&browser, &SessionBrowser::sessionFound);
    browser.start();
    const auto session = waitForSession(found, named(u"erin's odd session"_qs));
    QVERIFY2(session, qPrintable(QString::fromLocal8Bit(publisher->readAll())));
    QCOMPARE(session->nickname, u"erin"_qs);
    QVERIFY(!session->hasFingerprint());
    QCOMPARE(session->port, quint16(7005));
    QCOMPARE(AnnouncedFingerprint::check(session->fingerprint, GenuineHex).verdict,
        AnnouncedFingerprint::Verdict::NotAnnounced);

    publisher->terminate();
    QVERIFY(publisher->waitForFinished());
}

void TestDiscovery::announcerAnnouncesAgainAfterTheDaemonRestarts()
{
    SessionAnnouncer announcer;
    QSignalSpy announced(&announcer, &SessionAnnouncer::announced);
    QSignalSpy unavailable(&announcer, &SessionAnnouncer::unavailable);
    QSignalSpy failed(&announcer, &SessionAnnouncer::failed);
    QVERIFY(announcer.start({ u"frank"_qs, 7006, u"1"_qs, GenuineHex, {} }));
    QTRY_COMPARE_WITH_TIMEOUT(announced.size(), 1, DiscoveryTimeoutMs);

    QVERIFY(runHarness(u"daemon-stop"_qs));
    QTRY_COMPARE_WITH_TIMEOUT(unavailable.size(), 1, DiscoveryTimeoutMs);
    QCOMPARE(unavailable.at(0).at(0).toString(),
        u"Local network discovery is unavailable: avahi-daemon stopped. Sessions can still be joined by address."_qs);
    QVERIFY(!announcer.isAnnounced());

    QVERIFY(runHarness(u"daemon-start"_qs));
    QTRY_COMPARE_WITH_TIMEOUT(announced.size(), 2, DiscoveryTimeoutMs);
    QCOMPARE(announced.at(1).at(0).toString(), u"frank on securechat-test"_qs);
    QVERIFY(announcer.isAnnounced());
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(failed.size(), 0);

    SessionBrowser browser;
    QSignalSpy found(&browser, &SessionBrowser::sessionFound);
    browser.start();
    QVERIFY(waitForSession(found, named(announcer.serviceName())));
}

void TestDiscovery::browserLosesItsSessionsAndSaysUnavailableWhenTheDaemonStops()
{
    SessionAnnouncer announcer;
    QVERIFY(announcer.start({ u"grace"_qs, 7007, u"1"_qs, GenuineHex, {} }));
    SessionBrowser browser;
    QSignalSpy found(&browser, &SessionBrowser::sessionFound);
    QSignalSpy lost(&browser, &SessionBrowser::sessionLost);
    QSignalSpy unavailable(&browser, &SessionBrowser::unavailable);
    browser.start();
    QVERIFY(waitForSession(found, named(u"grace on securechat-test"_qs)));

    QVERIFY(runHarness(u"daemon-stop"_qs));
    QTRY_COMPARE_WITH_TIMEOUT(unavailable.size(), 1, DiscoveryTimeoutMs);
    QVERIFY(lost.contains({ u"grace on securechat-test"_qs }));
    QVERIFY(browser.sessions().isEmpty());
}

QTEST_GUILESS_MAIN(TestDiscovery)
#include "tst_discovery.moc"
