// SPDX-License-Identifier: MIT
// The stored identity survives restarts, keeps its key private and is never silently lost.
#include "filemodes.h"
#include "tls/certificatedetails.h"
#include "tls/identitygenerator.h"
#include "trust/identitystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using securechat::CertificateDetails;
using securechat::Identity;
using securechat::IdentityGenerator;
using securechat::IdentityStore;
using securechat::test::modeOf;
using securechat::test::UmaskGuard;

namespace {

QString certs(const QString& name)
{
    return QStringLiteral(SECURECHAT_TEST_CERTS_DIR "/") + name;
}

QStringList backups(const QString& directory, const QString& suffix)
{
    return QDir(directory).entryList({ QStringLiteral("identity-*") + suffix }, QDir::Files, QDir::Name);
}

QString fingerprintOfFile(const QString& path)
{
    return CertificateDetails::fingerprintSha256(QSslCertificate::fromPath(path).value(0));
}

} // namespace

class TestIdentityStore final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_scratch;

    // A store directory that does not exist yet, so the store has to create it.
    QString storeDirectory() const { return m_scratch->filePath(QStringLiteral("config/securechat")); }

private Q_SLOTS:
    void init()
    {
        m_scratch = std::make_unique<QTemporaryDir>();
        QVERIFY(m_scratch->isValid());
    }

    void secondStartReusesIdentity()
    {
        const auto first = IdentityStore(storeDirectory()).loadOrCreate(QStringLiteral("alice"));
        QVERIFY2(first.ok(), qPrintable(first.error()));
        QCOMPARE(
            first->certificate().subjectInfo(QSslCertificate::CommonName).value(0), QStringLiteral("alice"));
        const auto second = IdentityStore(storeDirectory()).loadOrCreate(QStringLiteral("bob"));
        QVERIFY2(second.ok(), qPrintable(second.error()));
        QCOMPARE(second->fingerprint(), first->fingerprint());
    }

    void generatedIdentityNamesThisMachine()
    {
        const auto identity = IdentityStore(storeDirectory()).loadOrCreate(QStringLiteral("alice"));
        QVERIFY2(identity.ok(), qPrintable(identity.error()));
        const QStringList names
            = CertificateDetails::fromCertificate(identity->certificate()).subjectAlternativeNames;
        QStringList expected { QStringLiteral("DNS:localhost") };
        const QString machine = QSysInfo::machineHostName().toLower();
        if (machine != QStringLiteral("localhost") && IdentityGenerator::isValidHostName(machine))
            expected << QStringLiteral("DNS:") + machine;
        expected << QStringLiteral("IP Address:127.0.0.1") << QStringLiteral("IP Address:::1");
        QCOMPARE(names, expected);
    }

    void keyFileIsOwnerOnly_data()
    {
        QTest::addColumn<int>("umask");
        QTest::newRow("umask 022") << 0022;
        QTest::newRow("umask 000") << 0000;
        QTest::newRow("umask 077") << 0077;
        QTest::newRow("umask 277 (removes owner read)") << 0277;
    }
    void keyFileIsOwnerOnly()
    {
        QFETCH(int, umask);
        const UmaskGuard guard(static_cast<mode_t>(umask));
        IdentityStore store(storeDirectory());
        const auto identity = store.loadOrCreate(QStringLiteral("alice"));
        QVERIFY2(identity.ok(), qPrintable(identity.error()));
        QCOMPARE(modeOf(store.keyPath()), 0600);
    }

    void createdDirectoryIsOwnerOnly_data()
    {
        QTest::addColumn<int>("umask");
        QTest::newRow("umask 022") << 0022;
        QTest::newRow("umask 277 (removes owner write)") << 0277;
    }
    void createdDirectoryIsOwnerOnly()
    {
        QFETCH(int, umask);
        const UmaskGuard guard(static_cast<mode_t>(umask));
        IdentityStore store(storeDirectory());
        QVERIFY(store.loadOrCreate(QStringLiteral("alice")).ok());
        QCOMPARE(modeOf(storeDirectory()), 0700);
    }

    // A key file someone loosened (chmod 644) is tightened when it is rewritten.
    void rewrittenKeyFileIsOwnerOnly()
    {
        IdentityStore store(storeDirectory());
        QVERIFY(store.loadOrCreate(QStringLiteral("alice")).ok());
        QVERIFY(QFile::setPermissions(store.keyPath(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                | QFileDevice::ReadOther));
        QCOMPARE(modeOf(store.keyPath()), 0644);
        const auto identity = store.load();
        QVERIFY(store.save(identity.value()).ok());
        QCOMPARE(modeOf(store.keyPath()), 0600);
    }

    void savedIdentityLoadsBack_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::newRow("EC with chain")
            << certs(QStringLiteral("host-chain.pem")) << certs(QStringLiteral("host.key"));
        QTest::newRow("RSA") << certs(QStringLiteral("host-rsa.pem"))
                             << certs(QStringLiteral("host-rsa.key"));
    }
    void savedIdentityLoadsBack()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        const auto original = Identity::fromPemFiles(certificate, key);
        QVERIFY2(original.ok(), qPrintable(original.error()));
        IdentityStore store(storeDirectory());
        const auto saved = store.save(original.value());
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        const auto loaded = store.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(loaded->fingerprint(), original->fingerprint());
        QCOMPARE(loaded->chain(), original->chain());
        QCOMPARE(loaded->privateKey().toDer(), original->privateKey().toDer());
    }

    void loadWithoutIdentityFails()
    {
        const auto identity = IdentityStore(storeDirectory()).load();
        QVERIFY(!identity.ok());
        QCOMPARE(identity.error(), QStringLiteral("no identity is stored in %1").arg(storeDirectory()));
    }

    // A damaged identity is reported, and left in place for the person to inspect.
    void brokenIdentityIsNotReplaced()
    {
        IdentityStore store(storeDirectory());
        QVERIFY(store.loadOrCreate(QStringLiteral("alice")).ok());
        QVERIFY(QFile::remove(store.certificatePath()));
        QVERIFY(QFile::copy(certs(QStringLiteral("client.pem")), store.certificatePath()));
        const auto identity = store.loadOrCreate(QStringLiteral("alice"));
        QVERIFY(!identity.ok());
        QCOMPARE(identity.error(),
            QStringLiteral("key file %1 does not match certificate file %2")
                .arg(store.keyPath(), store.certificatePath()));
        QCOMPARE(fingerprintOfFile(store.certificatePath()),
            fingerprintOfFile(certs(QStringLiteral("client.pem"))));
    }

    void regenerateKeepsBackup()
    {
        IdentityStore store(storeDirectory());
        const auto old = store.loadOrCreate(QStringLiteral("alice"));
        QVERIFY(old.ok());
        const auto kept = store.regenerate(QStringLiteral("alice"));
        QVERIFY2(kept.ok(), qPrintable(kept.error()));
        const auto current = store.load();
        QVERIFY2(current.ok(), qPrintable(current.error()));
        QVERIFY(current->fingerprint() != old->fingerprint());

        const QStringList certificates = backups(storeDirectory(), QStringLiteral(".pem"));
        const QStringList keys = backups(storeDirectory(), QStringLiteral(".key"));
        QCOMPARE(certificates.size(), 1);
        QCOMPARE(keys.size(), 1);
        const QString backupCertificate = QDir(storeDirectory()).filePath(certificates.first());
        const QString backupKey = QDir(storeDirectory()).filePath(keys.first());
        QCOMPARE(kept.value(), backupCertificate);
        QCOMPARE(QFileInfo(backupKey).completeBaseName(), QFileInfo(backupCertificate).completeBaseName());
        QCOMPARE(modeOf(backupKey), 0600);
        const auto backup = Identity::fromPemFiles(backupCertificate, backupKey);
        QVERIFY2(backup.ok(), qPrintable(backup.error()));
        QCOMPARE(backup->fingerprint(), old->fingerprint());
    }

    void regenerateWithoutIdentityKeepsNothing()
    {
        IdentityStore store(storeDirectory());
        const auto kept = store.regenerate(QStringLiteral("alice"));
        QVERIFY2(kept.ok(), qPrintable(kept.error()));
        QCOMPARE(kept.value(), QString());
        QVERIFY(store.load().ok());
        QVERIFY(backups(storeDirectory(), QStringLiteral(".pem")).isEmpty());
    }

    void quickRegenerationsKeepEveryBackup()
    {
        IdentityStore store(storeDirectory());
        QVERIFY(store.loadOrCreate(QStringLiteral("alice")).ok());
        QVERIFY(store.regenerate(QStringLiteral("alice")).ok());
        QVERIFY(store.regenerate(QStringLiteral("alice")).ok());
        QCOMPARE(backups(storeDirectory(), QStringLiteral(".pem")).size(), 2);
        QCOMPARE(backups(storeDirectory(), QStringLiteral(".key")).size(), 2);
    }

    void importReplacesAndKeepsBackup_data()
    {
        QTest::addColumn<bool>("pkcs12");
        QTest::newRow("PEM") << false;
        QTest::newRow("PKCS#12") << true;
    }
    void importReplacesAndKeepsBackup()
    {
        QFETCH(bool, pkcs12);
        const auto imported = pkcs12
            ? Identity::fromPkcs12(certs(QStringLiteral("host.p12")), QByteArrayLiteral("p12 secret"))
            : Identity::fromPemFiles(
                certs(QStringLiteral("host-chain.pem")), certs(QStringLiteral("host.key")));
        QVERIFY2(imported.ok(), qPrintable(imported.error()));
        IdentityStore store(storeDirectory());
        const auto old = store.loadOrCreate(QStringLiteral("alice"));
        QVERIFY(old.ok());
        const auto status = store.importFrom(imported.value());
        QVERIFY2(status.ok(), qPrintable(status.error()));
        const auto loaded = store.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(loaded->fingerprint(), fingerprintOfFile(certs(QStringLiteral("host.pem"))));
        QCOMPARE(loaded->chain().size(), 2);
        QCOMPARE(modeOf(store.keyPath()), 0600);
        const QStringList certificates = backups(storeDirectory(), QStringLiteral(".pem"));
        QCOMPARE(certificates.size(), 1);
        QCOMPARE(
            fingerprintOfFile(QDir(storeDirectory()).filePath(certificates.first())), old->fingerprint());
    }

    void importOfNothingFails()
    {
        const auto status = IdentityStore(storeDirectory()).importFrom(Identity());
        QVERIFY(!status.ok());
        QCOMPARE(status.error(), QStringLiteral("there is no identity to import"));
    }

    void exportWritesOnlyTheCertificate()
    {
        IdentityStore store(storeDirectory());
        const auto identity = store.loadOrCreate(QStringLiteral("alice"));
        QVERIFY(identity.ok());
        const QString path = m_scratch->filePath(QStringLiteral("alice.pem"));
        const auto status = store.exportCertificate(path);
        QVERIFY2(status.ok(), qPrintable(status.error()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY(!contents.contains("PRIVATE KEY"));
        QCOMPARE(QSslCertificate::fromData(contents), QList<QSslCertificate> { identity->certificate() });
    }

    void exportWithoutIdentityFails()
    {
        const auto status
            = IdentityStore(storeDirectory()).exportCertificate(m_scratch->filePath(QStringLiteral("x.pem")));
        QVERIFY(!status.ok());
        QCOMPARE(status.error(), QStringLiteral("no identity is stored in %1").arg(storeDirectory()));
    }
};

QTEST_GUILESS_MAIN(TestIdentityStore)
#include "tst_identitystore.moc"
