// SPDX-License-Identifier: MIT
// The Connect dialog's sessions on the local network and its invite links. The list is fed
// DiscoveredSession values through its public slots, as SessionBrowser would (the browser itself
// is tested against a real avahi-daemon in tests/integration/tst_discovery).
#include "connectdialog.h"
#include "discoveredsessionlist.h"
#include "hostedsession.h"
#include "joinedsession.h"
#include "sessionharness.h"
#include "testcerts.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

const QString Fingerprint = QStringLiteral("SHA256:") + QStringLiteral("3B914F0C").repeated(8);

DiscoveredSession annOnLaptop()
{
    DiscoveredSession session;
    session.serviceName = QStringLiteral("ann on laptop");
    session.hostName = QStringLiteral("laptop.local");
    session.address = QStringLiteral("192.0.2.20");
    session.port = 7447;
    session.nickname = QStringLiteral("ann");
    session.protocolVersion = QStringLiteral("1");
    session.fingerprint = Fingerprint;
    return session;
}

// As a person does: the dialog on screen, a click on the session's line.
void clickFirstSession(ConnectDialog& dialog)
{
    dialog.show();
    auto* sessions = dialog.findChild<QListWidget*>(QStringLiteral("discoveredSessions"));
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(
        sessions->viewport(), Qt::LeftButton, {}, sessions->visualItemRect(sessions->item(0)).center());
}

} // namespace

class TestConnectDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void discoveredSessionIsListedWithHostNickAndFingerprintStart();
    void lostSessionDisappears();
    void changedAnnouncementReplacesItsLine();
    void textFromTheNetworkIsShownAsText();
    void choosingASessionFillsInAddressAndPort();
    void editedAddressDropsTheAnnouncedFingerprint();
    void pastedInviteLinkAcceptsExactlyItsCertificate();
    void malformedInviteLinkIsAnErrorAndTheDialogStays_data();
    void malformedInviteLinkIsAnErrorAndTheDialogStays();
    void hostPresentingAnotherCertificateThanAnnouncedIsToldPlainly_data();
    void hostPresentingAnotherCertificateThanAnnouncedIsToldPlainly();
    void keyFileIsAskedForOnlyWhenTheCertificateFileLacksIt_data();
    void keyFileIsAskedForOnlyWhenTheCertificateFileLacksIt();

private:
    std::unique_ptr<ConnectDialog> makeDialog();
    QListWidget* list(const ConnectDialog& dialog) const
    {
        return dialog.findChild<QListWidget*>(QStringLiteral("discoveredSessions"));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestConnectDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings
        = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
}

std::unique_ptr<ConnectDialog> TestConnectDialog::makeDialog()
{
    auto dialog = std::make_unique<ConnectDialog>(AppPaths(m_dir->path()), *m_settings);
    dialog->setAnonymous();
    dialog->setNickname(QStringLiteral("bob"));
    return dialog;
}

void TestConnectDialog::discoveredSessionIsListedWithHostNickAndFingerprintStart()
{
    auto dialog = makeDialog();
    QCOMPARE(list(*dialog)->count(), 0);
    dialog->discoveredSessions()->addSession(annOnLaptop());
    QCOMPARE(list(*dialog)->count(), 1);
    const QString line = list(*dialog)->item(0)->text();
    QVERIFY2(line.contains(QStringLiteral("ann")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("laptop.local")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("192.0.2.20:7447")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("SHA256:3B:91:4F:0C\u2026")), qPrintable(line));
    QVERIFY2(!line.contains(Fingerprint.mid(7)), "only the start of the fingerprint: it is a hint");
}

void TestConnectDialog::lostSessionDisappears()
{
    auto dialog = makeDialog();
    DiscoveredSession other = annOnLaptop();
    other.serviceName = QStringLiteral("carol on desk");
    dialog->discoveredSessions()->addSession(annOnLaptop());
    dialog->discoveredSessions()->addSession(other);
    QCOMPARE(list(*dialog)->count(), 2);
    dialog->discoveredSessions()->removeSession(QStringLiteral("ann on laptop"));
    QCOMPARE(list(*dialog)->count(), 1);
    QCOMPARE(
        dialog->discoveredSessions()->sessions().constFirst().serviceName, QStringLiteral("carol on desk"));
}

void TestConnectDialog::changedAnnouncementReplacesItsLine()
{
    auto dialog = makeDialog();
    dialog->discoveredSessions()->addSession(annOnLaptop());
    DiscoveredSession moved = annOnLaptop();
    moved.port = 7448;
    dialog->discoveredSessions()->addSession(moved);
    QCOMPARE(list(*dialog)->count(), 1);
    QVERIFY(list(*dialog)->item(0)->text().contains(QStringLiteral(":7448")));
}

void TestConnectDialog::textFromTheNetworkIsShownAsText()
{
    auto dialog = makeDialog();
    DiscoveredSession hostile = annOnLaptop();
    hostile.nickname = QStringLiteral("<b>ann</b>\u202Eevil");
    hostile.serviceName = QStringLiteral("x\x1B[31my");
    dialog->discoveredSessions()->addSession(hostile);
    const QString line = list(*dialog)->item(0)->text();
    QVERIFY2(line.contains(QStringLiteral("<b>ann</b>")), qPrintable(line)); // shown, not rendered
    QVERIFY(!line.contains(QChar(0x202E)));
    QVERIFY(!line.contains(QChar(0x1B)));
}

void TestConnectDialog::choosingASessionFillsInAddressAndPort()
{
    auto dialog = makeDialog();
    dialog->discoveredSessions()->addSession(annOnLaptop());
    clickFirstSession(*dialog);
    QCOMPARE(dialog->findChild<QComboBox*>()->currentText(), QStringLiteral("192.0.2.20"));
    QCOMPARE(dialog->findChild<QSpinBox*>()->value(), 7447);
    dialog->accept();
    QVERIFY(dialog->clientOptions().has_value());
    QCOMPARE(dialog->clientOptions()->host, QStringLiteral("192.0.2.20"));
    QCOMPARE(dialog->clientOptions()->port, quint16(7447));
    // A hint to compare, not a pin: the certificate still goes through the normal verification.
    QCOMPARE(dialog->clientOptions()->announcedFingerprint, Fingerprint);
    QVERIFY(!dialog->clientOptions()->pin.has_value());
}

void TestConnectDialog::editedAddressDropsTheAnnouncedFingerprint()
{
    auto dialog = makeDialog();
    dialog->discoveredSessions()->addSession(annOnLaptop());
    clickFirstSession(*dialog);
    dialog->setHost(QStringLiteral("192.0.2.99"));
    dialog->accept();
    QVERIFY(dialog->clientOptions().has_value());
    QVERIFY(dialog->clientOptions()->announcedFingerprint.isEmpty());
}

void TestConnectDialog::pastedInviteLinkAcceptsExactlyItsCertificate()
{
    auto dialog = makeDialog();
    const QString hex = QStringLiteral("ab").repeated(32);
    dialog->setHost(QStringLiteral("  securechat://[::1]:7450/?nick=ann&fp=SHA256:%1\n").arg(hex));
    dialog->accept();
    QVERIFY(dialog->clientOptions().has_value());
    QCOMPARE(dialog->clientOptions()->host, QStringLiteral("::1"));
    QCOMPARE(dialog->clientOptions()->port, quint16(7450));
    QCOMPARE(dialog->clientOptions()->pin, std::optional<QByteArray>(QByteArray::fromHex(hex.toLatin1())));
    QVERIFY(dialog->clientOptions()->pinFromInvite);
    QCOMPARE(dialog->clientOptions()->nick, QStringLiteral("bob"));
}

void TestConnectDialog::malformedInviteLinkIsAnErrorAndTheDialogStays_data()
{
    QTest::addColumn<QString>("link");
    const QString hex = QStringLiteral("ab").repeated(32);
    QTest::newRow("truncated") << QStringLiteral("securechat://127.0.0.1:7447/?fp=SHA256:") + hex.left(50);
    QTest::newRow("no fingerprint") << QStringLiteral("securechat://127.0.0.1:7447/?nick=ann");
    QTest::newRow("user info") << QStringLiteral("securechat://ann@127.0.0.1:7447/?fp=SHA256:") + hex;
}

void TestConnectDialog::malformedInviteLinkIsAnErrorAndTheDialogStays()
{
    QFETCH(QString, link);
    auto dialog = makeDialog();
    dialog->setHost(link);
    dialog->accept();
    QVERIFY(!dialog->clientOptions().has_value());
    const auto* error = dialog->findChild<QLabel*>(QStringLiteral("error"));
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(QStringLiteral("invite link"), Qt::CaseInsensitive),
        qPrintable(error->text()));
}

void TestConnectDialog::hostPresentingAnotherCertificateThanAnnouncedIsToldPlainly_data()
{
    QTest::addColumn<QString>("announced");
    QTest::addColumn<bool>("warned");
    const QString genuine = QString::fromLatin1(test::sha256Of(QStringLiteral("selfsigned.pem")).toHex());
    QTest::newRow("the certificate announced") << QStringLiteral("SHA256:") + genuine << false;
    QTest::newRow("another certificate") << Fingerprint << true;
}

void TestConnectDialog::hostPresentingAnotherCertificateThanAnnouncedIsToldPlainly()
{
    QFETCH(QString, announced);
    QFETCH(bool, warned);
    HostedSession host(test::hostOptions(QStringLiteral("selfsigned")));
    QVERIFY(host.start());
    ClientOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = host.host().port();
    options.nick = QStringLiteral("bob");
    // Trusted for another reason (here a pin): the announcement is still compared, and only told.
    options.pin = test::sha256Of(QStringLiteral("selfsigned.pem"));
    options.announcedFingerprint = announced;
    JoinedSession bob(std::move(options), nullptr);
    QSignalSpy notices(&bob, &ChatSession::notice);
    bob.start();
    QTRY_COMPARE_WITH_TIMEOUT(bob.phase(), ChatSession::Phase::Active, 10'000);
    const auto impersonation
        = std::find_if(notices.cbegin(), notices.cend(), [](const QList<QVariant>& arguments) {
              return arguments.at(0).toString().contains(QStringLiteral("impersonating"));
          });
    QCOMPARE(impersonation != notices.cend(), warned);
    if (warned)
        QVERIFY(impersonation->at(1).toBool()); // shown as a problem
}

void TestConnectDialog::keyFileIsAskedForOnlyWhenTheCertificateFileLacksIt_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("keyAskedFor");
    QTest::newRow("PEM certificate") << QStringLiteral("/home/bob/bob.pem") << true;
    QTest::newRow("PKCS#12, .p12") << QStringLiteral("/home/bob/bob.p12") << false;
    QTest::newRow("PKCS#12, .PFX") << QStringLiteral("/home/bob/BOB.PFX") << false;
    QTest::newRow("nothing yet") << QString() << true;
}

void TestConnectDialog::keyFileIsAskedForOnlyWhenTheCertificateFileLacksIt()
{
    QFETCH(QString, typed);
    QFETCH(bool, keyAskedFor);
    auto dialog = makeDialog();
    dialog->setIdentityFiles(QStringLiteral("/home/bob/old.p12"), QString());
    dialog->show();
    const auto field = [&dialog](const QString& name) {
        const QList<QLineEdit*> edits = dialog->findChildren<QLineEdit*>();
        const auto found = std::find_if(edits.cbegin(), edits.cend(),
            [&name](const QLineEdit* edit) { return edit->accessibleName() == name; });
        return found != edits.cend() ? *found : nullptr;
    };
    QLineEdit* certificate = field(QStringLiteral("Certificate file"));
    QLineEdit* key = field(QStringLiteral("Private key file"));
    QVERIFY(certificate && key);

    certificate->clear();
    QTest::keyClicks(certificate, typed);

    // A PKCS#12 file holds its key: a key field that would be ignored is not offered.
    QCOMPARE(key->isEnabled(), keyAskedFor);
}

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
