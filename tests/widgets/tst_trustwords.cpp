// SPDX-License-Identifier: MIT
// The trust words in the participant list and the status bar, on each side of a real session
// over loopback: how the person trusted the host they joined, what the host checked about the
// others, and nothing but a fingerprint for the person's own row.
#include "guestclient.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "participantmodel.h"
#include "person.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "statusindicator.h"
#include "trust/knownclients.h"
#include "trustpromptdialog.h"

#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

namespace {

// How the joining person comes to trust the host: by the test CA, by a pin, or by a button of
// the trust prompt (the host then shows the self-signed certificate).
struct HostCase {
    QString hostIdentity;
    bool withCa = false;
    bool withPin = false;
    QString button;
};

ClientOptions bobOptions(const ChatHost& host, const HostCase& how)
{
    ClientOptions options;
    options.host = str("localhost");
    options.port = host.port();
    options.nick = str("bob");
    options.identity = test::identity(str("client"));
    if (how.withCa)
        options.caCertificates = test::caCertificates();
    if (how.withPin)
        options.pin = test::sha256Of(how.hostIdentity + str(".pem"));
    return options;
}

// Bob joins the host in his window as `how` says; false if he did not get in.
bool join(Person& bob, const ChatHost& host, const HostCase& how)
{
    bob.window->connectTo(bobOptions(host, how));
    if (!how.button.isEmpty()) {
        if (!QTest::qWaitFor([&bob] { return bob.visible<TrustPromptDialog>() != nullptr; }))
            return false;
        QTest::mouseClick(
            bob.visible<TrustPromptDialog>()->findChild<QPushButton*>(how.button), Qt::LeftButton);
    }
    return QTest::qWaitFor([&bob] { return bob.tab()->session().phase() == ChatSession::Phase::Active; });
}

// Host options on loopback with the test CA's host certificate; the test CA also checks client
// certificates if withClientCa.
HostOptions hostOptions(bool withClientCa)
{
    HostOptions options = test::hostOptions();
    if (withClientCa) { // the host checks client certificates only when it requires them
        options.requireClientCertificates = true;
        options.clientCaCertificates = test::caCertificates();
    }
    return options;
}

// verdict: Admit (always admitted) or Verified (and the safety number compared).
void rememberAsKnown(
    const QString& knownClientsFile, const QString& identityName, KnownClient::Verdict verdict)
{
    KnownClients known(knownClientsFile);
    if (!known.remember({ test::sha256Of(identityName + str(".pem")), verdict, str("carol") }))
        qFatal("cannot remember a known client");
}

// Alice hosts (with the client CA or not, carol's certificate remembered with a verdict or not) and carol
// joins with `carolIdentity`: carol's client once alice lists her, or null.
std::unique_ptr<ChatClient> carolJoinsAlice(
    Person& alice, bool withClientCa, std::optional<KnownClient::Verdict> known, const QString& carolIdentity)
{
    if (known)
        rememberAsKnown(AppPaths(alice.home.path()).knownClientsFile(), carolIdentity, *known);
    const auto hosting = alice.window->host(hostOptions(withClientCa));
    if (!hosting)
        qFatal("alice cannot host: %s", qPrintable(hosting.error()));
    auto carol = test::guest(
        static_cast<const HostedSession&>(alice.tab()->session()).host().port(), str("carol"), carolIdentity);
    if (!QTest::qWaitFor([&alice] { return !alice.trustLineOf(str("carol")).isEmpty(); }))
        return nullptr;
    return carol;
}

} // namespace

Q_DECLARE_METATYPE(HostCase)
Q_DECLARE_METATYPE(std::optional<KnownClient::Verdict>)

class TestTrustWords final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostRowSaysHowYouTrustedIt_data();
    void hostRowSaysHowYouTrustedIt();
    void statusBarSaysHowYouTrustedTheHost_data();
    void statusBarSaysHowYouTrustedTheHost();
    void rememberedHostReadsTheSameNextTime();
    void ownRowShowsOnlyYourFingerprint();
    void othersShowTheHostsCheck_data();
    void othersShowTheHostsCheck();
    void hostSeesItsOwnCheck_data();
    void hostSeesItsOwnCheck();
    void hostStatusBarWarnsOnlyAboutTheUnchecked_data();
    void hostStatusBarWarnsOnlyAboutTheUnchecked();

private:
    static void addHostCases();
    static void addParticipantCases(bool joinerView);
};

void TestTrustWords::addHostCases()
{
    QTest::addColumn<HostCase>("how");
    QTest::addColumn<QString>("expected");
    QTest::newRow("CA") << HostCase { str("host"), true, false, {} } << str("verified by CA");
    QTest::newRow("pin") << HostCase { str("selfsigned"), false, true, {} } << str("pinned");
    QTest::newRow("trusted once") << HostCase { str("selfsigned"), false, false, str("trustOnceButton") }
                                  << str("trusted by you, this time only");
    QTest::newRow("trusted always") << HostCase { str("selfsigned"), false, false, str("alwaysTrustButton") }
                                    << str("trusted by you, remembered");
}

void TestTrustWords::hostRowSaysHowYouTrustedIt_data()
{
    addHostCases();
}

void TestTrustWords::hostRowSaysHowYouTrustedIt()
{
    QFETCH(HostCase, how);
    QFETCH(QString, expected);
    auto host = test::startHost(test::hostOptions(how.hostIdentity));
    Person bob;
    QVERIFY(join(bob, *host, how));
    QTRY_VERIFY(!bob.trustLineOf(str("host")).isEmpty());
    QCOMPARE(bob.trustLineOf(str("host")).section(str(" · "), 0, 0), expected);
    QVERIFY(!bob.tab()->participants().index(0).data().toString().contains(str("not verified")));
}

void TestTrustWords::statusBarSaysHowYouTrustedTheHost_data()
{
    addHostCases();
}

void TestTrustWords::statusBarSaysHowYouTrustedTheHost()
{
    QFETCH(HostCase, how);
    QFETCH(QString, expected);
    auto host = test::startHost(test::hostOptions(how.hostIdentity));
    Person bob;
    QVERIFY(join(bob, *host, how));
    const StatusIndicator* status = bob.window->statusIndicator();
    QVERIFY2(status->summary().endsWith(str(" · ") + expected), qPrintable(status->summary()));
    QCOMPARE(status->security(), ChatSession::Security::Verified); // green: the person trusts it
}

void TestTrustWords::rememberedHostReadsTheSameNextTime()
{
    auto host = test::startHost(test::hostOptions(str("selfsigned")));
    Person bob;
    QVERIFY(join(bob, *host, { str("selfsigned"), false, false, str("alwaysTrustButton") }));
    bob.window->closeTab(bob.tab());
    QTRY_VERIFY(!bob.tab());
    QVERIFY(join(bob, *host, { str("selfsigned"), false, false, {} }));
    QTRY_VERIFY(bob.trustLineOf(str("host")).startsWith(str("trusted by you, remembered · ")));
}

void TestTrustWords::ownRowShowsOnlyYourFingerprint()
{
    auto host = test::startHost();
    Person bob;
    QVERIFY(join(bob, *host, { str("host"), true, false, {} }));
    QTRY_VERIFY(!bob.trustLineOf(str("bob")).isEmpty());
    const QByteArray shortFingerprint = test::identity(str("client"))
                                            .chain()
                                            .first()
                                            .digest(QCryptographicHash::Sha256)
                                            .toHex(':')
                                            .toUpper()
                                            .left(11);
    QCOMPARE(bob.trustLineOf(str("bob")),
        str("your certificate · %1…").arg(QString::fromLatin1(shortFingerprint)));
}

void TestTrustWords::addParticipantCases(bool joinerView)
{
    QTest::addColumn<bool>("withClientCa");
    QTest::addColumn<std::optional<KnownClient::Verdict>>("known");
    QTest::addColumn<QString>("carolIdentity");
    QTest::addColumn<QString>("expected");
    const QString admitted = joinerView ? str("admitted by the host; ") : QString();
    const std::optional<KnownClient::Verdict> unknown;
    QTest::newRow("checked by a CA") << true << unknown << str("client")
                                     << admitted + str("certificate checked by a CA");
    QTest::newRow("known") << false << std::optional(KnownClient::Verdict::Admit) << str("other-client")
                           << admitted + (joinerView ? str("known to the host") : str("known to you"));
    QTest::newRow("verified") << false << std::optional(KnownClient::Verdict::Verified) << str("other-client")
                              << admitted
            + (joinerView ? str("verified by the host") : str("verified by you"));
    QTest::newRow("not checked") << false << unknown << str("other-client") << admitted + str("not checked");
    QTest::newRow("no certificate") << false << unknown << QString() << admitted + str("no certificate");
}

void TestTrustWords::othersShowTheHostsCheck_data()
{
    addParticipantCases(true);
}

void TestTrustWords::othersShowTheHostsCheck()
{
    QFETCH(bool, withClientCa);
    QFETCH(std::optional<KnownClient::Verdict>, known);
    QFETCH(QString, carolIdentity);
    QFETCH(QString, expected);
    QTemporaryDir hostHome;
    HostOptions options = hostOptions(withClientCa);
    options.knownClientsFile = hostHome.filePath(str("known_clients"));
    if (known)
        rememberAsKnown(options.knownClientsFile, carolIdentity, *known);
    auto host = test::startHost(std::move(options));
    Person bob;
    QVERIFY(join(bob, *host, { str("host"), true, false, {} }));
    const auto carol = test::guest(host->port(), str("carol"), carolIdentity);
    QTRY_VERIFY(!bob.trustLineOf(str("carol")).isEmpty());
    QCOMPARE(bob.trustLineOf(str("carol")).section(str(" · "), 0, 0), expected);
}

void TestTrustWords::hostSeesItsOwnCheck_data()
{
    addParticipantCases(false);
}

void TestTrustWords::hostSeesItsOwnCheck()
{
    QFETCH(bool, withClientCa);
    QFETCH(std::optional<KnownClient::Verdict>, known);
    QFETCH(QString, carolIdentity);
    QFETCH(QString, expected);
    Person alice;
    const auto carol = carolJoinsAlice(alice, withClientCa, known, carolIdentity);
    QVERIFY(carol);
    QCOMPARE(alice.trustLineOf(str("carol")).section(str(" · "), 0, 0), expected);
    QVERIFY(alice.trustLineOf(str("host")).startsWith(str("your certificate · ")));
}

void TestTrustWords::hostStatusBarWarnsOnlyAboutTheUnchecked_data()
{
    addParticipantCases(false);
}

void TestTrustWords::hostStatusBarWarnsOnlyAboutTheUnchecked()
{
    QFETCH(bool, withClientCa);
    QFETCH(std::optional<KnownClient::Verdict>, known);
    QFETCH(QString, carolIdentity);
    QFETCH(QString, expected);
    Person alice;
    const auto carol = carolJoinsAlice(alice, withClientCa, known, carolIdentity);
    QVERIFY(carol);
    const bool checked = withClientCa || known;
    QTRY_COMPARE(alice.window->statusIndicator()->security(),
        checked ? ChatSession::Security::Verified : ChatSession::Security::Unverified);
    QString people = checked ? str("1 peer, 1 checked") : str("1 peer, 0 checked");
    if (known == KnownClient::Verdict::Verified)
        people += str(", 1 verified by you");
    QVERIFY2(alice.window->statusIndicator()->summary().endsWith(people),
        qPrintable(alice.window->statusIndicator()->summary()));
}

QTEST_MAIN(TestTrustWords)
#include "tst_trustwords.moc"
