// SPDX-License-Identifier: MIT
#include "trust/trustevaluator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMetaEnum>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray sha256Of(const QSslCertificate& certificate)
{
    return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
}

// "AB:CD:... 12:34:..." (4 groups of 8 pairs, a space apart) built byte by byte, independently of
// the code under test.
QString grouped(const QByteArray& bytes)
{
    QStringList pairs;
    for (const char byte : bytes)
        pairs << str("%1").arg(static_cast<uchar>(byte), 2, 16, QLatin1Char('0')).toUpper();
    QStringList groups;
    for (qsizetype i = 0; i < pairs.size(); i += 8)
        groups << QStringList(pairs.mid(i, 8)).join(u':');
    return groups.join(u' ');
}

const QString hostPort = str("localhost:4433");

TrustInput input(const QList<QSslError>& errors, const QList<QSslCertificate>& chain, const QByteArray& pin,
    const QByteArray& known)
{
    TrustInput result { errors, chain, hostPort, std::nullopt, std::nullopt };
    if (!pin.isEmpty())
        result.explicitPin = pin;
    if (!known.isEmpty())
        result.knownPeer
            = KnownPeer { hostPort, known, QDateTime(QDate(2026, 11, 29), QTime(19, 0), Qt::UTC), QString() };
    return result;
}

// One row of verdict_data(): errorsIgnored says errorsToIgnore must equal errors (else be empty).
void row(const char* name, const QList<QSslError>& errors, const QList<QSslCertificate>& chain,
    const QByteArray& pin, const QByteArray& known, TrustVerdict verdict, bool errorsIgnored,
    const QByteArray& expected)
{
    QTest::newRow(name) << errors << chain << pin << known << verdict << errorsIgnored << expected;
}

// Runs openssl in dir; returns what went wrong, or nothing.
QString openssl(const QString& dir, const QStringList& arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(str("openssl"), arguments);
    if (!process.waitForFinished(60'000))
        return str("openssl did not run: ") + process.errorString();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return str("openssl ") + arguments.join(u' ') + str(" failed: ")
            + QString::fromLocal8Bit(process.readAllStandardError());
    }
    return QString();
}

} // namespace

class TestTrustEvaluator final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void verdict_data();
    void verdict();
    void changedSummaryShowsBothFingerprints_data();
    void changedSummaryShowsBothFingerprints();
    void refusedPinnedCertificateSaysWhy();
    void unknownSummaryShowsFingerprint();
    void problemsNameTheHost_data();
    void problemsNameTheHost();
    void isVouchingError_data();
    void isVouchingError();
    void describe_data();
    void describe();
    void describeEveryKindInOwnWords_data();
    void describeEveryKindInOwnWords();
    void describeKindsAreDistinct();

private:
    QSslCertificate load(const QString& name) const;

    QTemporaryDir m_dir;
    QSslCertificate m_server; // self-signed, CN and SAN localhost
    QSslCertificate m_other; // self-signed, same names, another key
    QSslCertificate m_wrongHost; // self-signed for wrong.example
    QSslCertificate m_ca; // "Test Root CA", trusted by nobody
    QSslCertificate m_leaf; // localhost, issued by m_ca
    QSslCertificate m_expired; // self-signed localhost, 2024-01-01 to 2025-01-01
    QSslCertificate m_notYetValid; // self-signed localhost, 2099-01-01 to 2099-12-31
};

QSslCertificate TestTrustEvaluator::load(const QString& name) const
{
    return QSslCertificate::fromPath(m_dir.filePath(name), QSsl::Pem).value(0);
}

void TestTrustEvaluator::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString dir = m_dir.path();
    const QString ec = str("-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes");
    const QStringList steps {
        str("req -x509 %1 -keyout server.key -out server.pem -days 30 -subj /CN=localhost "
            "-addext subjectAltName=DNS:localhost")
            .arg(ec),
        str("req -x509 %1 -keyout other.key -out other.pem -days 30 -subj /CN=localhost "
            "-addext subjectAltName=DNS:localhost")
            .arg(ec),
        str("req -x509 %1 -keyout wronghost.key -out wronghost.pem -days 30 -subj /CN=wrong.example "
            "-addext subjectAltName=DNS:wrong.example")
            .arg(ec),
        str("req -x509 %1 -keyout ca.key -out ca.pem -days 30 -subj \"/CN=Test Root CA\" "
            "-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign")
            .arg(ec),
        str("req -new %1 -keyout leaf.key -out leaf.csr -subj /CN=localhost").arg(ec),
        str("x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -extfile leaf.ext "
            "-out leaf.pem"),
        str("req -new %1 -keyout dated.key -out dated.csr -subj /CN=localhost "
            "-addext subjectAltName=DNS:localhost")
            .arg(ec),
        // openssl 3.0 "req" cannot backdate, "ca" can: it makes the expired and the future certificate.
        str("ca -batch -config ca.cnf -selfsign -keyfile dated.key -in dated.csr -notext -out expired.pem "
            "-startdate 20240101000000Z -enddate 20250101000000Z"),
        str("ca -batch -config ca.cnf -selfsign -keyfile dated.key -in dated.csr -notext -out "
            "notyetvalid.pem "
            "-startdate 20990101000000Z -enddate 20991231000000Z"),
    };
    const QList<std::pair<QString, QByteArray>> files {
        { str("leaf.ext"), "subjectAltName=DNS:localhost\n" },
        { str("index.txt"), "" },
        { str("serial"), "01\n" },
        { str("ca.cnf"),
            "[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\n"
            "default_md = sha256\npolicy = any\ncopy_extensions = copy\nunique_subject = no\n"
            "[any]\ncommonName = supplied\n" },
    };
    for (const auto& [name, content] : files) {
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }
    for (const QString& step : steps) {
        const QString error = openssl(dir, QProcess::splitCommand(step));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    m_server = load(str("server.pem"));
    m_other = load(str("other.pem"));
    m_wrongHost = load(str("wronghost.pem"));
    m_ca = load(str("ca.pem"));
    m_leaf = load(str("leaf.pem"));
    m_expired = load(str("expired.pem"));
    m_notYetValid = load(str("notyetvalid.pem"));
    for (const QSslCertificate& certificate :
        { m_server, m_other, m_wrongHost, m_ca, m_leaf, m_expired, m_notYetValid })
        QVERIFY(!certificate.isNull());
    QVERIFY(sha256Of(m_server) != sha256Of(m_other));
}

void TestTrustEvaluator::verdict_data()
{
    QTest::addColumn<QList<QSslError>>("errors");
    QTest::addColumn<QList<QSslCertificate>>("chain");
    QTest::addColumn<QByteArray>("pin");
    QTest::addColumn<QByteArray>("known");
    QTest::addColumn<TrustVerdict>("verdict");
    QTest::addColumn<bool>("errorsIgnored");
    QTest::addColumn<QByteArray>("expected");

    const QString localhost = str("localhost");
    // Real errors, as OpenSSL finds them through Qt.
    const QList<QSslError> selfSigned = QSslCertificate::verify({ m_server }, localhost);
    const QList<QSslError> wrongHost = QSslCertificate::verify({ m_wrongHost }, localhost);
    const QList<QSslError> unknownIssuer = QSslCertificate::verify({ m_leaf }, localhost);
    const QList<QSslError> untrustedRoot = QSslCertificate::verify({ m_leaf, m_ca }, localhost);
    const QList<QSslError> expired = QSslCertificate::verify({ m_expired }, localhost);
    const QList<QSslError> notYetValid = QSslCertificate::verify({ m_notYetValid }, localhost);
    QCOMPARE(selfSigned, QList<QSslError> { QSslError(QSslError::SelfSignedCertificate, m_server) });
    QVERIFY(wrongHost.contains(QSslError(QSslError::HostNameMismatch, m_wrongHost)));
    QCOMPARE(untrustedRoot, QList<QSslError> { QSslError(QSslError::SelfSignedCertificateInChain, m_ca) });
    QVERIFY(expired.contains(QSslError(QSslError::CertificateExpired, m_expired)));
    QVERIFY(notYetValid.contains(QSslError(QSslError::CertificateNotYetValid, m_notYetValid)));

    const QByteArray server = sha256Of(m_server);
    const QByteArray other = sha256Of(m_other);
    const QByteArray leaf = sha256Of(m_leaf);
    const QByteArray expiredCert = sha256Of(m_expired);
    const QByteArray futureCert = sha256Of(m_notYetValid);
    const QByteArray none;
    const QList<QSslError> noErrors;
    const auto with
        = [](QList<QSslError> errors, QSslError::SslError kind, const QSslCertificate& certificate) {
              return errors << QSslError(kind, certificate);
          };
    using V = TrustVerdict;
    row("CA verified, known peer differs", noErrors, { m_server }, none, other, V::VerifiedByCa, false, none);
    row("CA verified, pin matches", noErrors, { m_server }, server, none, V::VerifiedByCa, false, server);
    row("CA verified, pin differs", noErrors, { m_server }, other, none, V::Changed, false, other);
    row("pin matches", selfSigned, { m_server }, server, none, V::PinMatched, true, server);
    row("pin differs, known matches", selfSigned, { m_server }, other, server, V::Changed, false, other);
    row("known matches", selfSigned, { m_server }, none, server, V::PinMatched, true, server);
    row("known matches, untrusted root", untrustedRoot, { m_leaf, m_ca }, none, leaf, V::PinMatched, true,
        leaf);
    row("known changed", selfSigned, { m_server }, none, other, V::Changed, false, other);
    row("unknown self-signed", selfSigned, { m_server }, none, none, V::Unknown, true, none);
    row("unknown wrong host", wrongHost, { m_wrongHost }, none, none, V::Unknown, true, none);
    row("unknown issuer", unknownIssuer, { m_leaf }, none, none, V::Unknown, true, none);
    row("expired, pin matches", expired, { m_expired }, expiredCert, none, V::Refused, false, expiredCert);
    row("expired, unknown", expired, { m_expired }, none, none, V::Refused, false, none);
    row("expired, known changed", expired, { m_expired }, none, server, V::Changed, false, server);
    row("not yet valid, known matches", notYetValid, { m_notYetValid }, none, futureCert, V::Refused, false,
        futureCert);
    row("revoked, pin matches", with(selfSigned, QSslError::CertificateRevoked, m_server), { m_server },
        server, none, V::Refused, false, server);
    row("invalid purpose, unknown", with(noErrors, QSslError::InvalidPurpose, m_server), { m_server }, none,
        none, V::Refused, false, none);
    row("error about a certificate not presented", with(noErrors, QSslError::SelfSignedCertificate, m_other),
        { m_server }, server, none, V::Refused, false, server);
    row("no certificate", { QSslError(QSslError::NoPeerCertificate) }, {}, server, none, V::Refused, false,
        none);
}

void TestTrustEvaluator::verdict()
{
    QFETCH(QList<QSslError>, errors);
    QFETCH(QList<QSslCertificate>, chain);
    QFETCH(QByteArray, pin);
    QFETCH(QByteArray, known);
    QFETCH(TrustVerdict, verdict);
    QFETCH(bool, errorsIgnored);
    QFETCH(QByteArray, expected);

    const TrustAssessment assessment = TrustEvaluator::evaluate(input(errors, chain, pin, known));
    QCOMPARE(static_cast<int>(assessment.verdict), static_cast<int>(verdict));
    QCOMPARE(assessment.presentedSha256, chain.isEmpty() ? QByteArray() : sha256Of(chain.constFirst()));
    QCOMPARE(assessment.expectedSha256, expected);
    QCOMPARE(assessment.errorsToIgnore, errorsIgnored ? errors : QList<QSslError>());
    if (verdict == TrustVerdict::PinMatched || verdict == TrustVerdict::Unknown)
        QVERIFY(!assessment.errorsToIgnore.isEmpty());
    QCOMPARE(assessment.problems.size(), errors.size());
    QVERIFY(!assessment.summary.isEmpty());
}

void TestTrustEvaluator::changedSummaryShowsBothFingerprints_data()
{
    QTest::addColumn<QByteArray>("pin");
    QTest::addColumn<QByteArray>("known");
    QTest::addColumn<QStringList>("phrases");
    QTest::newRow("explicit pin") << sha256Of(m_other) << QByteArray()
                                  << QStringList { str("does not match the fingerprint you gave") };
    QTest::newRow("known peer") << QByteArray() << sha256Of(m_other)
                                << QStringList { str("changed since you chose to trust it on 2026-11-29"),
                                       str("Only removing localhost:4433 from your known peers") };
}

void TestTrustEvaluator::changedSummaryShowsBothFingerprints()
{
    QFETCH(QByteArray, pin);
    QFETCH(QByteArray, known);
    QFETCH(QStringList, phrases);
    const TrustAssessment assessment = TrustEvaluator::evaluate(
        input({ QSslError(QSslError::SelfSignedCertificate, m_server) }, { m_server }, pin, known));
    QCOMPARE(static_cast<int>(assessment.verdict), static_cast<int>(TrustVerdict::Changed));
    const QString& summary = assessment.summary;
    QVERIFY2(summary.contains(str("may be an attack")), qPrintable(summary));
    for (const QString& phrase : phrases)
        QVERIFY2(summary.contains(phrase), qPrintable(summary));
    QVERIFY2(summary.contains(grouped(sha256Of(m_other))), qPrintable(summary));
    QVERIFY2(summary.contains(grouped(sha256Of(m_server))), qPrintable(summary));
}

void TestTrustEvaluator::refusedPinnedCertificateSaysWhy()
{
    const TrustAssessment assessment
        = TrustEvaluator::evaluate(input({ QSslError(QSslError::CertificateExpired, m_expired) },
            { m_expired }, sha256Of(m_expired), QByteArray()));
    QCOMPARE(static_cast<int>(assessment.verdict), static_cast<int>(TrustVerdict::Refused));
    QCOMPARE(assessment.summary,
        str("SecureChat refuses the certificate of localhost:4433: The certificate expired on 2025-01-01. "
            "It is the certificate you trusted, but that does not excuse this."));
}

void TestTrustEvaluator::unknownSummaryShowsFingerprint()
{
    const TrustAssessment assessment = TrustEvaluator::evaluate(input(
        { QSslError(QSslError::SelfSignedCertificate, m_server) }, { m_server }, QByteArray(), QByteArray()));
    QCOMPARE(static_cast<int>(assessment.verdict), static_cast<int>(TrustVerdict::Unknown));
    QVERIFY2(assessment.summary.contains(grouped(sha256Of(m_server))), qPrintable(assessment.summary));
}

void TestTrustEvaluator::problemsNameTheHost_data()
{
    QTest::addColumn<QString>("hostPort");
    QTest::addColumn<QString>("problem");
    QTest::newRow("name") << str("localhost:4433")
                          << str("The certificate was issued for wrong.example, not for localhost.");
    QTest::newRow("IPv6") << str("[::1]:4433")
                          << str("The certificate was issued for wrong.example, not for ::1.");
}

void TestTrustEvaluator::problemsNameTheHost()
{
    QFETCH(QString, hostPort);
    QFETCH(QString, problem);
    const TrustAssessment assessment
        = TrustEvaluator::evaluate(TrustInput { { QSslError(QSslError::SelfSignedCertificate, m_wrongHost),
                                                    QSslError(QSslError::HostNameMismatch, m_wrongHost) },
            { m_wrongHost }, hostPort, std::nullopt, std::nullopt });
    QCOMPARE(assessment.problems,
        (QStringList { str("The certificate is self-signed: no authority vouches for it."), problem }));
}

void TestTrustEvaluator::isVouchingError_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("vouching");
    const QSet<int> vouching { QSslError::SelfSignedCertificate, QSslError::SelfSignedCertificateInChain,
        QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToVerifyFirstCertificate,
        QSslError::UnableToGetIssuerCertificate, QSslError::CertificateUntrusted,
        QSslError::HostNameMismatch };
    const QMetaEnum kinds = QMetaEnum::fromType<QSslError::SslError>();
    for (int i = 0; i < kinds.keyCount(); ++i)
        QTest::newRow(kinds.key(i)) << kinds.value(i) << vouching.contains(kinds.value(i));
}

void TestTrustEvaluator::isVouchingError()
{
    QFETCH(int, kind);
    QFETCH(bool, vouching);
    QCOMPARE(TrustEvaluator::isVouchingError(static_cast<QSslError::SslError>(kind)), vouching);
}

void TestTrustEvaluator::describe_data()
{
    QTest::addColumn<QSslError>("error");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected");
    const QString localhost = str("localhost");
    QTest::newRow("self-signed") << QSslError(QSslError::SelfSignedCertificate, m_server) << localhost
                                 << str("The certificate is self-signed: no authority vouches for it.");
    QTest::newRow("wrong host") << QSslError(QSslError::HostNameMismatch, m_wrongHost) << localhost
                                << str("The certificate was issued for wrong.example, not for localhost.");
    QTest::newRow("wrong host, host not given")
        << QSslError(QSslError::HostNameMismatch, m_wrongHost) << QString()
        << str("The certificate was issued for wrong.example, not for the name you connected to.");
    QTest::newRow("wrong host, no certificate")
        << QSslError(QSslError::HostNameMismatch) << localhost
        << str("The certificate was issued for no host name, not for localhost.");
    QTest::newRow("expired") << QSslError(QSslError::CertificateExpired, m_expired) << localhost
                             << str("The certificate expired on 2025-01-01.");
    QTest::newRow("not yet valid") << QSslError(QSslError::CertificateNotYetValid, m_notYetValid) << localhost
                                   << str("The certificate is not valid before 2099-01-01.");
    QTest::newRow("unknown issuer")
        << QSslError(QSslError::UnableToGetLocalIssuerCertificate, m_leaf) << localhost
        << str("The certificate was issued by Test Root CA, an authority you have not chosen to trust.");
    QTest::newRow("untrusted root") << QSslError(QSslError::SelfSignedCertificateInChain, m_ca) << localhost
                                    << str("The certificate chain ends in Test Root CA, a self-signed "
                                           "authority you have not chosen to trust.");
    QTest::newRow("revoked") << QSslError(QSslError::CertificateRevoked, m_server) << localhost
                             << str("The certificate was revoked by the authority that issued it.");
}

void TestTrustEvaluator::describe()
{
    QFETCH(QSslError, error);
    QFETCH(QString, host);
    QFETCH(QString, expected);
    QCOMPARE(TrustEvaluator::describe(error, host), expected);
}

void TestTrustEvaluator::describeEveryKindInOwnWords_data()
{
    QTest::addColumn<int>("kind");
    const QMetaEnum kinds = QMetaEnum::fromType<QSslError::SslError>();
    for (int i = 0; i < kinds.keyCount(); ++i)
        QTest::newRow(kinds.key(i)) << kinds.value(i);
}

void TestTrustEvaluator::describeEveryKindInOwnWords()
{
    QFETCH(int, kind);
    const QSslError error(static_cast<QSslError::SslError>(kind));
    const QString text = TrustEvaluator::describe(error);
    QVERIFY(!text.isEmpty());
    QVERIFY2(text.at(0).isUpper() && text.endsWith(u'.'), qPrintable(text));
    // Only an unspecified error may fall back to Qt's technical wording.
    QCOMPARE(text.startsWith(str("TLS reported a problem")), kind == QSslError::UnspecifiedError);
}

void TestTrustEvaluator::describeKindsAreDistinct()
{
    const QMetaEnum kinds = QMetaEnum::fromType<QSslError::SslError>();
    QSet<QString> texts;
    for (int i = 0; i < kinds.keyCount(); ++i)
        texts.insert(TrustEvaluator::describe(QSslError(static_cast<QSslError::SslError>(kinds.value(i)))));
    QCOMPARE(texts.size(), kinds.keyCount());
}

QTEST_GUILESS_MAIN(TestTrustEvaluator)

#include "tst_trustevaluator.moc"
