// SPDX-License-Identifier: MIT
// How a client decides to trust a host, over real TLS on 127.0.0.1 (docs/architecture.md "Trust verdicts").
#include "sessionharness.h"
#include "testcerts.h"
#include "tls/certificatedetails.h"
#include "trust/knownpeers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

class TestClientTrust final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void verdictDecidesWhetherTheClientJoins_data();
    void verdictDecidesWhetherTheClientJoins();
    void nothingIsSentBeforeTheTrustAnswer();
    void trustOnceJoinsWithoutRemembering();
    void cancelRefusesTheHost();
    void alwaysTrustRemembersTheHost();
    void changedCertificateIsRefusedAndShowsBothFingerprints();
};

namespace {

struct Outcome {
    bool joined = false;
    bool asked = false;
    Disconnect disconnect;
};

// Connects and reports what happened; an unknown certificate's question is answered with `answer`.
Outcome connectAndObserve(
    ClientOptions options, ChatClient::TrustAnswer answer = ChatClient::TrustAnswer::Cancel)
{
    ChatClient client(std::move(options));
    Outcome outcome;
    QObject::connect(&client, &ChatClient::trustRequired, &client, [&](const TrustAssessment&) {
        outcome.asked = true;
        client.answerTrust(answer);
    });
    QObject::connect(&client, &ChatClient::joined, &client, [&] {
        outcome.joined = true;
        client.disconnectFromHost();
    });
    QSignalSpy disconnected(&client, &ChatClient::disconnected);
    client.connectToHost();
    if (!disconnected.wait(15'000))
        qFatal("the client never finished");
    outcome.disconnect = disconnected.at(0).at(0).value<Disconnect>();
    return outcome;
}

} // namespace

void TestClientTrust::verdictDecidesWhetherTheClientJoins_data()
{
    QTest::addColumn<QString>("hostIdentity");
    QTest::addColumn<QString>("clientCa"); // empty: trust no CA at all
    QTest::addColumn<QString>("pinOf"); // empty: no --pin
    QTest::addColumn<bool>("joins");
    QTest::addColumn<int>("failureKind");
    QTest::addColumn<QString>("messageMentions");

    const int trust = static_cast<int>(Disconnect::Kind::Trust);
    const int clean = static_cast<int>(Disconnect::Kind::Clean);
    QTest::newRow("verified by CA") << "host"
                                    << "ca"
                                    << "" << true << clean << "";
    QTest::newRow("RSA host verified by CA") << "host-rsa"
                                             << "ca"
                                             << "" << true << clean << "";
    QTest::newRow("wrong host name refused") << "wronghost"
                                             << "ca"
                                             << "" << false << trust << "wrong.example";
    QTest::newRow("expired refused") << "expired"
                                     << "ca"
                                     << "" << false << trust << "expired";
    QTest::newRow("untrusted self-signed refused") << "selfsigned"
                                                   << ""
                                                   << "" << false << trust << "";
    QTest::newRow("other CA refused") << "host"
                                      << "other-ca"
                                      << "" << false << trust << "";
    QTest::newRow("pin matches") << "selfsigned"
                                 << ""
                                 << "selfsigned.pem" << true << clean << "";
    QTest::newRow("pin mismatch refused") << "selfsigned"
                                          << ""
                                          << "selfsigned2.pem" << false << trust << "fingerprint";
    QTest::newRow("pin mismatch refused despite CA") << "host"
                                                     << "ca"
                                                     << "selfsigned.pem" << false << trust << "fingerprint";
    QTest::newRow("expired refused despite pin") << "expired"
                                                 << ""
                                                 << "expired.pem" << false << trust << "expired";
}

void TestClientTrust::verdictDecidesWhetherTheClientJoins()
{
    QFETCH(QString, hostIdentity);
    QFETCH(QString, clientCa);
    QFETCH(QString, pinOf);
    QFETCH(bool, joins);
    QFETCH(int, failureKind);
    QFETCH(QString, messageMentions);

    auto host = startHost(hostOptions(hostIdentity));
    ClientOptions options = clientOptions(*host, QStringLiteral("alice"));
    // A CA nobody uses stands for "no CA vouches": an empty list would mean the system's CAs.
    options.caCertificates = caCertificates(clientCa.isEmpty() ? QStringLiteral("other-ca") : clientCa);
    if (!pinOf.isEmpty())
        options.pin = sha256Of(pinOf);

    const Outcome outcome = connectAndObserve(options);
    QCOMPARE(outcome.joined, joins);
    QCOMPARE(static_cast<int>(outcome.disconnect.kind), failureKind);
    QVERIFY2(outcome.disconnect.message.contains(messageMentions, Qt::CaseInsensitive),
        qPrintable(outcome.disconnect.message));
}

void TestClientTrust::nothingIsSentBeforeTheTrustAnswer()
{
    auto host = startHost(hostOptions(QStringLiteral("selfsigned")));
    Inbox hostInbox(*host);
    QSignalSpy hostJoins(host.get(), &ChatHost::participantJoined);
    ClientOptions options = clientOptions(*host, QStringLiteral("alice"));
    options.caCertificates = caCertificates(QStringLiteral("other-ca"));
    ChatClient client(options);
    QSignalSpy asked(&client, &ChatClient::trustRequired);
    QSignalSpy joined(&client, &ChatClient::joined);
    client.sendMessage(QStringLiteral("secret"));
    client.connectToHost();
    QVERIFY(asked.wait());
    QCOMPARE(client.state(), ChatClient::State::AwaitingTrust);
    // Well past a round trip: the host has heard nothing, not even the hello.
    QTest::qWait(300);
    QCOMPARE(hostJoins.size(), 0);
    QVERIFY(hostInbox.messages.isEmpty());
    const auto assessment = asked.at(0).at(0).value<TrustAssessment>();
    QCOMPARE(assessment.verdict, TrustVerdict::Unknown);
    QCOMPARE(assessment.presentedSha256, sha256Of(QStringLiteral("selfsigned.pem")));
    client.answerTrust(ChatClient::TrustAnswer::TrustOnce);
    QVERIFY(joined.wait());
    QTRY_COMPARE(hostInbox.texts(), QStringList { QStringLiteral("secret") });
}

void TestClientTrust::trustOnceJoinsWithoutRemembering()
{
    QTemporaryDir dir;
    KnownPeers known(dir.filePath(QStringLiteral("known_peers")));
    auto host = startHost(hostOptions(QStringLiteral("selfsigned")));
    ClientOptions options = clientOptions(*host, QStringLiteral("alice"));
    options.caCertificates = caCertificates(QStringLiteral("other-ca"));
    options.knownPeers = &known;
    const Outcome outcome = connectAndObserve(options, ChatClient::TrustAnswer::TrustOnce);
    QVERIFY(outcome.asked);
    QVERIFY(outcome.joined);
    QVERIFY(known.all().isEmpty());
}

void TestClientTrust::cancelRefusesTheHost()
{
    auto host = startHost(hostOptions(QStringLiteral("selfsigned")));
    QSignalSpy hostJoins(host.get(), &ChatHost::participantJoined);
    ClientOptions options = clientOptions(*host, QStringLiteral("alice"));
    options.caCertificates = caCertificates(QStringLiteral("other-ca"));
    const Outcome outcome = connectAndObserve(options, ChatClient::TrustAnswer::Cancel);
    QVERIFY(outcome.asked);
    QVERIFY(!outcome.joined);
    QCOMPARE(outcome.disconnect.kind, Disconnect::Kind::Trust);
    QCOMPARE(hostJoins.size(), 0);
}

void TestClientTrust::alwaysTrustRemembersTheHost()
{
    QTemporaryDir dir;
    KnownPeers known(dir.filePath(QStringLiteral("known_peers")));
    auto host = startHost(hostOptions(QStringLiteral("selfsigned")));
    ClientOptions options = clientOptions(*host, QStringLiteral("alice"));
    options.caCertificates = caCertificates(QStringLiteral("other-ca"));
    options.knownPeers = &known;

    const Outcome first = connectAndObserve(options, ChatClient::TrustAnswer::AlwaysTrust);
    QVERIFY(first.asked);
    QVERIFY(first.joined);
    const auto stored = known.find(QStringLiteral("localhost:%1").arg(host->port()));
    QVERIFY(stored.has_value());
    QCOMPARE(stored->sha256, sha256Of(QStringLiteral("selfsigned.pem")));

    // The file, read afresh, is what makes the second connection trusted without a question.
    KnownPeers reread(known.filePath());
    QVERIFY(reread.load().ok());
    options.knownPeers = &reread;
    const Outcome second = connectAndObserve(options, ChatClient::TrustAnswer::Cancel);
    QVERIFY(!second.asked);
    QVERIFY(second.joined);
}

void TestClientTrust::changedCertificateIsRefusedAndShowsBothFingerprints()
{
    QTemporaryDir dir;
    KnownPeers known(dir.filePath(QStringLiteral("known_peers")));
    auto host = startHost(hostOptions(QStringLiteral("selfsigned2")));
    const QString hostPort = QStringLiteral("localhost:%1").arg(host->port());
    QVERIFY(known
                .remember({ hostPort, sha256Of(QStringLiteral("selfsigned.pem")),
                    QDateTime::currentDateTimeUtc(), {} })
                .ok());
    ClientOptions options = clientOptions(*host, QStringLiteral("alice"));
    options.caCertificates = caCertificates(QStringLiteral("other-ca"));
    options.knownPeers = &known;

    const Outcome outcome = connectAndObserve(options, ChatClient::TrustAnswer::AlwaysTrust);
    QVERIFY(!outcome.asked);
    QVERIFY(!outcome.joined);
    QCOMPARE(outcome.disconnect.kind, Disconnect::Kind::Trust);
    const QString message = outcome.disconnect.message;
    QVERIFY2(message.contains(QStringLiteral("attack"), Qt::CaseInsensitive), qPrintable(message));
    QVERIFY2(message.contains(CertificateDetails::groupedFingerprint(
                 CertificateDetails::formatFingerprint(sha256Of(QStringLiteral("selfsigned.pem"))))),
        qPrintable(message));
    QVERIFY2(message.contains(CertificateDetails::groupedFingerprint(
                 CertificateDetails::formatFingerprint(sha256Of(QStringLiteral("selfsigned2.pem"))))),
        qPrintable(message));
    // The pin stays: only removing it in settings lets the new certificate through.
    QCOMPARE(known.find(hostPort)->sha256, sha256Of(QStringLiteral("selfsigned.pem")));
}

QTEST_GUILESS_MAIN(TestClientTrust)
#include "tst_clienttrust.moc"
