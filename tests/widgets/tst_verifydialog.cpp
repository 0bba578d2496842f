// SPDX-License-Identifier: MIT
// The Verify dialog and the host's "Copy Invite Link", on real sessions over loopback TLS.
#include "buttonicons.h"
#include "guestclient.h"
#include "hostedsession.h"
#include "invitelinkmaker.h"
#include "joinedsession.h"
#include "mainwindow.h"
#include "person.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "statusindicator.h"
#include "testcerts.h"
#include "trust/knownclients.h"
#include "verificationactions.h"
#include "verifydialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;
using test::Person;
using test::str;

namespace {

SafetyNumber someNumber()
{
    return *SafetyNumber::fromCertificateDigests(
        test::sha256Of(QStringLiteral("selfsigned.pem")), test::sha256Of(QStringLiteral("client.pem")));
}

/// A host on loopback and bob joined to it with his own certificate, pinned to the host's.
struct JoinedPair {
    HostedSession host { test::hostOptions(QStringLiteral("selfsigned")) };
    std::unique_ptr<JoinedSession> bob;

    bool start()
    {
        if (!host.start())
            return false;
        ClientOptions options;
        options.host = QStringLiteral("127.0.0.1");
        options.port = host.host().port();
        options.nick = QStringLiteral("bob");
        options.pin = test::sha256Of(QStringLiteral("selfsigned.pem"));
        options.identity = test::identity(QStringLiteral("client"));
        bob = std::make_unique<JoinedSession>(std::move(options), nullptr);
        bob->start();
        return QTest::qWaitFor([this] { return bob->phase() == ChatSession::Phase::Active; }, 10'000)
            && QTest::qWaitFor([this] { return host.participants().size() == 2; }, 10'000);
    }
};

// As the person does: Verify… on nick, then "Mark as verified" in the dialog.
bool markVerified(const Person& person, const QString& nick)
{
    person.window->verificationActions()->verifyIn(person.tab(), nick);
    VerifyDialog* dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = person.visible<VerifyDialog>()) != nullptr; }))
        return false;
    dialog->findChild<QPushButton*>(QStringLiteral("markVerified"))->click();
    return true;
}

// Whether a line of the person's chat view contains `text`.
bool said(const Person& person, const QString& text)
{
    const ChatMessageModel& messages = person.messages();
    for (int row = 0; row < messages.rowCount(); ++row) {
        if (messages.index(row).data().toString().contains(text))
            return true;
    }
    return false;
}

// Bob, with his own certificate, joining a host on loopback that presents "selfsigned".
ClientOptions bobJoining(quint16 port, bool pinned)
{
    ClientOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = port;
    options.nick = QStringLiteral("bob");
    if (pinned)
        options.pin = test::sha256Of(QStringLiteral("selfsigned.pem"));
    options.identity = test::identity(QStringLiteral("client"));
    return options;
}

} // namespace

class TestVerifyDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsTheNumberInGroupsOfFive();
    void everyButtonHasAnIcon();
    void pastedNumberIsCompared_data();
    void pastedNumberIsCompared();
    void markAsVerifiedIsSignalled();
    void alreadyVerifiedCannotBeMarkedAgain();
    void bothSidesOfAConnectionSeeTheSameNumber();
    void joinerHasNoNumberForAnotherParticipant();
    void hostMarksAParticipantVerifiedAndEveryRosterSaysSoAtOnce();
    void hostKnowsTheVerifiedParticipantNextTime();
    void hostIsWarnedWhenAVerifiedNickArrivesWithAnotherCertificate();
    void joinerMarksTheHostVerifiedAndTheStatusBarSaysSo();
    void joinerKnowsTheVerifiedHostNextTime();
    void copyInviteLinkNamesTheHostsCertificate();
    void inviteLinkAddressForAHostOnAllAddresses_data();
    void inviteLinkAddressForAHostOnAllAddresses();
};

void TestVerifyDialog::showsTheNumberInGroupsOfFive()
{
    const SafetyNumber number = someNumber();
    VerifyDialog dialog(QStringLiteral("bob"), number, false);
    const auto* digits = dialog.findChild<QLabel*>(QStringLiteral("safetyNumber"));
    QCOMPARE(digits->textFormat(), Qt::PlainText);
    QCOMPARE(digits->text().simplified(), number.grouped());
    QCOMPARE(dialog.shownNumber(), number.grouped());
}

void TestVerifyDialog::pastedNumberIsCompared_data()
{
    QTest::addColumn<bool>("same");
    QTest::addColumn<QString>("expected");
    QTest::newRow("same") << true << QStringLiteral("are the same");
    QTest::newRow("different") << false << QStringLiteral("differ");
}

void TestVerifyDialog::pastedNumberIsCompared()
{
    QFETCH(bool, same);
    QFETCH(QString, expected);
    const SafetyNumber number = someNumber();
    VerifyDialog dialog(QStringLiteral("bob"), number, false);
    QString typed = number.digits();
    if (!same)
        typed[0] = typed[0] == u'1' ? u'2' : u'1';
    dialog.findChild<QLineEdit*>()->setText(typed);
    const auto* comparison = dialog.findChild<QLabel*>(QStringLiteral("comparison"));
    QVERIFY(!comparison->isHidden());
    QVERIFY2(comparison->text().contains(expected), qPrintable(comparison->text()));
}

void TestVerifyDialog::markAsVerifiedIsSignalled()
{
    VerifyDialog dialog(QStringLiteral("bob"), someNumber(), false);
    QSignalSpy marked(&dialog, &VerifyDialog::markedVerified);
    dialog.findChild<QPushButton*>(QStringLiteral("markVerified"))->click();
    QCOMPARE(marked.size(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestVerifyDialog::alreadyVerifiedCannotBeMarkedAgain()
{
    VerifyDialog dialog(QStringLiteral("bob"), someNumber(), true);
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("markVerified"))->isEnabled());
}

void TestVerifyDialog::bothSidesOfAConnectionSeeTheSameNumber()
{
    JoinedPair pair;
    QVERIFY(pair.start());
    const auto hostSide = VerifyDialog::numberFor(pair.host, QStringLiteral("bob"));
    const auto bobSide = VerifyDialog::numberFor(*pair.bob, pair.host.ownNick());
    QVERIFY(hostSide && bobSide);
    QCOMPARE(hostSide->grouped(), bobSide->grouped());
    QCOMPARE(*hostSide, someNumber());
}

void TestVerifyDialog::joinerHasNoNumberForAnotherParticipant()
{
    JoinedPair pair;
    QVERIFY(pair.start());
    QVERIFY(!VerifyDialog::numberFor(*pair.bob, QStringLiteral("carol")));
    QVERIFY(!VerifyDialog::numberFor(*pair.bob, QStringLiteral("bob"))); // oneself
}

void TestVerifyDialog::hostMarksAParticipantVerifiedAndEveryRosterSaysSoAtOnce()
{
    Person alice;
    QVERIFY(alice.window->host(test::hostOptions(str("selfsigned"))));
    const quint16 port = static_cast<const HostedSession&>(alice.session()).host().port();
    ChatClient bob(bobJoining(port, true));
    bob.connectToHost();
    QTRY_VERIFY(alice.trustLineOf(str("bob")).startsWith(str("not checked · ")));

    QVERIFY(markVerified(alice, str("bob")));
    QTRY_VERIFY2(alice.trustLineOf(str("bob")).startsWith(str("verified by you · ")),
        qPrintable(alice.trustLineOf(str("bob"))));
    QVERIFY2(alice.window->statusIndicator()->summary().endsWith(str("1 peer, 1 checked, 1 verified by you")),
        qPrintable(alice.window->statusIndicator()->summary()));
    QCOMPARE(alice.window->statusIndicator()->security(), ChatSession::Security::Verified);
    // The participants hear the host's word for it in their roster.
    QTRY_VERIFY(std::any_of(
        bob.participants().cbegin(), bob.participants().cend(), [](const Participant& participant) {
            return participant.nick == str("bob") && participant.comparedByHost;
        }));
    KnownClients known(AppPaths(alice.home.path()).knownClientsFile());
    QVERIFY(known.load());
    const auto bobKnown = known.find(test::sha256Of(str("client.pem")));
    QVERIFY(bobKnown);
    QCOMPARE(bobKnown->verdict, KnownClient::Verdict::Verified);
    QCOMPARE(bobKnown->nick, str("bob"));
}

void TestVerifyDialog::hostKnowsTheVerifiedParticipantNextTime()
{
    Person alice;
    KnownClients known(AppPaths(alice.home.path()).knownClientsFile());
    QVERIFY(
        known.remember({ test::sha256Of(str("client.pem")), KnownClient::Verdict::Verified, str("bob") }));
    QVERIFY(alice.window->host(test::hostOptions()));
    const auto bob = test::guest(
        static_cast<const HostedSession&>(alice.session()).host().port(), str("bob"), str("client"));
    QTRY_VERIFY(!alice.trustLineOf(str("bob")).isEmpty());
    QVERIFY2(alice.trustLineOf(str("bob")).startsWith(str("verified by you · ")),
        qPrintable(alice.trustLineOf(str("bob"))));
    QTRY_VERIFY(said(alice, str("bob joined · verified by you")));
}

void TestVerifyDialog::hostIsWarnedWhenAVerifiedNickArrivesWithAnotherCertificate()
{
    Person alice;
    KnownClients known(AppPaths(alice.home.path()).knownClientsFile());
    QVERIFY(
        known.remember({ test::sha256Of(str("client.pem")), KnownClient::Verdict::Verified, str("bob") }));
    QVERIFY(alice.window->host(test::hostOptions()));
    const auto impostor = test::guest(
        static_cast<const HostedSession&>(alice.session()).host().port(), str("bob"), str("other-client"));
    QTRY_VERIFY(!alice.trustLineOf(str("bob")).isEmpty());
    QVERIFY2(alice.trustLineOf(str("bob")).startsWith(str("not checked · ")),
        qPrintable(alice.trustLineOf(str("bob"))));
    QTRY_VERIFY(said(alice, str("joined with another certificate than the bob you verified")));
}

void TestVerifyDialog::joinerMarksTheHostVerifiedAndTheStatusBarSaysSo()
{
    auto host = test::startHost(test::hostOptions(str("selfsigned")));
    Person bob;
    bob.window->connectTo(bobJoining(host->port(), true));
    QTRY_VERIFY(bob.trustLineOf(str("host")).startsWith(str("pinned · ")));

    QVERIFY(markVerified(bob, str("host")));
    QTRY_VERIFY2(bob.trustLineOf(str("host")).startsWith(str("verified by you · ")),
        qPrintable(bob.trustLineOf(str("host"))));
    QVERIFY2(bob.window->statusIndicator()->summary().endsWith(str(" · verified by you")),
        qPrintable(bob.window->statusIndicator()->summary()));
    const auto remembered = bob.knownPeers().find(str("127.0.0.1:%1").arg(host->port()));
    QVERIFY(remembered);
    QVERIFY(remembered->isVerified());
    QCOMPARE(remembered->sha256, test::sha256Of(str("selfsigned.pem")));
}

void TestVerifyDialog::joinerKnowsTheVerifiedHostNextTime()
{
    auto host = test::startHost(test::hostOptions(str("selfsigned")));
    Person bob;
    bob.window->connectTo(bobJoining(host->port(), true));
    QTRY_COMPARE(bob.session().phase(), ChatSession::Phase::Active);
    QVERIFY(markVerified(bob, str("host")));
    QTRY_VERIFY(bob.session().isVerified(str("host")));
    bob.window->closeTab(bob.tab());
    QTRY_VERIFY(!bob.tab());

    bob.window->connectTo(bobJoining(host->port(), false)); // no pin: the known peer is enough
    QTRY_VERIFY2(bob.trustLineOf(str("host")).startsWith(str("verified by you · ")),
        qPrintable(bob.trustLineOf(str("host"))));
}

void TestVerifyDialog::copyInviteLinkNamesTheHostsCertificate()
{
    QTemporaryDir dir;
    MainWindow window { AppPaths(dir.path()) };
    auto tab = window.host(test::hostOptions(QStringLiteral("selfsigned")));
    QVERIFY(tab);
    QAction* copy = window.findChild<QAction*>(QStringLiteral("actionCopyInviteLink"));
    QVERIFY(copy);
    QTRY_VERIFY(copy->isEnabled());
    copy->trigger();
    const auto link = InviteLink::parse(QApplication::clipboard()->text());
    QVERIFY2(link, qPrintable(QApplication::clipboard()->text()));
    QCOMPARE(link->host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(link->port(), static_cast<const HostedSession&>(tab.value()->session()).host().port());
    QCOMPARE(link->certificateSha256(), test::sha256Of(QStringLiteral("selfsigned.pem")));
    QCOMPARE(link->nickname(), QStringLiteral("host"));
}

void TestVerifyDialog::inviteLinkAddressForAHostOnAllAddresses_data()
{
    QTest::addColumn<QHostAddress>("bound");
    QTest::addColumn<QList<QHostAddress>>("candidates");
    QTest::addColumn<QHostAddress>("chosen");
    const QHostAddress lan(QStringLiteral("192.168.1.20"));
    const QHostAddress v6(QStringLiteral("2001:db8::20"));
    const QHostAddress linkLocal(QStringLiteral("fe80::1"));
    const QHostAddress loopback(QHostAddress::LocalHost);
    QTest::newRow("a specific address is kept") << loopback << QList { lan } << loopback;
    QTest::newRow("LAN IPv4 before IPv6")
        << QHostAddress(QHostAddress::Any) << QList { loopback, linkLocal, v6, lan } << lan;
    QTest::newRow("global IPv6 without IPv4")
        << QHostAddress(QHostAddress::Any) << QList { loopback, linkLocal, v6 } << v6;
    QTest::newRow("only loopback") << QHostAddress(QHostAddress::Any) << QList { loopback, linkLocal }
                                   << loopback;
    QTest::newRow("IPv4-only host never names IPv6")
        << QHostAddress(QHostAddress::AnyIPv4) << QList { v6 } << loopback;
}

void TestVerifyDialog::inviteLinkAddressForAHostOnAllAddresses()
{
    QFETCH(QHostAddress, bound);
    QFETCH(QList<QHostAddress>, candidates);
    QFETCH(QHostAddress, chosen);
    QCOMPARE(InviteLinkMaker::chooseAddress(bound, candidates), chosen);
}

// Where the desktop puts icons on dialog buttons, Mark as Verified has one beside Close's.
void TestVerifyDialog::everyButtonHasAnIcon()
{
    const test::IconsOnDialogButtons icons;
    const VerifyDialog dialog(QStringLiteral("bob"), someNumber(), false);
    QCOMPARE(test::buttonsWithoutIcon(dialog), QStringList());
}

QTEST_MAIN(TestVerifyDialog)
#include "tst_verifydialog.moc"
