// SPDX-License-Identifier: MIT
// Generated identities are checked with openssl itself, not only with our own parser.
#include "tls/certificatedetails.h"
#include "tls/identitygenerator.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using securechat::CertificateDetails;
using securechat::Identity;
using securechat::IdentityGenerator;

namespace {

const QList<QHostAddress> loopback { QHostAddress(QHostAddress::LocalHost),
    QHostAddress(QHostAddress::LocalHostIPv6) };

struct OpensslRun {
    bool ok = false;
    QByteArray output;
};

OpensslRun runOpenssl(const QStringList& arguments)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"), arguments);
    const bool finished = openssl.waitForFinished();
    return { finished && openssl.exitStatus() == QProcess::NormalExit && openssl.exitCode() == 0,
        openssl.readAll() };
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestIdentityGenerator final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_scratch;
    Identity m_identity; // one key generation shared by the read-only checks
    QString m_certificatePath;
    QString m_keyPath;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        const auto generated = IdentityGenerator::generate(QStringLiteral("alice"),
            { QStringLiteral("localhost"), QStringLiteral("alice.example") }, loopback, 30);
        QVERIFY2(generated.ok(), qPrintable(generated.error()));
        m_identity = generated.value();
        m_certificatePath = m_scratch.filePath(QStringLiteral("cert.pem"));
        m_keyPath = m_scratch.filePath(QStringLiteral("key.pem"));
        QVERIFY(writeFile(m_certificatePath, m_identity.certificate().toPem()));
        QVERIFY(writeFile(m_keyPath, m_identity.privateKey().toPem()));
    }

    void certificateHasRequestedContents()
    {
        const auto details = CertificateDetails::fromCertificate(m_identity.certificate());
        QCOMPARE(details.commonName, QStringLiteral("alice"));
        QCOMPARE(details.subject, QStringLiteral("CN=alice"));
        QCOMPARE(details.subjectAlternativeNames,
            QStringList({ QStringLiteral("DNS:localhost"), QStringLiteral("DNS:alice.example"),
                QStringLiteral("IP Address:127.0.0.1"), QStringLiteral("IP Address:::1") }));
        QCOMPARE(details.keyAlgorithm, QStringLiteral("EC"));
        QCOMPARE(details.keyCurve, QStringLiteral("P-256"));
        QCOMPARE(details.signatureAlgorithm, QStringLiteral("ecdsa-with-SHA256"));
        QVERIFY(details.selfSigned);
        QCOMPARE(m_identity.chain().size(), 1);
        QCOMPARE(m_identity.privateKey().algorithm(), QSsl::Ec);
    }

    void extensionsServeBothEnds_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("not a CA") << QStringLiteral("Basic Constraints (critical): CA:FALSE");
        QTest::newRow("key usage") << QStringLiteral("Key Usage (critical): Digital Signature");
        QTest::newRow("server and client") << QStringLiteral(
            "Extended Key Usage: TLS Web Server Authentication, TLS Web Client Authentication");
    }
    void extensionsServeBothEnds()
    {
        QFETCH(QString, line);
        const auto details = CertificateDetails::fromCertificate(m_identity.certificate());
        QVERIFY2(details.extensions.contains(line), qPrintable(details.extensions.join(QLatin1Char('\n'))));
    }

    void hasSubjectKeyIdentifier()
    {
        const auto details = CertificateDetails::fromCertificate(m_identity.certificate());
        const QStringList identifiers = details.extensions.filter(QStringLiteral("Subject Key Identifier: "));
        QCOMPARE(identifiers.size(), 1);
    }

    void validityCoversRequestedDays()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QSslCertificate certificate = m_identity.certificate();
        QVERIFY(certificate.effectiveDate() <= now);
        QVERIFY(certificate.effectiveDate() >= now.addSecs(-10 * 60));
        QVERIFY(qAbs(now.addDays(30).secsTo(certificate.expiryDate())) < 60);
    }

    void serialIsRandomAndPositive()
    {
        const auto other = IdentityGenerator::generate(QStringLiteral("alice"), {}, {});
        QVERIFY2(other.ok(), qPrintable(other.error()));
        const QString first = CertificateDetails::fromCertificate(m_identity.certificate()).serialNumber;
        const QString second = CertificateDetails::fromCertificate(other->certificate()).serialNumber;
        QVERIFY(first != second);
        for (const QString& serial : { first, second }) {
            QVERIFY2(!serial.startsWith(QLatin1Char('-')), qPrintable(serial));
            QVERIFY2(serial.size() <= 32 && serial.size() >= 16, qPrintable(serial)); // 128 bits
        }
    }

    void opensslVerifiesItAsItsOwnAnchor_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("default") << QStringList();
        QTest::newRow("strict") << QStringList { QStringLiteral("-x509_strict") };
        QTest::newRow("as TLS server")
            << QStringList { QStringLiteral("-purpose"), QStringLiteral("sslserver") };
        QTest::newRow("as TLS client")
            << QStringList { QStringLiteral("-purpose"), QStringLiteral("sslclient") };
    }
    void opensslVerifiesItAsItsOwnAnchor()
    {
        QFETCH(QStringList, options);
        const auto run = runOpenssl(QStringList { QStringLiteral("verify") } + options
            + QStringList { QStringLiteral("-CAfile"), m_certificatePath, m_certificatePath });
        QVERIFY2(run.ok, run.output.constData());
        QCOMPARE(run.output.trimmed(), (m_certificatePath + QStringLiteral(": OK")).toUtf8());
    }

    void opensslPrintsIt()
    {
        const auto run = runOpenssl({ QStringLiteral("x509"), QStringLiteral("-in"), m_certificatePath,
            QStringLiteral("-noout"), QStringLiteral("-text") });
        QVERIFY2(run.ok, run.output.constData());
        QVERIFY(run.output.contains("ASN1 OID: prime256v1"));
    }

    // The key Qt holds and the certificate's public key agree, as openssl sees them.
    void keyBelongsToCertificate()
    {
        const auto fromKey = runOpenssl(
            { QStringLiteral("pkey"), QStringLiteral("-in"), m_keyPath, QStringLiteral("-pubout") });
        const auto fromCertificate = runOpenssl({ QStringLiteral("x509"), QStringLiteral("-in"),
            m_certificatePath, QStringLiteral("-noout"), QStringLiteral("-pubkey") });
        QVERIFY2(fromKey.ok, fromKey.output.constData());
        QVERIFY2(fromCertificate.ok, fromCertificate.output.constData());
        QCOMPARE(fromKey.output, fromCertificate.output);
    }

    void storesNames_data()
    {
        QTest::addColumn<QString>("commonName");
        QTest::addColumn<QString>("dnsName");
        QTest::addColumn<QString>("expectedName");
        QTest::newRow("upper case host")
            << QStringLiteral("bob") << QStringLiteral("Bob.Example") << QStringLiteral("DNS:bob.example");
        QTest::newRow("unicode") << QStringLiteral("Zoë 🦊") << QStringLiteral("bücher.example")
                                 << QStringLiteral("DNS:xn--bcher-kva.example");
        QTest::newRow("64 characters") << QString(64, QLatin1Char('x')) << QStringLiteral("x-1.example")
                                       << QStringLiteral("DNS:x-1.example");
    }
    void storesNames()
    {
        QFETCH(QString, commonName);
        QFETCH(QString, dnsName);
        QFETCH(QString, expectedName);
        const auto identity = IdentityGenerator::generate(commonName, { dnsName }, {});
        QVERIFY2(identity.ok(), qPrintable(identity.error()));
        const auto details = CertificateDetails::fromCertificate(identity->certificate());
        QCOMPARE(details.commonName, commonName);
        QCOMPARE(details.subjectAlternativeNames, QStringList { expectedName });
    }

    void rejectsBadRequests_data()
    {
        QTest::addColumn<QString>("commonName");
        QTest::addColumn<QStringList>("dnsNames");
        QTest::addColumn<QList<QHostAddress>>("addresses");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("error");
        const QString prefix = QStringLiteral("cannot generate an identity: ");
        QTest::newRow("empty name") << QString() << QStringList() << loopback << 30
                                    << prefix + QStringLiteral("the name must not be empty");
        QTest::newRow("blank name") << QStringLiteral("  ") << QStringList() << loopback << 30
                                    << prefix + QStringLiteral("the name must not be empty");
        QTest::newRow("65 characters") << QString(65, QLatin1Char('x')) << QStringList() << loopback << 30
                                       << prefix + QStringLiteral("the name is longer than 64 characters");
        QTest::newRow("space in host name")
            << QStringLiteral("bob") << QStringList { QStringLiteral("bad name") } << loopback << 30
            << prefix + QStringLiteral("\"bad name\" is not a valid host name");
        QTest::newRow("wildcard") << QStringLiteral("bob") << QStringList { QStringLiteral("*.example") }
                                  << loopback << 30
                                  << prefix + QStringLiteral("\"*.example\" is not a valid host name");
        QTest::newRow("empty host name") << QStringLiteral("bob") << QStringList { QString() } << loopback
                                         << 30 << prefix + QStringLiteral("\"\" is not a valid host name");
        QTest::newRow("null address")
            << QStringLiteral("bob") << QStringList() << QList<QHostAddress> { QHostAddress() } << 30
            << prefix + QStringLiteral("\"\" is not an IP address");
        QTest::newRow("zero days") << QStringLiteral("bob") << QStringList() << loopback << 0
                                   << prefix + QStringLiteral("it must be valid for at least one day");
    }
    void rejectsBadRequests()
    {
        QFETCH(QString, commonName);
        QFETCH(QStringList, dnsNames);
        QFETCH(QList<QHostAddress>, addresses);
        QFETCH(int, days);
        QFETCH(QString, error);
        const auto identity = IdentityGenerator::generate(commonName, dnsNames, addresses, days);
        QVERIFY(!identity.ok());
        QCOMPARE(identity.error(), error);
    }
};

QTEST_GUILESS_MAIN(TestIdentityGenerator)
#include "tst_identitygenerator.moc"
