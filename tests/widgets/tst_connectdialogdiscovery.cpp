// SPDX-License-Identifier: MIT
// The Connect dialog's "On this network" list against a real avahi-daemon: ctest runs this inside
// the network namespace of tests/support/avahi-namespace.sh (no multicast leaves it), as
// tests/integration/tst_discovery. Sessions are announced by SessionAnnouncer, as the app does.
#include "connectdialog.h"
#include "discoveredsessionlist.h"
#include "discovery/sessionannouncer.h"
#include "discoverynamespace.h"
#include "hostedsession.h"
#include "joinedsession.h"
#include "sessionharness.h"
#include "testcerts.h"

#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

// What tests/support/avahi-namespace.sh gives the daemon: the address a session is found at.
const QString DaemonAddress = QStringLiteral("198.51.100.1");
// A service is seen about 1 s after it is published and gone about 1 s after it is withdrawn.
constexpr int DiscoveryTimeoutMs = 10'000;

QString fingerprintOf(const QString& certificateFile)
{
    return QStringLiteral("SHA256:") + QString::fromLatin1(test::sha256Of(certificateFile).toHex().toUpper());
}

} // namespace

class TestConnectDialogDiscovery final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void announcedSessionAppearsAndGoesLive();
    void choosingAnAnnouncedSessionFillsInWhereToConnect();
    void forgedAnnouncementIsToldPlainlyOnConnecting();

private:
    std::unique_ptr<ConnectDialog> makeBrowsingDialog();
    /// The row of the list whose text contains `text`, waiting for it; -1 if it never came.
    static int waitForRow(const QListWidget& list, const QString& text);
    /// As a person does: a click on the line that names `text`, then Connect; false if no such
    /// line came.
    static bool connectThroughTheList(ConnectDialog& dialog, const QString& text);
    static QListWidget* listOf(const ConnectDialog& dialog)
    {
        return dialog.findChild<QListWidget*>(QStringLiteral("discoveredSessions"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestConnectDialogDiscovery::initTestCase()
{
    if (const QString why = test::whyNoDiscoveryNamespace(); !why.isEmpty())
        QSKIP(qPrintable(why));
}

void TestConnectDialogDiscovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings
        = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
}

std::unique_ptr<ConnectDialog> TestConnectDialogDiscovery::makeBrowsingDialog()
{
    auto dialog = std::make_unique<ConnectDialog>(AppPaths(m_dir->path()), *m_settings);
    dialog->setAnonymous();
    dialog->setNickname(QStringLiteral("bob"));
    dialog->discoveredSessions()->browse(); // as MainWindow does when it opens the dialog
    dialog->show();
    return dialog;
}

int TestConnectDialogDiscovery::waitForRow(const QListWidget& list, const QString& text)
{
    int row = -1;
    // The result is `row` itself: -1 when nothing matched in time.
    [[maybe_unused]] const bool seen = QTest::qWaitFor(
        [&] {
            for (int i = 0; i < list.count(); ++i) {
                if (list.item(i)->text().contains(text)) {
                    row = i;
                    return true;
                }
            }
            return false;
        },
        DiscoveryTimeoutMs);
    return row;
}

bool TestConnectDialogDiscovery::connectThroughTheList(ConnectDialog& dialog, const QString& text)
{
    QListWidget* list = listOf(dialog);
    const int row = waitForRow(*list, text);
    if (row < 0 || !QTest::qWaitForWindowExposed(&dialog))
        return false;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(row)).center());
    dialog.accept();
    return true;
}

void TestConnectDialogDiscovery::announcedSessionAppearsAndGoesLive()
{
    auto dialog = makeBrowsingDialog();
    const QString fingerprint = fingerprintOf(QStringLiteral("selfsigned.pem"));
    auto announcer = std::make_unique<SessionAnnouncer>();
    QVERIFY(announcer->start({ QStringLiteral("ann"), 7101, QStringLiteral("1"), fingerprint, {} }));

    const int row = waitForRow(*listOf(*dialog), QStringLiteral("ann"));
    QVERIFY2(row >= 0, "the announced session never appeared in the list");
    const QString line = listOf(*dialog)->item(row)->text();
    QVERIFY2(line.contains(DaemonAddress + QStringLiteral(":7101")), qPrintable(line));
    DiscoveredSession announced;
    announced.fingerprint = fingerprint;
    QVERIFY2(line.contains(announced.fingerprintStart()), qPrintable(line));

    announcer.reset(); // the session ends: withdrawn from the network
    QTRY_VERIFY_WITH_TIMEOUT(dialog->discoveredSessions()->sessions().isEmpty(), DiscoveryTimeoutMs);
    QCOMPARE(waitForRow(*listOf(*dialog), QStringLiteral("ann")), -1);
}

void TestConnectDialogDiscovery::choosingAnAnnouncedSessionFillsInWhereToConnect()
{
    auto dialog = makeBrowsingDialog();
    const QString fingerprint = fingerprintOf(QStringLiteral("selfsigned.pem"));
    SessionAnnouncer announcer;
    QVERIFY(announcer.start({ QStringLiteral("carol"), 7102, QStringLiteral("1"), fingerprint, {} }));
    QVERIFY(connectThroughTheList(*dialog, QStringLiteral("carol")));
    const auto options = dialog->clientOptions();
    QVERIFY(options);
    QCOMPARE(options->host, DaemonAddress);
    QCOMPARE(options->port, quint16(7102));
    QCOMPARE(options->announcedFingerprint, fingerprint);
}

void TestConnectDialogDiscovery::forgedAnnouncementIsToldPlainlyOnConnecting()
{
    // A real host inside the namespace (its address is no one's outside it), and someone else on
    // the network announcing that host's port with a certificate of their own.
    HostOptions hostOptions = test::hostOptions(QStringLiteral("selfsigned"));
    hostOptions.address = QHostAddress(DaemonAddress);
    HostedSession host(std::move(hostOptions));
    QVERIFY(host.start());
    SessionAnnouncer forger;
    QVERIFY(forger.start({ QStringLiteral("mallory"), host.host().port(), QStringLiteral("1"),
        fingerprintOf(QStringLiteral("other-client.pem")), {} }));

    auto dialog = makeBrowsingDialog();
    QVERIFY(connectThroughTheList(*dialog, QStringLiteral("mallory")));
    auto options = dialog->clientOptions();
    QVERIFY(options);

    JoinedSession bob(std::move(*options), nullptr);
    QSignalSpy notices(&bob, &ChatSession::notice);
    QSignalSpy asked(&bob, &JoinedSession::trustRequired);
    bob.start();
    // Nobody vouches for the host's certificate: the person is asked, and told first.
    QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, DiscoveryTimeoutMs);
    QCOMPARE(notices.size(), 1);
    QVERIFY2(notices.at(0).at(0).toString().contains(QStringLiteral("impersonating")),
        qPrintable(notices.at(0).at(0).toString()));
    QVERIFY(notices.at(0).at(1).toBool()); // shown as a problem
}

QTEST_MAIN(TestConnectDialogDiscovery)
#include "tst_connectdialogdiscovery.moc"
