// SPDX-License-Identifier: MIT
// The Host dialog's choice of who may join: its default, where it goes, that it is remembered,
// and what the hosting banner then says.
#include "guestclient.h"
#include "hostdialog.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "sessionbanner.h"
#include "sessiontab.h"
#include "testcerts.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// A dialog filled in so that accept() succeeds: 127.0.0.1, any free port, the test identity.
void fillIn(HostDialog& dialog)
{
    dialog.setAddress(QHostAddress::LocalHost);
    dialog.setPort(0);
    dialog.setNickname(str("alice"));
    dialog.setIdentityFiles(test::certPath(str("host.pem")), test::certPath(str("host.key")));
}

} // namespace

class TestHostDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void asksAboutEachNewParticipantByDefault();
    void chosenAdmissionIsHostedWith_data();
    void chosenAdmissionIsHostedWith();
    void chosenAdmissionIsRememberedForNextTime_data();
    void chosenAdmissionIsRememberedForNextTime();
    void bannerSaysWhoMayJoin_data();
    void bannerSaysWhoMayJoin();
    void hostedSessionKeepsThePersonsKnownClients();
    void announcesByDefaultOnAllAddressesNeverOnThisComputerOnly();
    void announceChoiceIsRememberedForNextTime();
    void busyPortKeepsTheDialogOpenAndOffersAFreeOne();

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QSettings> m_settings;
};

void TestHostDialog::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_home->filePath(str("settings.ini")), QSettings::IniFormat);
}

void TestHostDialog::asksAboutEachNewParticipantByDefault()
{
    HostDialog dialog(AppPaths(m_home->path()), *m_settings);
    const QList<QComboBox*> choices = dialog.findChildren<QComboBox*>();
    const auto choice = std::find_if(choices.cbegin(), choices.cend(),
        [](const QComboBox* box) { return box->accessibleName() == str("Who may join"); });
    QVERIFY(choice != choices.cend());
    QCOMPARE((*choice)->currentText(), str("Ask me about each new participant"));
    fillIn(dialog);
    dialog.accept();
    QVERIFY(dialog.hostOptions());
    QCOMPARE(dialog.hostOptions()->admission, Admission::Ask);
}

void TestHostDialog::chosenAdmissionIsHostedWith_data()
{
    QTest::addColumn<Admission>("admission");
    QTest::newRow("ask") << Admission::Ask;
    QTest::newRow("known") << Admission::Known;
    QTest::newRow("open") << Admission::Open;
}

void TestHostDialog::chosenAdmissionIsHostedWith()
{
    QFETCH(Admission, admission);
    HostDialog dialog(AppPaths(m_home->path()), *m_settings);
    fillIn(dialog);
    dialog.setAdmission(admission);
    dialog.accept();
    QVERIFY(dialog.hostOptions());
    QCOMPARE(dialog.hostOptions()->admission, admission);
}

void TestHostDialog::chosenAdmissionIsRememberedForNextTime_data()
{
    chosenAdmissionIsHostedWith_data();
}

void TestHostDialog::chosenAdmissionIsRememberedForNextTime()
{
    QFETCH(Admission, admission);
    {
        HostDialog first(AppPaths(m_home->path()), *m_settings);
        fillIn(first);
        first.setAdmission(admission == Admission::Ask ? Admission::Open : Admission::Ask);
        first.accept();
        HostDialog second(AppPaths(m_home->path()), *m_settings);
        fillIn(second);
        second.setAdmission(admission);
        second.accept();
    }
    QCOMPARE(HostDialog::rememberedAdmission(*m_settings), admission);
    HostDialog again(AppPaths(m_home->path()), *m_settings);
    fillIn(again);
    again.accept();
    QCOMPARE(again.hostOptions()->admission, admission);
}

void TestHostDialog::bannerSaysWhoMayJoin_data()
{
    QTest::addColumn<Admission>("admission");
    QTest::addColumn<QString>("words");
    QTest::newRow("ask") << Admission::Ask << str("You are asked about each new participant");
    QTest::newRow("known") << Admission::Known << str("Only people you know can join");
    QTest::newRow("open") << Admission::Open << str("anyone who can reach this port can join");
}

void TestHostDialog::bannerSaysWhoMayJoin()
{
    QFETCH(Admission, admission);
    QFETCH(QString, words);
    MainWindow window { AppPaths(m_home->path()) };
    HostDialog* dialog = window.openHostDialog();
    fillIn(*dialog);
    dialog->setAdmission(admission);
    dialog->accept();
    QTRY_VERIFY(window.currentTab()); // after the TLS self-check
    const SessionBanner* banner = window.currentTab()->banner();
    QCOMPARE(banner->mode(), SessionBanner::Mode::Hosting);
    QVERIFY2(banner->admissionText().contains(words), qPrintable(banner->admissionText()));
}

void TestHostDialog::hostedSessionKeepsThePersonsKnownClients()
{
    KnownClients known(AppPaths(m_home->path()).knownClientsFile());
    QVERIFY(
        known.remember({ test::sha256Of(str("client.pem")), KnownClient::Verdict::Block, str("mallory") }));
    MainWindow window { AppPaths(m_home->path()) };
    HostDialog* dialog = window.openHostDialog();
    fillIn(*dialog);
    dialog->setAdmission(Admission::Open);
    dialog->accept();
    QTRY_VERIFY(window.currentTab()); // after the TLS self-check
    const quint16 port = static_cast<const HostedSession&>(window.currentTab()->session()).host().port();

    const auto mallory = test::guest(port, str("mallory"), str("client"));
    QSignalSpy gone(mallory.get(), &ChatClient::disconnected);
    QVERIFY(gone.wait(10'000));
    const QString reason = gone.first().first().value<Disconnect>().message;
    QVERIFY2(reason.contains(str("blocked")), qPrintable(reason));
}

void TestHostDialog::announcesByDefaultOnAllAddressesNeverOnThisComputerOnly()
{
    HostDialog dialog(AppPaths(m_home->path()), *m_settings);
    QVERIFY(dialog.announceOnLocalNetwork());
    dialog.setAddress(QHostAddress::LocalHost);
    QVERIFY(!dialog.announceOnLocalNetwork());
    dialog.setAddress(QHostAddress::Any);
    QVERIFY(dialog.announceOnLocalNetwork());
}

void TestHostDialog::announceChoiceIsRememberedForNextTime()
{
    {
        HostDialog first(AppPaths(m_home->path()), *m_settings);
        fillIn(first);
        first.setAddress(QHostAddress::Any);
        first.setAnnounceOnLocalNetwork(false);
        first.accept();
        QVERIFY(first.hostOptions().has_value());
    }
    HostDialog again(AppPaths(m_home->path()), *m_settings);
    QVERIFY(!again.announceOnLocalNetwork());
}

void TestHostDialog::busyPortKeepsTheDialogOpenAndOffersAFreeOne()
{
    QTcpServer other; // another program on the port the person chose
    QVERIFY(other.listen(QHostAddress::LocalHost, 0));
    const quint16 busy = other.serverPort();
    HostDialog dialog(AppPaths(m_home->path()), *m_settings);
    dialog.show();
    fillIn(dialog);
    dialog.setPort(busy);

    dialog.accept();

    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.hostOptions());
    const auto* error = dialog.findChild<QLabel*>(str("error"));
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(str("Port %1 is already in use on this computer").arg(busy)),
        qPrintable(error->text()));
    auto* useFree = dialog.findChild<QPushButton*>(str("freePortButton"));
    QVERIFY(useFree->isVisible());
    const quint16 offered = useFree->text().section(u' ', -1).toUShort();
    QVERIFY2(offered != 0 && offered != busy, qPrintable(useFree->text()));

    QTest::mouseClick(useFree, Qt::LeftButton);
    QCOMPARE(dialog.findChild<QSpinBox*>()->value(), int(offered));
    QVERIFY(!error->isVisible());
    dialog.accept();
    QVERIFY(dialog.hostOptions());
    QCOMPARE(dialog.hostOptions()->port, offered);
}

QTEST_MAIN(TestHostDialog)
#include "tst_hostdialog.moc"
