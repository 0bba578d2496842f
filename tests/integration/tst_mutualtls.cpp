// SPDX-License-Identifier: MIT
// A host that requires client certificates (mutual TLS), over real TLS on 127.0.0.1.
#include "sessionharness.h"
#include "testcerts.h"
#include "tls/certificatedetails.h"

#include <QSignalSpy>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

class TestMutualTls final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clientCertificateDecidesAdmission_data();
    void clientCertificateDecidesAdmission();
    void rosterCarriesEachParticipantsFingerprint();
};

void TestMutualTls::clientCertificateDecidesAdmission_data()
{
    QTest::addColumn<bool>("trustTestCa");
    QTest::addColumn<QString>("allowed"); // a certificate whose fingerprint is on the allow list
    QTest::addColumn<QString>("clientIdentity"); // empty: the client has no certificate
    QTest::addColumn<bool>("admitted");
    QTest::addColumn<QString>("logMentions");

    QTest::newRow("issued by the required CA") << true << ""
                                               << "client" << true << "";
    QTest::newRow("no certificate") << true << ""
                                    << "" << false << "";
    QTest::newRow("issued by another CA") << true << ""
                                          << "other-client" << false << "mallory";
    QTest::newRow("other CA but on the allow list") << true << "other-client.pem"
                                                    << "other-client" << true << "";
    QTest::newRow("allow list only, listed") << false << "selfsigned.pem"
                                             << "selfsigned" << true << "";
    QTest::newRow("allow list only, not listed") << false << "selfsigned.pem"
                                                 << "selfsigned2" << false << "SHA256:";
}

void TestMutualTls::clientCertificateDecidesAdmission()
{
    QFETCH(bool, trustTestCa);
    QFETCH(QString, allowed);
    QFETCH(QString, clientIdentity);
    QFETCH(bool, admitted);
    QFETCH(QString, logMentions);

    HostOptions options = hostOptions();
    options.requireClientCertificates = true;
    if (trustTestCa)
        options.clientCaCertificates = caCertificates();
    if (!allowed.isEmpty())
        options.allowedClientFingerprints << sha256Of(allowed);
    auto host = startHost(options);
    QSignalSpy hostJoins(host.get(), &ChatHost::participantJoined);
    QSignalSpy rejected(host.get(), &ChatHost::peerRejected);

    ClientOptions clientSide = clientOptions(*host, QStringLiteral("alice"));
    if (!clientIdentity.isEmpty())
        clientSide.identity = identity(clientIdentity);
    ChatClient client(clientSide);
    QSignalSpy joined(&client, &ChatClient::joined);
    QSignalSpy disconnected(&client, &ChatClient::disconnected);
    client.connectToHost();

    if (admitted) {
        QVERIFY(joined.wait());
        QTRY_COMPARE(hostJoins.size(), 1);
        const auto participant = hostJoins.at(0).at(0).value<Participant>();
        QVERIFY(participant.verified);
        QCOMPARE(participant.fingerprint,
            CertificateDetails::formatFingerprint(sha256Of(clientIdentity + QStringLiteral(".pem"))));
        return;
    }
    QVERIFY(disconnected.wait());
    QVERIFY(joined.isEmpty());
    const auto reason = disconnected.at(0).at(0).value<Disconnect>();
    QVERIFY2(!reason.isClean(), qPrintable(reason.message));
    QTRY_COMPARE(rejected.size(), 1);
    const QString logLine = rejected.at(0).at(1).toString();
    QVERIFY2(logLine.contains(logMentions), qPrintable(logLine));
    QCOMPARE(hostJoins.size(), 0);
}

void TestMutualTls::rosterCarriesEachParticipantsFingerprint()
{
    HostOptions options = hostOptions();
    options.requireClientCertificates = true;
    options.clientCaCertificates = caCertificates();
    auto host = startHost(options);
    ClientOptions clientSide = clientOptions(*host, QStringLiteral("alice"));
    clientSide.identity = identity(QStringLiteral("client"));
    ChatClient client(clientSide);
    QSignalSpy roster(&client, &ChatClient::rosterChanged);
    client.connectToHost();
    QVERIFY(roster.wait());
    const QList<Participant> everyone = client.participants();
    QCOMPARE(everyone.size(), 2);
    QCOMPARE(everyone.at(0).fingerprint, host->fingerprint());
    QCOMPARE(everyone.at(1).nick, QStringLiteral("alice"));
    QCOMPARE(everyone.at(1).fingerprint,
        CertificateDetails::formatFingerprint(sha256Of(QStringLiteral("client.pem"))));
    QVERIFY(everyone.at(1).verified);
}

QTEST_GUILESS_MAIN(TestMutualTls)
#include "tst_mutualtls.moc"
