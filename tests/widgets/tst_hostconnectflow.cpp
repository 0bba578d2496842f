// SPDX-License-Identifier: MIT
// Two MainWindow objects in one process, a real host and a real client over loopback, driven
// through the dialogs and the keyboard as a person would.
#include "certificatedialog.h"
#include "chatmessagemodel.h"
#include "connectdialog.h"
#include "hostdialog.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "participantmodel.h"
#include "person.h"
#include "sessionbanner.h"
#include "sessiondetailsdialog.h"
#include "sessiontab.h"
#include "statusindicator.h"
#include "testcerts.h"
#include "trust/knownpeers.h"
#include "trustpromptdialog.h"
#include "trustrefusaldialog.h"

#include <QAction>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

namespace {

// Hosts through the Host dialog on 127.0.0.1, any free port, open to anyone (these tests are
// about the joining side); returns the port.
quint16 hostFromDialog(Person& host, const QString& identityName)
{
    HostDialog* dialog = host.window->openHostDialog();
    dialog->setAddress(QHostAddress::LocalHost);
    dialog->setPort(0);
    dialog->setAdmission(Admission::Open);
    dialog->setNickname(str("alice"));
    dialog->setIdentityFiles(
        test::certPath(identityName + str(".pem")), test::certPath(identityName + str(".key")));
    dialog->accept();
    // Hosting starts once the TLS self-check's loopback handshake passed.
    if (!QTest::qWaitFor([&host] { return host.tab() != nullptr; }, 10'000))
        qFatal("hosting failed");
    return static_cast<const HostedSession&>(host.session()).host().port();
}

enum class ClientIdentity { Stored, TestClient, None };

// Connects through the Connect dialog to 127.0.0.1:port, by default with the stored identity.
void connectFromDialog(Person& guest, quint16 port, const QString& caFile = QString(),
    ClientIdentity identity = ClientIdentity::Stored)
{
    ConnectDialog* dialog = guest.window->openConnectDialog();
    dialog->setHost(str("127.0.0.1"));
    dialog->setPort(port);
    dialog->setNickname(str("bob"));
    dialog->setCaFile(caFile);
    if (identity == ClientIdentity::TestClient)
        dialog->setIdentityFiles(test::certPath(str("client.pem")), test::certPath(str("client.key")));
    else if (identity == ClientIdentity::None)
        dialog->setAnonymous();
    dialog->accept();
}

QString hostPort(quint16 port)
{
    return str("127.0.0.1:%1").arg(port);
}

// Alice hosts with a self-signed certificate and bob connects to her: the port, once bob is asked
// whether to trust it, or 0.
quint16 bobIsAskedAboutAlice(Person& alice, Person& bob)
{
    const quint16 port = hostFromDialog(alice, str("selfsigned"));
    connectFromDialog(bob, port);
    return QTest::qWaitFor([&bob] { return bob.visible<TrustPromptDialog>() != nullptr; }) ? port : 0;
}

void answerTrustPrompt(const Person& bob, const char* buttonName)
{
    QTest::mouseClick(
        bob.visible<TrustPromptDialog>()->findChild<QPushButton*>(str(buttonName)), Qt::LeftButton);
}

} // namespace

class TestHostConnectFlow final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void messageTypedInOneWindowAppearsInTheOther();
    void markupInAMessageArrivesLiterally();
    void unknownHostAsksForTrust();
    void trustOnceJoinsWithoutRemembering();
    void cancelLeavesTheSession();
    void alwaysTrustRemembersTheHost();
    void changedCertificateIsRefused();
    void unreadMessagesShowInTheTitles();
    void disconnectTellsTheHost();
    void closingTheTabWithdrawsTheQuestion();
    void certificateAndDetailsShowTheHost();
    void hostSeesEachParticipantsCertificate();
    void requiredClientCertificateKeepsOutAnonymousGuests();
};

void TestHostConnectFlow::messageTypedInOneWindowAppearsInTheOther()
{
    Person alice;
    Person bob;
    const quint16 port = hostFromDialog(alice, str("host"));
    connectFromDialog(bob, port, test::certPath(str("ca.pem")));
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active);
    QCOMPARE(bob.window->statusIndicator()->security(), ChatSession::Security::Verified);
    QVERIFY2(bob.window->statusIndicator()->summary().startsWith(str("TLS 1.")),
        qPrintable(bob.window->statusIndicator()->summary()));
    QVERIFY(bob.window->statusIndicator()->summary().endsWith(str("verified by CA")));
    QTRY_COMPARE(alice.tab()->participants().rowCount(), 2);

    bob.type(str("hello from bob"));
    QTRY_COMPARE(alice.lastText(), str("hello from bob"));
    QCOMPARE(
        alice.messages().index(alice.messages().rowCount() - 1).data(ChatMessageModel::NickRole).toString(),
        str("bob"));
    const QModelIndex mine = bob.messages().index(bob.messages().rowCount() - 1);
    QCOMPARE(mine.data(ChatMessageModel::KindRole).toInt(), int(ChatMessageModel::Kind::OwnMessage));
    QTRY_COMPARE(
        mine.data(ChatMessageModel::DeliveryRole).toInt(), int(ChatMessageModel::Delivery::Delivered));

    alice.type(str("hello bob"));
    QTRY_COMPARE(bob.lastText(), str("hello bob"));
    QCOMPARE(bob.tab()->participants().rowCount(), 2);
}

void TestHostConnectFlow::markupInAMessageArrivesLiterally()
{
    Person alice;
    Person bob;
    connectFromDialog(bob, hostFromDialog(alice, str("host")), test::certPath(str("ca.pem")));
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active);
    const QString markup = str("<b>x</b><img src=/etc/hostname>");
    alice.type(markup);
    QTRY_COMPARE(bob.lastText(), markup);
}

void TestHostConnectFlow::unknownHostAsksForTrust()
{
    Person alice;
    Person bob;
    QVERIFY(bobIsAskedAboutAlice(alice, bob));
    QCOMPARE(bob.session().phase(), ChatSession::Phase::AwaitingTrust);
    QCOMPARE(bob.tab()->banner()->mode(), SessionBanner::Mode::Progress);
    QVERIFY(bob.window->statusIndicator()->security() != ChatSession::Security::Verified);
    QCOMPARE(alice.tab()->participants().rowCount(), 1); // nothing is sent before the decision
}

void TestHostConnectFlow::trustOnceJoinsWithoutRemembering()
{
    Person alice;
    Person bob;
    const quint16 port = bobIsAskedAboutAlice(alice, bob);
    QVERIFY(port);
    answerTrustPrompt(bob, "trustOnceButton");
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active);
    // Trusted by the person's own decision: said in those words, never "not verified".
    QCOMPARE(bob.window->statusIndicator()->security(), ChatSession::Security::Verified);
    QVERIFY(bob.window->statusIndicator()->summary().endsWith(str("trusted by you, this time only")));
    QVERIFY(
        bob.tab()->participants().index(0).data().toString().contains(str("trusted by you, this time only")));
    QVERIFY(!bob.knownPeers().find(hostPort(port)));
    QTRY_COMPARE(alice.tab()->participants().rowCount(), 2);
}

void TestHostConnectFlow::cancelLeavesTheSession()
{
    Person alice;
    Person bob;
    QVERIFY(bobIsAskedAboutAlice(alice, bob));
    answerTrustPrompt(bob, "cancelButton");
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Ended);
    QCOMPARE(bob.tab()->banner()->mode(), SessionBanner::Mode::Ended);
    QVERIFY2(bob.tab()->banner()->detail().contains(str("did not trust")),
        qPrintable(bob.tab()->banner()->detail()));
    QCOMPARE(bob.window->statusIndicator()->security(), ChatSession::Security::Insecure);
    QVERIFY(!bob.tab()->input()->isEnabled());
    QCOMPARE(alice.tab()->participants().rowCount(), 1);
}

void TestHostConnectFlow::alwaysTrustRemembersTheHost()
{
    Person alice;
    Person bob;
    const quint16 port = bobIsAskedAboutAlice(alice, bob);
    QVERIFY(port);
    answerTrustPrompt(bob, "alwaysTrustButton");
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active);
    const auto known = bob.knownPeers().find(hostPort(port));
    QVERIFY(known);
    QCOMPARE(known->sha256, test::sha256Of(str("selfsigned.pem")));

    bob.window->findChild<QAction*>(str("actionDisconnect"))->trigger();
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Ended);
    connectFromDialog(bob, port); // again, in the same tab: the pin now vouches for the host
    QCOMPARE(bob.window->tabs().size(), 1);
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active);
    QVERIFY(!bob.visible<TrustPromptDialog>());
    QCOMPARE(bob.window->statusIndicator()->security(), ChatSession::Security::Verified);
}

void TestHostConnectFlow::changedCertificateIsRefused()
{
    Person alice;
    Person bob;
    const quint16 port = hostFromDialog(alice, str("selfsigned"));
    KnownPeers pinned(AppPaths(bob.home.path()).knownPeersFile());
    QVERIFY(
        pinned.remember({ hostPort(port), test::sha256Of(str("selfsigned2.pem")), {}, str("the old one") }));
    connectFromDialog(bob, port);
    QTRY_VERIFY(bob.visible<TrustRefusalDialog>());
    QVERIFY(!bob.visible<TrustPromptDialog>());
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Ended);
    QCOMPARE(bob.window->statusIndicator()->security(), ChatSession::Security::Insecure);
    QCOMPARE(alice.tab()->participants().rowCount(), 1);
}

void TestHostConnectFlow::unreadMessagesShowInTheTitles()
{
    Person alice;
    Person bob;
    connectFromDialog(bob, hostFromDialog(alice, str("host")), test::certPath(str("ca.pem")));
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active);
    alice.window->activateWindow();
    QTRY_VERIFY(alice.window->isActiveWindow());
    alice.type(str("are you there?"));
    QTRY_COMPARE(bob.tab()->unreadCount(), 1);
    QCOMPARE(bob.window->tabWidget()->tabText(0), bob.session().title() + str(" (1)"));
    QVERIFY2(bob.window->windowTitle().startsWith(str("(1) ")), qPrintable(bob.window->windowTitle()));

    bob.window->activateWindow();
    QTRY_VERIFY(bob.window->isActiveWindow());
    QCOMPARE(bob.tab()->unreadCount(), 0);
    QVERIFY(!bob.window->windowTitle().startsWith(str("(")));
}

void TestHostConnectFlow::disconnectTellsTheHost()
{
    Person alice;
    Person bob;
    connectFromDialog(bob, hostFromDialog(alice, str("host")), test::certPath(str("ca.pem")));
    QTRY_COMPARE(alice.tab()->participants().rowCount(), 2);
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active); // Disconnect is offered from then on
    bob.window->findChild<QAction*>(str("actionDisconnect"))->trigger();
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Ended);
    QTRY_COMPARE(alice.tab()->participants().rowCount(), 1);
    QVERIFY2(alice.lastText().startsWith(str("bob left")), qPrintable(alice.lastText()));
    QCOMPARE(bob.tab()->banner()->mode(), SessionBanner::Mode::Ended);
}

void TestHostConnectFlow::closingTheTabWithdrawsTheQuestion()
{
    Person alice;
    Person bob;
    QVERIFY(bobIsAskedAboutAlice(alice, bob));
    bob.window->closeTab(bob.tab());
    QTRY_VERIFY(!bob.visible<TrustPromptDialog>());
    QCOMPARE(bob.window->tabs().size(), 0);
    QCOMPARE(alice.tab()->participants().rowCount(), 1);
}

void TestHostConnectFlow::certificateAndDetailsShowTheHost()
{
    Person alice;
    Person bob;
    connectFromDialog(bob, hostFromDialog(alice, str("host")), test::certPath(str("ca.pem")));
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active);
    bob.window->findChild<QAction*>(str("actionCertificate"))->trigger();
    CertificateDialog* certificate = bob.visible<CertificateDialog>();
    QVERIFY(certificate);
    QCOMPARE(certificate->currentIndex(), 0);
    // The dialog lays the fingerprint out in lines of 8 pairs: the first line is its first 23 characters.
    const QString firstLine
        = CertificateDetails::fingerprintSha256(test::identity(str("host")).certificate()).left(23);
    const QList<QLabel*> labels = certificate->findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
        [&](const QLabel* label) { return label->text().startsWith(firstLine); }));
    certificate->close();
    QVERIFY(bob.window->findChild<QAction*>(str("actionSessionDetails"))->isEnabled());
    bob.window->findChild<QAction*>(str("actionSessionDetails"))->trigger();
    QVERIFY(bob.visible<SessionDetailsDialog>());
}

void TestHostConnectFlow::hostSeesEachParticipantsCertificate()
{
    Person alice;
    Person bob;
    connectFromDialog(
        bob, hostFromDialog(alice, str("host")), test::certPath(str("ca.pem")), ClientIdentity::TestClient);
    QTRY_COMPARE(alice.tab()->participants().rowCount(), 2);
    QListView* list = alice.tab()->participantView();
    list->setCurrentIndex(alice.tab()->participants().index(1)); // bob
    alice.window->findChild<QAction*>(str("actionCertificate"))->trigger();
    CertificateDialog* certificate = alice.visible<CertificateDialog>();
    QVERIFY(certificate);
    const QString firstLine
        = CertificateDetails::fingerprintSha256(test::identity(str("client")).certificate()).left(23);
    const QList<QLabel*> labels = certificate->findChildren<QLabel*>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
        [&](const QLabel* label) { return label->text().startsWith(firstLine); }));
}

void TestHostConnectFlow::requiredClientCertificateKeepsOutAnonymousGuests()
{
    Person alice;
    HostDialog* dialog = alice.window->openHostDialog();
    dialog->setAddress(QHostAddress::LocalHost);
    dialog->setPort(0);
    dialog->setIdentityFiles(test::certPath(str("host.pem")), test::certPath(str("host.key")));
    dialog->setRequireClientCertificates(true);
    dialog->setClientCaFile(test::certPath(str("ca.pem")));
    dialog->accept();
    QTRY_VERIFY(alice.tab());
    const quint16 port = static_cast<const HostedSession&>(alice.session()).host().port();

    Person anonymous;
    connectFromDialog(anonymous, port, test::certPath(str("ca.pem")), ClientIdentity::None);
    QTRY_COMPARE(anonymous.session().phase(), ChatSession::Phase::Ended);

    Person bob;
    connectFromDialog(bob, port, test::certPath(str("ca.pem")), ClientIdentity::TestClient);
    QTRY_COMPARE(alice.tab()->participants().rowCount(), 2);
    QCOMPARE(alice.tab()->participants().index(1).data(ParticipantModel::VerifiedRole).toBool(), true);
    QCOMPARE(alice.window->statusIndicator()->security(), ChatSession::Security::Verified);
}

QTEST_MAIN(TestHostConnectFlow)
#include "tst_hostconnectflow.moc"
