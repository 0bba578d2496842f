// SPDX-License-Identifier: MIT
// The TLS policy, proved with real handshakes: our own self-check, and openssl s_client offering
// what the policy must refuse.
#include "session/tlsselfcheck.h"
#include "sessionharness.h"
#include "testcerts.h"
#include "tls/tlspolicy.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSslCipher>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

class TestTlsPolicy final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void selfCheckPassesWithEachKeyType_data();
    void selfCheckPassesWithEachKeyType();
    void onlyForwardSecretAeadSuitesAreOffered();
    void hostAnswersOpensslClient_data();
    void hostAnswersOpensslClient();
    void hostListensOnIpv6Loopback();
    void hostNeverResumesASession_data();
    void hostNeverResumesASession();
};

void TestTlsPolicy::selfCheckPassesWithEachKeyType_data()
{
    QTest::addColumn<QString>("identityName");
    QTest::newRow("EC P-256") << QStringLiteral("host");
    QTest::newRow("RSA 2048") << QStringLiteral("host-rsa");
}

void TestTlsPolicy::selfCheckPassesWithEachKeyType()
{
    QFETCH(QString, identityName);
    TlsSelfCheck check(identity(identityName));
    QSignalSpy finished(&check, &TlsSelfCheck::finished);
    check.start();
    QVERIFY(finished.wait());
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("TLSv1.3 TLS_AES_128_GCM_SHA256"));
}

void TestTlsPolicy::onlyForwardSecretAeadSuitesAreOffered()
{
    const QSslConfiguration configuration = TlsPolicy::clientConfiguration({});
    QCOMPARE(configuration.protocol(), QSsl::TlsV1_2OrLater);
    QVERIFY(!configuration.caCertificates().isEmpty() || QSslConfiguration::systemCaCertificates().isEmpty());
    QCOMPARE(configuration.ciphers().size(), 9);
    for (const QSslCipher& cipher : configuration.ciphers()) {
        const QString name = cipher.name();
        const bool aead = name.contains(QStringLiteral("GCM")) || name.contains(QStringLiteral("CHACHA20"));
        const bool forwardSecret
            = name.startsWith(QStringLiteral("TLS_")) || name.startsWith(QStringLiteral("ECDHE-"));
        QVERIFY2(aead && forwardSecret, qPrintable(name));
    }
    QCOMPARE(configuration.allowedNextProtocols(), QList<QByteArray> { QByteArrayLiteral("securechat/1") });
}

void TestTlsPolicy::hostAnswersOpensslClient_data()
{
    QTest::addColumn<QStringList>("offer");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("TLS 1.3") << QStringList { QStringLiteral("-tls1_3") } << true;
    QTest::newRow("TLS 1.2 ECDHE-ECDSA-AES128-GCM") << QStringList { QStringLiteral("-tls1_2"),
        QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256") }
                                                    << true;
    QTest::newRow("TLS 1.1 refused") << QStringList { QStringLiteral("-tls1_1"), QStringLiteral("-cipher"),
        QStringLiteral("DEFAULT:@SECLEVEL=0") }
                                     << false;
    QTest::newRow("TLS 1.2 CBC refused") << QStringList { QStringLiteral("-tls1_2"),
        QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA") }
                                         << false;
    QTest::newRow("TLS 1.2 static RSA refused") << QStringList { QStringLiteral("-tls1_2"),
        QStringLiteral("-cipher"), QStringLiteral("AES128-GCM-SHA256") }
                                                << false;
    QTest::newRow("TLS 1.3 group ffdhe2048 only refused")
        << QStringList { QStringLiteral("-tls1_3"), QStringLiteral("-groups"), QStringLiteral("ffdhe2048") }
        << false;
}

void TestTlsPolicy::hostAnswersOpensslClient()
{
    QFETCH(QStringList, offer);
    QFETCH(bool, accepted);
    auto host = startHost();
    QProcess client;
    client.start(QStringLiteral("openssl"),
        QStringList { QStringLiteral("s_client"), QStringLiteral("-connect"),
            QStringLiteral("127.0.0.1:%1").arg(host->port()), QStringLiteral("-CAfile"),
            certPath(QStringLiteral("ca.pem")), QStringLiteral("-verify_return_error"),
            QStringLiteral("-brief") }
            + offer);
    QVERIFY(client.waitForStarted());
    client.closeWriteChannel();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QProcess::NotRunning, 10'000);
    const QString report = QString::fromUtf8(client.readAllStandardError());
    QCOMPARE(report.contains(QStringLiteral("CONNECTION ESTABLISHED")), accepted);
}

void TestTlsPolicy::hostListensOnIpv6Loopback()
{
    HostOptions options = hostOptions();
    options.address = QHostAddress::LocalHostIPv6;
    auto host = startHost(options);
    ClientOptions clientSide = clientOptions(*host, QStringLiteral("alice"));
    clientSide.host = QStringLiteral("::1");
    ChatClient client(clientSide);
    QSignalSpy joined(&client, &ChatClient::joined);
    client.connectToHost();
    QVERIFY(joined.wait());
    QCOMPARE(client.sessionDetails().peerAddress, QStringLiteral("[::1]:%1").arg(host->port()));
}

void TestTlsPolicy::hostNeverResumesASession_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("TLS 1.2 (session id)") << QStringLiteral("-tls1_2");
    QTest::newRow("TLS 1.3 (ticket)") << QStringLiteral("-tls1_3");
}

// One SSL_CTX serves every peer now: a session cache or tickets on it would let a client resume,
// skipping the certificate the roster shows. s_client -reconnect tries five times.
void TestTlsPolicy::hostNeverResumesASession()
{
    QFETCH(QString, version);
    auto host = startHost();
    QProcess client;
    client.start(QStringLiteral("openssl"),
        QStringList { QStringLiteral("s_client"), QStringLiteral("-connect"),
            QStringLiteral("127.0.0.1:%1").arg(host->port()), QStringLiteral("-CAfile"),
            certPath(QStringLiteral("ca.pem")), QStringLiteral("-reconnect"), version });
    QVERIFY(client.waitForStarted());
    client.closeWriteChannel();
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QProcess::NotRunning, 20'000);
    const QString report = QString::fromUtf8(client.readAllStandardOutput());
    QVERIFY2(report.count(QStringLiteral("New, TLSv1.")) >= 6, qPrintable(report));
    QVERIFY2(!report.contains(QStringLiteral("Reused, ")), qPrintable(report));
}

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "tst_tlspolicy.moc"
