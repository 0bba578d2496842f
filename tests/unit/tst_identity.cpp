// SPDX-License-Identifier: MIT
// Identity loading: every way a certificate/key pair can be wrong gets its own message.
#include "tls/certificatedetails.h"
#include "tls/identity.h"

#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using securechat::CertificateDetails;
using securechat::Identity;

namespace {

QString certs(const QString& name)
{
    return QStringLiteral(SECURECHAT_TEST_CERTS_DIR "/") + name;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// passphrase.txt ends in a newline, as `openssl -passout file:` expects; the key's passphrase
// is the first line.
QByteArray testPassphrase()
{
    return readAll(certs(QStringLiteral("passphrase.txt"))).trimmed();
}

bool runOpenssl(const QStringList& arguments)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), arguments);
    return openssl.waitForFinished() && openssl.exitStatus() == QProcess::NormalExit
        && openssl.exitCode() == 0;
}

// The date as Identity's messages print it, read independently from openssl's output.
QString opensslDate(const QString& path, const QString& option)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("x509"), QStringLiteral("-in"), path, QStringLiteral("-noout"), option });
    openssl.waitForFinished();
    const QString text
        = QString::fromUtf8(openssl.readAllStandardOutput()).section(QLatin1Char('='), 1).simplified();
    QDateTime date = QLocale::c().toDateTime(text, QStringLiteral("MMM d HH:mm:ss yyyy 'GMT'"));
    date.setTimeSpec(Qt::UTC);
    return date.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString leafFingerprint(const QString& path)
{
    return CertificateDetails::fingerprintSha256(QSslCertificate::fromPath(path).value(0));
}

} // namespace

class TestIdentity final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_scratch;
    QString m_traditionalKey; // "EC PRIVATE KEY" with Proc-Type/DEK-Info encryption
    const QByteArray m_traditionalPassphrase = QByteArrayLiteral("traditional secret");

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        m_traditionalKey = m_scratch.filePath(QStringLiteral("traditional.key"));
        QVERIFY(runOpenssl({ QStringLiteral("ec"), QStringLiteral("-in"), certs(QStringLiteral("host.key")),
            QStringLiteral("-aes256"), QStringLiteral("-passout"),
            QStringLiteral("pass:") + QString::fromLatin1(m_traditionalPassphrase), QStringLiteral("-out"),
            m_traditionalKey }));
    }

    void loadsPemFiles_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<int>("chainLength");
        QTest::addColumn<QSsl::KeyAlgorithm>("algorithm");
        QTest::newRow("EC") << certs(QStringLiteral("host.pem")) << certs(QStringLiteral("host.key"))
                            << QByteArray() << 1 << QSsl::Ec;
        QTest::newRow("RSA") << certs(QStringLiteral("host-rsa.pem")) << certs(QStringLiteral("host-rsa.key"))
                             << QByteArray() << 1 << QSsl::Rsa;
        QTest::newRow("chain file") << certs(QStringLiteral("host-chain.pem"))
                                    << certs(QStringLiteral("host.key")) << QByteArray() << 2 << QSsl::Ec;
        QTest::newRow("encrypted PKCS#8")
            << certs(QStringLiteral("host.pem")) << certs(QStringLiteral("host-encrypted.key"))
            << testPassphrase() << 1 << QSsl::Ec;
        QTest::newRow("encrypted traditional") << certs(QStringLiteral("host.pem")) << m_traditionalKey
                                               << m_traditionalPassphrase << 1 << QSsl::Ec;
        QTest::newRow("passphrase given but not needed")
            << certs(QStringLiteral("client.pem")) << certs(QStringLiteral("client.key"))
            << QByteArrayLiteral("unused") << 1 << QSsl::Ec;
    }
    void loadsPemFiles()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QByteArray, passphrase);
        QFETCH(int, chainLength);
        QFETCH(QSsl::KeyAlgorithm, algorithm);
        const auto identity = Identity::fromPemFiles(certificate, key, passphrase);
        QVERIFY2(identity.ok(), qPrintable(identity.error()));
        QVERIFY(!identity->isNull());
        QCOMPARE(identity->chain().size(), chainLength);
        QCOMPARE(identity->fingerprint(), leafFingerprint(certificate));
        QCOMPARE(identity->privateKey().algorithm(), algorithm);
        QCOMPARE(identity->privateKey().type(), QSsl::PrivateKey);
    }

    void rejectsBrokenPairs_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QString>("error");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString host = certs(QStringLiteral("host.pem"));
        const QString hostKey = certs(QStringLiteral("host.key"));
        const QString missing = certs(QStringLiteral("missing.pem"));
        const QString encrypted = certs(QStringLiteral("host-encrypted.key"));
        const QString text = certs(QStringLiteral("passphrase.txt"));

        QTest::newRow("certificate missing")
            << missing << hostKey << QByteArray() << now
            << QStringLiteral("cannot open certificate file %1: no such file").arg(missing);
        QTest::newRow("not a certificate")
            << text << hostKey << QByteArray() << now
            << QStringLiteral("certificate file %1 does not contain a certificate").arg(text);
        QTest::newRow("certificate and key swapped")
            << hostKey << host << QByteArray() << now
            << QStringLiteral("certificate file %1 does not contain a certificate (it holds a "
                              "private key: are certificate and key swapped?)")
                   .arg(hostKey);
        QTest::newRow("key missing") << host << missing << QByteArray() << now
                                     << QStringLiteral("cannot open key file %1: no such file").arg(missing);
        QTest::newRow("not a key") << host << host << QByteArray() << now
                                   << QStringLiteral("key file %1 does not contain a private key").arg(host);
        QTest::newRow("passphrase needed")
            << host << encrypted << QByteArray() << now
            << QStringLiteral("key file %1 is encrypted: a passphrase is needed").arg(encrypted);
        QTest::newRow("wrong passphrase")
            << host << encrypted << QByteArrayLiteral("wrong horse") << now
            << QStringLiteral("wrong passphrase for key file %1").arg(encrypted);
        QTest::newRow("wrong passphrase, traditional")
            << host << m_traditionalKey << QByteArrayLiteral("wrong horse") << now
            << QStringLiteral("wrong passphrase for key file %1").arg(m_traditionalKey);
        const QString clientKey = certs(QStringLiteral("client.key"));
        QTest::newRow("EC key of another certificate")
            << host << clientKey << QByteArray() << now
            << QStringLiteral("key file %1 does not match certificate file %2").arg(clientKey, host);
        const QString rsaKey = certs(QStringLiteral("host-rsa.key"));
        QTest::newRow("RSA key for an EC certificate")
            << host << rsaKey << QByteArray() << now
            << QStringLiteral("key file %1 does not match certificate file %2").arg(rsaKey, host);
        const QString rsa = certs(QStringLiteral("host-rsa.pem"));
        QTest::newRow("EC key for an RSA certificate")
            << rsa << hostKey << QByteArray() << now
            << QStringLiteral("key file %1 does not match certificate file %2").arg(hostKey, rsa);
        const QString expired = certs(QStringLiteral("expired.pem"));
        QTest::newRow("expired") << expired << certs(QStringLiteral("expired.key")) << QByteArray() << now
                                 << QStringLiteral("certificate expired on %1 (certificate file %2)")
                                        .arg(opensslDate(expired, QStringLiteral("-enddate")), expired);
        QTest::newRow("not yet valid")
            << host << hostKey << QByteArray() << now.addDays(-2)
            << QStringLiteral("certificate is not valid until %1 (certificate file %2)")
                   .arg(opensslDate(host, QStringLiteral("-startdate")), host);
    }
    void rejectsBrokenPairs()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QByteArray, passphrase);
        QFETCH(QDateTime, now);
        QFETCH(QString, error);
        const auto identity = Identity::fromPemFiles(certificate, key, passphrase, now);
        QVERIFY(!identity.ok());
        QCOMPARE(identity.error(), error);
    }

    void loadsPemData()
    {
        const auto identity = Identity::fromPem(
            readAll(certs(QStringLiteral("host-rsa.pem"))), readAll(certs(QStringLiteral("host-rsa.key"))));
        QVERIFY2(identity.ok(), qPrintable(identity.error()));
        QCOMPARE(identity->fingerprint(), leafFingerprint(certs(QStringLiteral("host-rsa.pem"))));
    }

    void pemDataErrorsNameTheData()
    {
        const auto identity = Identity::fromPem(
            readAll(certs(QStringLiteral("host.pem"))), readAll(certs(QStringLiteral("client.key"))));
        QVERIFY(!identity.ok());
        QCOMPARE(identity.error(), QStringLiteral("key data does not match certificate data"));
    }

    void loadsPkcs12()
    {
        const auto identity
            = Identity::fromPkcs12(certs(QStringLiteral("host.p12")), QByteArrayLiteral("p12 secret"));
        QVERIFY2(identity.ok(), qPrintable(identity.error()));
        QCOMPARE(identity->fingerprint(), leafFingerprint(certs(QStringLiteral("host.pem"))));
        QCOMPARE(identity->chain().size(), 2);
        QCOMPARE(
            identity->chain().at(1), QSslCertificate::fromPath(certs(QStringLiteral("ca.pem"))).value(0));
        QCOMPARE(identity->privateKey().algorithm(), QSsl::Ec);
    }

    void rejectsBadPkcs12_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QString>("error");
        const QString p12 = certs(QStringLiteral("host.p12"));
        const QString pem = certs(QStringLiteral("host.pem"));
        const QString missing = certs(QStringLiteral("missing.p12"));
        QTest::newRow("wrong password") << p12 << QByteArrayLiteral("p12 secreT")
                                        << QStringLiteral("wrong password for PKCS#12 file %1").arg(p12);
        QTest::newRow("no password") << p12 << QByteArray()
                                     << QStringLiteral("wrong password for PKCS#12 file %1").arg(p12);
        QTest::newRow("not PKCS#12") << pem << QByteArrayLiteral("p12 secret")
                                     << QStringLiteral("%1 is not a PKCS#12 file").arg(pem);
        QTest::newRow("missing") << missing << QByteArrayLiteral("p12 secret")
                                 << QStringLiteral("cannot open PKCS#12 file %1: no such file").arg(missing);
    }
    void rejectsBadPkcs12()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, password);
        QFETCH(QString, error);
        const auto identity = Identity::fromPkcs12(path, password);
        QVERIFY(!identity.ok());
        QCOMPARE(identity.error(), error);
    }

    // host.p12 uses OpenSSL 3's defaults (AES-256-CBC, PBKDF2): Qt's own reader must cope too,
    // since anything else in the project may hand the file to QSslCertificate directly.
    void qtReadsTestPkcs12()
    {
        QFile file(certs(QStringLiteral("host.p12")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QSslKey key;
        QSslCertificate certificate;
        QList<QSslCertificate> authorities;
        QVERIFY(QSslCertificate::importPkcs12(
            &file, &key, &certificate, &authorities, QByteArrayLiteral("p12 secret")));
        QVERIFY(!key.isNull());
        QCOMPARE(CertificateDetails::fingerprintSha256(certificate),
            leafFingerprint(certs(QStringLiteral("host.pem"))));
        QCOMPARE(authorities.size(), 1);
    }

    void defaultIdentityIsNull()
    {
        const Identity identity;
        QVERIFY(identity.isNull());
        QVERIFY(identity.fingerprint().isEmpty());
        QVERIFY(identity.certificate().isNull());
    }
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "tst_identity.moc"
