// SPDX-License-Identifier: MIT
// CertificateDetails must show what `openssl x509` shows, so each field is compared with the
// openssl command line run on the certificates the build made.
#include "tls/certificatedetails.h"

#include <QDir>
#include <QHostAddress>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using securechat::CertificateDetails;

namespace {

QString certificatePath(const QString& name)
{
    return QStringLiteral(SECURECHAT_TEST_CERTS_DIR "/") + name;
}

QSslCertificate loadCertificate(const QString& path)
{
    return QSslCertificate::fromPath(path).value(0);
}

bool runOpenssl(QProcess& openssl, const QStringList& arguments)
{
    openssl.start(QStringLiteral("openssl"), arguments);
    return openssl.waitForFinished() && openssl.exitStatus() == QProcess::NormalExit
        && openssl.exitCode() == 0;
}

// Runs openssl and returns its standard output, or an empty string if it failed.
QString runOpenssl(const QStringList& arguments)
{
    QProcess openssl;
    return runOpenssl(openssl, arguments) ? QString::fromUtf8(openssl.readAllStandardOutput()) : QString();
}

// `openssl x509 -noout OPTION` prints "name=value"; this returns the value.
QString opensslField(const QString& path, const QStringList& options)
{
    const QString output = runOpenssl(
        QStringList { QStringLiteral("x509"), QStringLiteral("-in"), path, QStringLiteral("-noout") }
        + options);
    return output.section(QLatin1Char('='), 1).trimmed();
}

QDateTime opensslDate(const QString& path, const QString& option)
{
    // "Dec  9 19:03:08 2026 GMT": the day is space-padded.
    const QString text = opensslField(path, { option }).simplified();
    QDateTime date = QLocale::c().toDateTime(text, QStringLiteral("MMM d HH:mm:ss yyyy 'GMT'"));
    date.setTimeSpec(Qt::UTC);
    return date;
}

} // namespace

class TestCertificateDetails final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_scratch;
    QString m_unicodePath;

    void addCertificateRows()
    {
        QTest::addColumn<QString>("path");
        for (const char* name : { "ca.pem", "host.pem", "host-rsa.pem", "client.pem", "expired.pem",
                 "wronghost.pem", "selfsigned.pem", "other-client.pem" })
            QTest::newRow(name) << certificatePath(QString::fromLatin1(name));
        QTest::newRow("unicode names") << m_unicodePath;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        // Names outside ASCII show whether subject and issuer keep UTF-8 readable.
        m_unicodePath = m_scratch.filePath(QStringLiteral("unicode.pem"));
        QProcess openssl;
        QVERIFY(runOpenssl(openssl,
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                QStringLiteral("-noenc"), QStringLiteral("-keyout"),
                m_scratch.filePath(QStringLiteral("unicode.key")), QStringLiteral("-out"), m_unicodePath,
                QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-utf8"),
                QStringLiteral("-subj"), QStringLiteral("/O=Café, Ltd./CN=Zoë Ærø") }));
    }

    void sha256FingerprintMatchesOpenssl_data() { addCertificateRows(); }
    void sha256FingerprintMatchesOpenssl()
    {
        QFETCH(QString, path);
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        QCOMPARE(details.sha256Fingerprint,
            opensslField(path, { QStringLiteral("-fingerprint"), QStringLiteral("-sha256") }));
    }

    void sha1FingerprintMatchesOpenssl_data() { addCertificateRows(); }
    void sha1FingerprintMatchesOpenssl()
    {
        QFETCH(QString, path);
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        QCOMPARE(details.sha1Fingerprint,
            opensslField(path, { QStringLiteral("-fingerprint"), QStringLiteral("-sha1") }));
    }

    void serialMatchesOpenssl_data() { addCertificateRows(); }
    void serialMatchesOpenssl()
    {
        QFETCH(QString, path);
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        QCOMPARE(details.serialNumber, opensslField(path, { QStringLiteral("-serial") }));
    }

    void subjectMatchesOpenssl_data() { addCertificateRows(); }
    void subjectMatchesOpenssl()
    {
        QFETCH(QString, path);
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        QCOMPARE(details.subject,
            opensslField(path,
                { QStringLiteral("-subject"), QStringLiteral("-nameopt"),
                    QStringLiteral("RFC2253,-esc_msb") }));
    }

    void issuerMatchesOpenssl_data() { addCertificateRows(); }
    void issuerMatchesOpenssl()
    {
        QFETCH(QString, path);
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        QCOMPARE(details.issuer,
            opensslField(path,
                { QStringLiteral("-issuer"), QStringLiteral("-nameopt"),
                    QStringLiteral("RFC2253,-esc_msb") }));
    }

    void validityMatchesOpenssl_data() { addCertificateRows(); }
    void validityMatchesOpenssl()
    {
        QFETCH(QString, path);
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        QCOMPARE(details.notBefore, opensslDate(path, QStringLiteral("-startdate")));
        QCOMPARE(details.notAfter, opensslDate(path, QStringLiteral("-enddate")));
    }

    void alternativeNamesMatchOpenssl_data() { addCertificateRows(); }
    void alternativeNamesMatchOpenssl()
    {
        QFETCH(QString, path);
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        // "X509v3 Subject Alternative Name: \n    DNS:a, IP Address:b\n", or nothing.
        const QString output = runOpenssl({ QStringLiteral("x509"), QStringLiteral("-in"), path,
            QStringLiteral("-noout"), QStringLiteral("-ext"), QStringLiteral("subjectAltName") });
        const QString names = output.section(QLatin1Char('\n'), 1, 1).trimmed();
        // openssl prints IPv6 addresses uncompressed; CertificateDetails compresses them.
        QStringList expected = names.split(QStringLiteral(", "), Qt::SkipEmptyParts);
        const QString ip = QStringLiteral("IP Address:");
        for (QString& name : expected) {
            if (name.startsWith(ip) && name.count(QLatin1Char(':')) > 2)
                name = ip + QHostAddress(name.mid(ip.size())).toString();
        }
        QCOMPARE(details.subjectAlternativeNames, expected);
    }

    void ipv6NamesAreCompressed_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("shown");
        QTest::newRow("loopback") << QStringLiteral("IP:::1") << QStringLiteral("IP Address:::1");
        QTest::newRow("loopback written out")
            << QStringLiteral("IP:0:0:0:0:0:0:0:1") << QStringLiteral("IP Address:::1");
        QTest::newRow("documentation prefix")
            << QStringLiteral("IP:2001:DB8:0:0:0:0:0:1") << QStringLiteral("IP Address:2001:db8::1");
        QTest::newRow("longest run of zeros")
            << QStringLiteral("IP:2001:db8:0:0:1:0:0:0") << QStringLiteral("IP Address:2001:db8:0:0:1::");
        QTest::newRow("link-local") << QStringLiteral("IP:fe80::a:b")
                                    << QStringLiteral("IP Address:fe80::a:b");
        QTest::newRow("IPv4 unchanged")
            << QStringLiteral("IP:127.0.0.1") << QStringLiteral("IP Address:127.0.0.1");
        QTest::newRow("DNS unchanged") << QStringLiteral("DNS:localhost") << QStringLiteral("DNS:localhost");
    }
    void ipv6NamesAreCompressed()
    {
        QFETCH(QString, written);
        QFETCH(QString, shown);
        const QString path
            = m_scratch.filePath(QString::fromLatin1(QTest::currentDataTag()) + QStringLiteral(".pem"));
        QProcess openssl;
        QVERIFY(runOpenssl(openssl,
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                QStringLiteral("-noenc"), QStringLiteral("-keyout"), path + QStringLiteral(".key"),
                QStringLiteral("-out"), path, QStringLiteral("-days"), QStringLiteral("1"),
                QStringLiteral("-subj"), QStringLiteral("/CN=names"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=") + written }));
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        QCOMPARE(details.subjectAlternativeNames, QStringList { shown });
        // The extension's line in the dialog says the same.
        QVERIFY2(details.extensions.contains(QStringLiteral("Subject Alternative Name: ") + shown),
            qPrintable(details.extensions.join(QLatin1Char('\n'))));
    }

    void signatureAlgorithmMatchesOpenssl_data() { addCertificateRows(); }
    void signatureAlgorithmMatchesOpenssl()
    {
        QFETCH(QString, path);
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        const QString text = runOpenssl({ QStringLiteral("x509"), QStringLiteral("-in"), path,
            QStringLiteral("-noout"), QStringLiteral("-text") });
        const QString marker = QStringLiteral("Signature Algorithm: ");
        const qsizetype at = text.indexOf(marker);
        QVERIFY(at >= 0);
        QCOMPARE(details.signatureAlgorithm,
            text.mid(at + marker.size()).section(QLatin1Char('\n'), 0, 0).trimmed());
    }

    void keyAlgorithm_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<int>("bits");
        QTest::addColumn<QString>("curve");
        QTest::newRow("EC P-256") << certificatePath(QStringLiteral("host.pem")) << QStringLiteral("EC")
                                  << 256 << QStringLiteral("P-256");
        QTest::newRow("RSA 2048") << certificatePath(QStringLiteral("host-rsa.pem")) << QStringLiteral("RSA")
                                  << 2048 << QString();
    }
    void keyAlgorithm()
    {
        QFETCH(QString, path);
        QFETCH(QString, algorithm);
        QFETCH(int, bits);
        QFETCH(QString, curve);
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        QCOMPARE(details.keyAlgorithm, algorithm);
        QCOMPARE(details.keyBits, bits);
        QCOMPARE(details.keyCurve, curve);
    }

    void validityAt_data()
    {
        QTest::addColumn<qint64>("secondsAfterNotAfter");
        QTest::addColumn<qint64>("daysLeft");
        QTest::addColumn<bool>("expired");
        QTest::addColumn<bool>("notYetValid");
        constexpr qint64 day = 24 * 60 * 60;
        QTest::newRow("36 hours left") << -36 * 60 * 60LL << 1LL << false << false;
        QTest::newRow("at notAfter") << 0LL << 0LL << false << false;
        QTest::newRow("one hour expired") << 3600LL << -1LL << true << false;
        QTest::newRow("ten days expired") << 10 * day << -10LL << true << false;
        QTest::newRow("before notBefore") << -31 * day << 31LL << false << true;
    }
    void validityAt()
    {
        QFETCH(qint64, secondsAfterNotAfter);
        QFETCH(qint64, daysLeft);
        QFETCH(bool, expired);
        QFETCH(bool, notYetValid);
        // host.pem is valid for 30 days, so 31 days before notAfter is before notBefore.
        const QSslCertificate certificate = loadCertificate(certificatePath(QStringLiteral("host.pem")));
        const QDateTime now = certificate.expiryDate().addSecs(secondsAfterNotAfter);
        const auto details = CertificateDetails::fromCertificate(certificate, now);
        QCOMPARE(details.daysLeft, daysLeft);
        QCOMPARE(details.expired, expired);
        QCOMPARE(details.notYetValid, notYetValid);
    }

    void selfSigned_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("selfSigned");
        QTest::newRow("self-signed leaf") << certificatePath(QStringLiteral("selfsigned.pem")) << true;
        QTest::newRow("root CA") << certificatePath(QStringLiteral("ca.pem")) << true;
        QTest::newRow("CA-issued") << certificatePath(QStringLiteral("host.pem")) << false;
    }
    void selfSigned()
    {
        QFETCH(QString, path);
        QFETCH(bool, selfSigned);
        QCOMPARE(CertificateDetails::fromCertificate(loadCertificate(path)).selfSigned, selfSigned);
    }

    void extensionsAreReadableLines()
    {
        const auto details = CertificateDetails::fromCertificate(
            loadCertificate(certificatePath(QStringLiteral("host.pem"))));
        QVERIFY2(details.extensions.contains(QStringLiteral("Basic Constraints (critical): CA:FALSE")),
            qPrintable(details.extensions.join(QLatin1Char('\n'))));
        QVERIFY(
            details.extensions.contains(QStringLiteral("Extended Key Usage: TLS Web Server Authentication")));
        QVERIFY(details.extensions.contains(QStringLiteral("Subject Alternative Name: DNS:localhost, "
                                                           "IP Address:127.0.0.1, IP Address:::1")));
    }

    void commonNameAndPem()
    {
        const QString path = certificatePath(QStringLiteral("client.pem"));
        const auto details = CertificateDetails::fromCertificate(loadCertificate(path));
        QCOMPARE(details.commonName, QStringLiteral("alice"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(details.pem, file.readAll());
    }

    void nullCertificateGivesEmptyDetails()
    {
        const auto details = CertificateDetails::fromCertificate(QSslCertificate());
        QVERIFY(details.sha256Fingerprint.isEmpty());
        QVERIFY(details.subject.isEmpty());
        QVERIFY(details.pem.isEmpty());
        QVERIFY(CertificateDetails::fingerprintSha256(QSslCertificate()).isEmpty());
    }

    void formatFingerprint()
    {
        QCOMPARE(CertificateDetails::formatFingerprint(QByteArray::fromHex("00ff10ab")),
            QStringLiteral("00:FF:10:AB"));
    }

    void parseFingerprint_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        const QString hex = QStringLiteral("00112233445566778899aabbccddeeff"
                                           "0123456789abcdef0123456789abcdef");
        QString colons;
        for (qsizetype i = 0; i < hex.size(); i += 2)
            colons += (i ? QStringLiteral(":") : QString()) + hex.mid(i, 2).toUpper();
        QTest::newRow("openssl format") << colons << true;
        QTest::newRow("openssl line") << QStringLiteral("sha256 Fingerprint=") + colons << true;
        QTest::newRow("SHA256 prefix") << QStringLiteral("SHA256:") + colons << true;
        QTest::newRow("lower case with colons") << colons.toLower() << true;
        QTest::newRow("bare hex") << hex << true;
        QTest::newRow("spaces and newlines") << QStringLiteral("  ")
                + QString(colons).replace(QLatin1Char(':'), QLatin1Char(' '))
                + QStringLiteral("\n") << true;
        QTest::newRow("too short") << hex.left(62) << false;
        QTest::newRow("too long") << hex + QStringLiteral("00") << false;
        QTest::newRow("not hex") << QString(hex).replace(0, 1, QLatin1Char('g')) << false;
        QTest::newRow("SHA-1 length") << hex.left(40) << false;
        QTest::newRow("empty") << QString() << false;
    }
    void parseFingerprint()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const QByteArray expected = valid
            ? QByteArray::fromHex("00112233445566778899aabbccddeeff0123456789abcdef0123456789abcdef")
            : QByteArray();
        QCOMPARE(CertificateDetails::parseFingerprint(text), expected);
    }

    void parseReadsWhatFormatWrites()
    {
        const QSslCertificate certificate = loadCertificate(certificatePath(QStringLiteral("host.pem")));
        QCOMPARE(CertificateDetails::parseFingerprint(CertificateDetails::fingerprintSha256(certificate)),
            certificate.digest(QCryptographicHash::Sha256));
    }

    void groupedFingerprintIsFourGroupsOfEightPairs()
    {
        const QString colons = CertificateDetails::formatFingerprint(
            QByteArray::fromHex("00112233445566778899aabbccddeeff0123456789abcdef0123456789abcdef"));
        QCOMPARE(CertificateDetails::groupedFingerprint(colons),
            QStringLiteral("00:11:22:33:44:55:66:77 88:99:AA:BB:CC:DD:EE:FF "
                           "01:23:45:67:89:AB:CD:EF 01:23:45:67:89:AB:CD:EF"));
        QCOMPARE(CertificateDetails::parseFingerprint(CertificateDetails::groupedFingerprint(colons)),
            CertificateDetails::parseFingerprint(colons));
    }

    void groupedLeavesWhatIsNoFingerprintAlone()
    {
        QCOMPARE(
            CertificateDetails::groupedFingerprint(QStringLiteral("not hex")), QStringLiteral("not hex"));
        QCOMPARE(CertificateDetails::groupedFingerprint(QString()), QString());
    }
};

QTEST_GUILESS_MAIN(TestCertificateDetails)
#include "tst_certificatedetails.moc"
