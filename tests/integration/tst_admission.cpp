// SPDX-License-Identifier: MIT
// Who may join a hosted session, over real TLS on 127.0.0.1: the admission modes (open, known,
// ask), the lobby of those waiting for the host's answer and its bounds, and removing and
// blocking participants.
#include "hardeningfixtures.h"
#include "rawpeer.h"
#include "sessionharness.h"
#include "testcerts.h"
#include "tls/certificatedetails.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace securechat;
using namespace securechat::test;
using namespace std::chrono_literals;

class TestAdmission final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void newcomerWaitsForTheHostsAnswer_data();
    void newcomerWaitsForTheHostsAnswer();
    void knownClientJoinsWithoutAQuestion();
    void verifiedParticipantIsMarkedAtOnceAndJoinsWithoutAQuestionNextTime();
    void participantWithoutACertificateCannotBeVerified();
    void textPeerIsToldWhomTheHostVerified();
    void textPeerJoiningLaterSeesWhoIsVerified();
    void knownModeRefusesStrangers_data();
    void knownModeRefusesStrangers();
    void textPeerWaitsAsAPeerWithoutACertificate();
    void floodFromOneAddressLeavesRoomForOthers();
    void lobbyIsBoundedInAll();
    void unansweredRequestIsRefusedAtTheTimeout();
    void removedParticipantIsToldWhyAndTheOthersSeeIt();
    void blockedCertificateIsRefusedOnItsReturn();
    void peerWithoutACertificateIsRemovedButCannotBeBlocked();

private:
    std::unique_ptr<ChatHost> startHostAdmitting(
        Admission admission, const SessionLimits& limits = fastLimits());
    std::unique_ptr<ChatClient> connectClient(
        const ChatHost& host, const QString& nick, const QString& identityName);

    std::unique_ptr<QTemporaryDir> m_configDir;
};

// The host's answer to a request.
enum class Answer { AdmitOnce, AlwaysAdmit, Refuse };
Q_DECLARE_METATYPE(Answer)

namespace {

QString fingerprintOf(const QString& name)
{
    return CertificateDetails::formatFingerprint(sha256Of(name + QStringLiteral(".pem")));
}

// The request the host was asked, waiting up to 5 s.
std::optional<JoinRequest> nextRequest(QSignalSpy& requests)
{
    if (requests.isEmpty() && !requests.wait(5'000))
        return std::nullopt;
    return requests.takeFirst().at(0).value<JoinRequest>();
}

// `count` text-mode peers connecting at once, peer i from the address `source(i)`.
std::vector<std::unique_ptr<RawPeer>> connectTextPeers(
    quint16 port, int count, const std::function<QHostAddress(int)>& source)
{
    std::vector<std::unique_ptr<RawPeer>> peers;
    for (int i = 0; i < count; ++i) {
        peers.push_back(std::make_unique<RawPeer>(RawPeer::Mode::Text));
        peers.back()->connectTo(port, source(i));
    }
    return peers;
}

QString lastRejection(const QSignalSpy& rejected)
{
    return rejected.isEmpty() ? QString() : rejected.constLast().at(1).toString();
}

} // namespace

void TestAdmission::init()
{
    qRegisterMetaType<JoinRequest>();
    m_configDir = std::make_unique<QTemporaryDir>();
}

std::unique_ptr<ChatHost> TestAdmission::startHostAdmitting(Admission admission, const SessionLimits& limits)
{
    HostOptions options = hostOptions();
    options.admission = admission;
    options.knownClientsFile = m_configDir->filePath(QStringLiteral("known_clients"));
    options.limits = limits;
    return startHost(std::move(options));
}

std::unique_ptr<ChatClient> TestAdmission::connectClient(
    const ChatHost& host, const QString& nick, const QString& identityName)
{
    ClientOptions options = clientOptions(host, nick);
    options.identity = identity(identityName);
    auto client = std::make_unique<ChatClient>(options);
    client->connectToHost();
    return client;
}

void TestAdmission::newcomerWaitsForTheHostsAnswer_data()
{
    QTest::addColumn<Answer>("answer");
    QTest::newRow("admit once") << Answer::AdmitOnce;
    QTest::newRow("always admit") << Answer::AlwaysAdmit;
    QTest::newRow("refuse") << Answer::Refuse;
}

void TestAdmission::newcomerWaitsForTheHostsAnswer()
{
    QFETCH(Answer, answer);
    auto host = startHostAdmitting(Admission::Ask);
    QSignalSpy requests(host.get(), &ChatHost::joinRequested);
    QSignalSpy rejected(host.get(), &ChatHost::peerRejected);
    auto alice = connectClient(*host, QStringLiteral("alice"), QStringLiteral("client"));
    Inbox aliceInbox(*alice);
    QSignalSpy aliceRoster(alice.get(), &ChatClient::rosterChanged);
    QSignalSpy aliceWaits(alice.get(), &ChatClient::waitingForHost);
    QSignalSpy aliceGone(alice.get(), &ChatClient::disconnected);

    const std::optional<JoinRequest> request = nextRequest(requests);
    QVERIFY(request);
    QCOMPARE(request->nick, QStringLiteral("alice"));
    QCOMPARE(request->fingerprint, fingerprintOf(QStringLiteral("client")));
    QVERIFY2(!request->check.isEmpty(), "how the certificate was checked");
    QCOMPARE(host->joinRequests().size(), 1);

    // Nothing of the session reaches a newcomer before the host's answer.
    host->sendMessage(QStringLiteral("said while alice waits"));
    QTest::qWait(200);
    QCOMPARE(alice->state(), ChatClient::State::Joining);
    QCOMPARE(aliceWaits.size(), 1); // told why nothing happens yet
    QVERIFY(aliceInbox.messages.isEmpty());
    QVERIFY(aliceRoster.isEmpty());
    QCOMPARE(rosterOf(*host), QStringList { QStringLiteral("host") });

    if (answer == Answer::Refuse) {
        QVERIFY(host->refuse(request->id, QStringLiteral("not today")));
        QTRY_COMPARE(aliceGone.size(), 1);
        const QString reason = aliceGone.at(0).at(0).value<Disconnect>().message;
        QVERIFY2(reason.contains(QStringLiteral("not today")), qPrintable(reason));
        QCOMPARE(rosterOf(*host), QStringList { QStringLiteral("host") });
        QVERIFY(rejected.isEmpty()); // the host's own answer is not reported back to it as a drop
        return;
    }
    QVERIFY(host->admit(request->id, answer == Answer::AlwaysAdmit));
    QTRY_COMPARE(alice->state(), ChatClient::State::Joined);
    host->sendMessage(QStringLiteral("welcome"));
    QTRY_COMPARE(aliceInbox.texts(), QStringList { QStringLiteral("welcome") });
    QVERIFY(host->joinRequests().isEmpty());
    const bool remembered = host->knownClients().find(sha256Of(QStringLiteral("client.pem"))).has_value();
    QCOMPARE(remembered, answer == Answer::AlwaysAdmit);
    QCOMPARE(host->participants().at(1).knownToHost, answer == Answer::AlwaysAdmit);
}

void TestAdmission::knownClientJoinsWithoutAQuestion()
{
    {
        KnownClients known(m_configDir->filePath(QStringLiteral("known_clients")));
        QVERIFY(known.remember({ sha256Of(QStringLiteral("client.pem")), KnownClient::Verdict::Admit,
            QStringLiteral("alice") }));
    }
    auto host = startHostAdmitting(Admission::Ask);
    QSignalSpy requests(host.get(), &ChatHost::joinRequested);
    auto alice = connectClient(*host, QStringLiteral("alice"), QStringLiteral("client"));
    QTRY_COMPARE(alice->state(), ChatClient::State::Joined);
    QVERIFY(requests.isEmpty());
    // The roster tells everyone how the host checked her: as someone it knows.
    QVERIFY(alice->participants().at(1).knownToHost);
    QVERIFY(alice->participants().at(1).verified);
}

void TestAdmission::verifiedParticipantIsMarkedAtOnceAndJoinsWithoutAQuestionNextTime()
{
    auto host = startHostAdmitting(Admission::Ask);
    QSignalSpy requests(host.get(), &ChatHost::joinRequested);
    const auto admitNext = [&] {
        const std::optional<JoinRequest> request = nextRequest(requests);
        return request && host->admit(request->id);
    };
    auto alice = connectClient(*host, QStringLiteral("alice"), QStringLiteral("client"));
    QVERIFY(admitNext());
    QTRY_COMPARE(alice->state(), ChatClient::State::Joined);
    auto bob = connectClient(*host, QStringLiteral("bob"), QStringLiteral("other-client"));
    QVERIFY(admitNext());
    QTRY_COMPARE(bob->participants().size(), 3);
    const auto compared = [](const QList<Participant>& roster, const QString& nick) {
        const auto found = std::find_if(roster.cbegin(), roster.cend(),
            [&nick](const Participant& participant) { return participant.nick == nick; });
        return found != roster.cend() && found->comparedByHost && found->knownToHost;
    };
    QVERIFY(!compared(bob->participants(), QStringLiteral("alice")));

    // The host's person compared the safety number with alice's: every roster says so at once.
    QVERIFY(host->markVerified(QStringLiteral("alice")));
    QVERIFY(compared(host->participants(), QStringLiteral("alice")));
    QTRY_VERIFY(compared(bob->participants(), QStringLiteral("alice")));
    QVERIFY(!compared(bob->participants(), QStringLiteral("bob")));

    // Back later, she is let in without a question and is still marked.
    alice->disconnectFromHost();
    QTRY_COMPARE(host->participants().size(), 2);
    alice = connectClient(*host, QStringLiteral("alice"), QStringLiteral("client"));
    QTRY_COMPARE(alice->state(), ChatClient::State::Joined);
    QVERIFY(requests.isEmpty()); // no question this time
    QVERIFY(compared(alice->participants(), QStringLiteral("alice")));
}

void TestAdmission::participantWithoutACertificateCannotBeVerified()
{
    auto host = startHostAdmitting(Admission::Open);
    RawPeer textPeer(RawPeer::Mode::Text);
    textPeer.connectTo(host->port());
    QTRY_COMPARE(host->participants().size(), 2);
    const Status marked = host->markVerified(host->participants().at(1).nick);
    QVERIFY(!marked);
    QVERIFY2(marked.error().contains(QStringLiteral("no certificate")), qPrintable(marked.error()));
    const Status nobody = host->markVerified(QStringLiteral("nobody"));
    QVERIFY2(nobody.error().contains(QStringLiteral("nobody called nobody")), qPrintable(nobody.error()));
}

void TestAdmission::textPeerIsToldWhomTheHostVerified()
{
    auto host = startHostAdmitting(Admission::Open);
    auto alice = connectClient(*host, QStringLiteral("alice"), QStringLiteral("client"));
    QTRY_COMPARE(alice->state(), ChatClient::State::Joined);
    RawPeer textPeer(RawPeer::Mode::Text); // as openssl s_client
    textPeer.connectTo(host->port());
    QTRY_COMPARE(host->participants().size(), 3);
    QTRY_VERIFY(!textPeer.lines().isEmpty()); // its roster line
    const qsizetype before = textPeer.lines().size();

    QVERIFY(host->markVerified(QStringLiteral("alice")));

    QTRY_COMPARE(textPeer.lines().size(), before + 1);
    QCOMPARE(
        textPeer.lines().constLast(), QByteArray("* alice is verified by the host (safety number compared)"));
}

void TestAdmission::textPeerJoiningLaterSeesWhoIsVerified()
{
    auto host = startHostAdmitting(Admission::Open);
    auto alice = connectClient(*host, QStringLiteral("alice"), QStringLiteral("client"));
    QTRY_COMPARE(alice->state(), ChatClient::State::Joined);
    QVERIFY(host->markVerified(QStringLiteral("alice")));

    RawPeer textPeer(RawPeer::Mode::Text);
    textPeer.connectTo(host->port());

    QTRY_VERIFY(!textPeer.lines().isEmpty());
    const QStringList nicks = rosterOf(*host); // the host, alice, the text peer
    QCOMPARE(textPeer.lines().constFirst(),
        QStringLiteral("* in this session: %1, alice (verified by the host), %2")
            .arg(nicks.at(0), nicks.at(2))
            .toUtf8());
}

void TestAdmission::knownModeRefusesStrangers_data()
{
    QTest::addColumn<RawPeer::Mode>("mode");
    QTest::newRow("SecureChat client with a certificate") << RawPeer::Mode::Structured;
    QTest::newRow("text-mode peer without one") << RawPeer::Mode::Text;
}

void TestAdmission::knownModeRefusesStrangers()
{
    QFETCH(RawPeer::Mode, mode);
    auto host = startHostAdmitting(Admission::Known);
    QSignalSpy rejected(host.get(), &ChatHost::peerRejected);
    QSignalSpy requests(host.get(), &ChatHost::joinRequested);
    if (mode == RawPeer::Mode::Structured) {
        auto stranger = connectClient(*host, QStringLiteral("mallory"), QStringLiteral("selfsigned"));
        QSignalSpy gone(stranger.get(), &ChatClient::disconnected);
        QTRY_COMPARE(gone.size(), 1);
        const QString reason = gone.at(0).at(0).value<Disconnect>().message;
        QVERIFY2(reason.contains(QStringLiteral("only participants the host knows")), qPrintable(reason));
    } else {
        RawPeer stranger(mode);
        stranger.connectTo(host->port());
        QTRY_VERIFY(stranger.isDisconnected());
        QVERIFY2(stranger.lines().join('\n').contains("only participants the host knows"),
            stranger.lines().join('\n').constData());
    }
    QTRY_COMPARE(rejected.size(), 1);
    QVERIFY2(
        lastRejection(rejected).contains(QStringLiteral("refused")), qPrintable(lastRejection(rejected)));
    QVERIFY(requests.isEmpty());
    QCOMPARE(rosterOf(*host), QStringList { QStringLiteral("host") });
}

void TestAdmission::textPeerWaitsAsAPeerWithoutACertificate()
{
    auto host = startHostAdmitting(Admission::Ask);
    QSignalSpy requests(host.get(), &ChatHost::joinRequested);
    RawPeer peer(RawPeer::Mode::Text);
    peer.connectTo(host->port());
    const std::optional<JoinRequest> request = nextRequest(requests);
    QVERIFY(request);
    QVERIFY(request->fingerprint.isEmpty());
    QVERIFY2(request->check.contains(QStringLiteral("no certificate")), qPrintable(request->check));

    host->sendMessage(QStringLiteral("said while the peer waits"));
    peer.sendLine("typed while waiting");
    QTest::qWait(200);
    QCOMPARE(peer.lines(), QList<QByteArray> { "! waiting for the host to let you in" });

    QSignalSpy hostInbox(host.get(), &ChatHost::messageReceived);
    QVERIFY(host->admit(request->id));
    QTRY_COMPARE(rosterOf(*host).size(), 2);
    peer.sendLine("typed once in");
    QTRY_COMPARE(hostInbox.size(), 1);
    QCOMPARE(hostInbox.at(0).at(0).value<ChatMessage>().text, QStringLiteral("typed once in"));
}

// Each address may keep only a few people waiting: a flood from one cannot hide another's request.
void TestAdmission::floodFromOneAddressLeavesRoomForOthers()
{
    SessionLimits limits = fastLimits();
    limits.maxWaitingPerAddress = 2;
    auto host = startHostAdmitting(Admission::Ask, limits);
    QSignalSpy requests(host.get(), &ChatHost::joinRequested);
    QSignalSpy rejected(host.get(), &ChatHost::peerRejected);

    const auto flood
        = connectTextPeers(host->port(), 5, [](int) { return QHostAddress(QHostAddress::LocalHost); });
    QTRY_COMPARE(requests.size() + rejected.size(), 5);
    QCOMPARE(requests.size(), 2);
    QVERIFY2(lastRejection(rejected).contains(QStringLiteral("too many people are waiting")),
        qPrintable(lastRejection(rejected)));

    RawPeer realPerson(RawPeer::Mode::Text);
    realPerson.connectTo(host->port(), QHostAddress(QStringLiteral("127.0.0.2")));
    QTRY_COMPARE(requests.size(), 3);
    QVERIFY(
        requests.constLast().at(0).value<JoinRequest>().endpoint.startsWith(QStringLiteral("127.0.0.2:")));
}

void TestAdmission::lobbyIsBoundedInAll()
{
    SessionLimits limits = fastLimits();
    limits.maxWaiting = 3;
    auto host = startHostAdmitting(Admission::Ask, limits);
    QSignalSpy requests(host.get(), &ChatHost::joinRequested);
    QSignalSpy rejected(host.get(), &ChatHost::peerRejected);

    const auto peers = connectTextPeers(
        host->port(), 5, [](int i) { return QHostAddress(QStringLiteral("127.0.0.%1").arg(10 + i)); });
    QTRY_COMPARE(requests.size() + rejected.size(), 5);
    QCOMPARE(requests.size(), 3);
    QCOMPARE(host->joinRequests().size(), 3);
}

void TestAdmission::unansweredRequestIsRefusedAtTheTimeout()
{
    SessionLimits limits = fastLimits();
    limits.waitTimeout = 300ms;
    auto host = startHostAdmitting(Admission::Ask, limits);
    QSignalSpy requests(host.get(), &ChatHost::joinRequested);
    QSignalSpy ended(host.get(), &ChatHost::joinRequestEnded);
    auto alice = connectClient(*host, QStringLiteral("alice"), QStringLiteral("client"));
    QSignalSpy gone(alice.get(), &ChatClient::disconnected);

    const std::optional<JoinRequest> request = nextRequest(requests);
    QVERIFY(request);
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(ended.at(0).at(0).toInt(), request->id);
    QTRY_COMPARE(gone.size(), 1);
    const QString reason = gone.at(0).at(0).value<Disconnect>().message;
    QVERIFY2(reason.contains(QStringLiteral("did not answer in time")), qPrintable(reason));
    QVERIFY(!host->admit(request->id)); // too late
}

void TestAdmission::removedParticipantIsToldWhyAndTheOthersSeeIt()
{
    auto host = startHostAdmitting(Admission::Open);
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    QSignalSpy bobTold(bob.get(), &ChatClient::hostError);
    QSignalSpy bobGone(bob.get(), &ChatClient::disconnected);
    QSignalSpy aliceSaw(alice.get(), &ChatClient::participantLeft);

    QVERIFY(host->remove(QStringLiteral("bob"), QStringLiteral("spamming")));
    QTRY_COMPARE(bobGone.size(), 1);
    QCOMPARE(bobTold.size(), 1);
    QCOMPARE(bobTold.at(0).at(1).toString(), QStringLiteral("removed by the host: spamming"));
    QTRY_COMPARE(aliceSaw.size(), 1);
    QCOMPARE(aliceSaw.at(0).at(0).toString(), QStringLiteral("bob"));
    QCOMPARE(aliceSaw.at(0).at(1).toString(), QStringLiteral("removed by the host: spamming"));
    QCOMPARE(rosterOf(*host), (QStringList { QStringLiteral("host"), QStringLiteral("alice") }));
    QVERIFY(!host->remove(QStringLiteral("nobody")));
}

void TestAdmission::blockedCertificateIsRefusedOnItsReturn()
{
    auto host = startHostAdmitting(Admission::Open);
    auto bob = connectClient(*host, QStringLiteral("bob"), QStringLiteral("client"));
    QTRY_COMPARE(bob->state(), ChatClient::State::Joined);
    QSignalSpy bobGone(bob.get(), &ChatClient::disconnected);
    QVERIFY(host->remove(QStringLiteral("bob"), {}, true));
    QTRY_COMPARE(bobGone.size(), 1);

    auto bobAgain = connectClient(*host, QStringLiteral("bob"), QStringLiteral("client"));
    QSignalSpy refused(bobAgain.get(), &ChatClient::disconnected);
    QTRY_COMPARE(refused.size(), 1);
    const QString reason = refused.at(0).at(0).value<Disconnect>().message;
    QVERIFY2(reason.contains(QStringLiteral("blocked")), qPrintable(reason));

    auto alice = connectClient(*host, QStringLiteral("alice"), QStringLiteral("other-client"));
    QTRY_COMPARE(alice->state(), ChatClient::State::Joined);

    // The block outlives the host: the next one reads it from the file.
    host.reset();
    auto nextHost = startHostAdmitting(Admission::Open);
    auto bobLater = connectClient(*nextHost, QStringLiteral("bob"), QStringLiteral("client"));
    QSignalSpy refusedLater(bobLater.get(), &ChatClient::disconnected);
    QTRY_COMPARE(refusedLater.size(), 1);
}

void TestAdmission::peerWithoutACertificateIsRemovedButCannotBeBlocked()
{
    auto host = startHostAdmitting(Admission::Open);
    RawPeer peer(RawPeer::Mode::Text);
    const QString nick = joinRawPeer(peer, *host, RawPeer::Mode::Text, {});
    QVERIFY(!nick.isEmpty());
    const Status blocked = host->remove(nick, {}, true);
    QVERIFY(!blocked);
    QVERIFY2(blocked.error().contains(QStringLiteral("no certificate")), qPrintable(blocked.error()));
    QTRY_VERIFY(peer.isDisconnected());
    QVERIFY(peer.lines().contains("! removed by the host"));
}

QTEST_GUILESS_MAIN(TestAdmission)
#include "tst_admission.moc"
