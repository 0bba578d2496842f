// SPDX-License-Identifier: MIT
// Discovery where no avahi-daemon can be reached: the D-Bus system bus address points at a socket
// that does not exist. A process of its own, because libdbus reads that address once per process.
#include "discovery/sessionannouncer.h"
#include "discovery/sessionbrowser.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using securechat::DiscoveredSession;
using securechat::SessionAnnouncer;
using securechat::SessionBrowser;

namespace {
const QString Fingerprint = u"SHA256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"_qs;
// Long enough for anything queued to have arrived, short enough to keep the test quick.
constexpr int SettleMilliseconds = 500;
} // namespace

class TestDiscoveryWithoutDaemon final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void browserSaysUnavailableOnceAndNothingElse();
    void announcerSaysUnavailableOnceAndNothingElse();

private:
    QTemporaryDir m_folder;
};

void TestDiscoveryWithoutDaemon::initTestCase()
{
    QVERIFY(m_folder.isValid());
    // Never the machine's own bus: the test must not depend on, or announce on, the real network.
    qputenv(
        "DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + QFile::encodeName(m_folder.filePath(u"no-bus-here"_qs)));
}

void TestDiscoveryWithoutDaemon::browserSaysUnavailableOnceAndNothingElse()
{
    SessionBrowser browser;
    QSignalSpy unavailable(&browser, &SessionBrowser::unavailable);
    QSignalSpy found(&browser, &SessionBrowser::sessionFound);
    QSignalSpy lost(&browser, &SessionBrowser::sessionLost);
    browser.start();
    QTRY_COMPARE(unavailable.size(), 1);
    const QString reason = unavailable.at(0).at(0).toString();
    QVERIFY2(reason.startsWith(u"Local network discovery is unavailable: "_qs), qPrintable(reason));

    browser.start(); // as a dialog opened a second time might
    QTest::qWait(SettleMilliseconds);
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(found.size(), 0);
    QCOMPARE(lost.size(), 0);
    QVERIFY(browser.sessions().isEmpty());
}

void TestDiscoveryWithoutDaemon::announcerSaysUnavailableOnceAndNothingElse()
{
    SessionAnnouncer announcer;
    QSignalSpy unavailable(&announcer, &SessionAnnouncer::unavailable);
    QSignalSpy announced(&announcer, &SessionAnnouncer::announced);
    QSignalSpy failed(&announcer, &SessionAnnouncer::failed);
    const securechat::Status started = announcer.start({ u"alice"_qs, 7001, u"1"_qs, Fingerprint, {} });
    QVERIFY2(started, qPrintable(started.error()));
    QTRY_COMPARE(unavailable.size(), 1);
    const QString reason = unavailable.at(0).at(0).toString();
    QVERIFY2(reason.startsWith(u"Local network discovery is unavailable: "_qs), qPrintable(reason));

    QTest::qWait(SettleMilliseconds);
    QCOMPARE(unavailable.size(), 1);
    QCOMPARE(announced.size(), 0);
    QCOMPARE(failed.size(), 0);
    QVERIFY(!announcer.isAnnounced());
}

QTEST_GUILESS_MAIN(TestDiscoveryWithoutDaemon)
#include "tst_discoverywithoutdaemon.moc"
