// SPDX-License-Identifier: MIT
#include "trust/identitystore.h"

#include "tls/identitygenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>
#include <QSysInfo>

#include <utility>

namespace securechat {

namespace {

    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

    QString certificateName(const QString& base)
    {
        return base + QStringLiteral(".pem");
    }
    QString keyName(const QString& base)
    {
        return base + QStringLiteral(".key");
    }

    // Writes data to path atomically (QSaveFile). A secret file is 0600 before its first byte:
    // Qt 6.4's QSaveFile creates its temporary file 0600 only when the target already exists,
    // otherwise 0666 minus umask (on Linux an unnamed O_TMPFILE, but a named file where that is
    // unsupported, and an fd opened in that window stays readable after a chmod). So a missing
    // target is first created empty with 0600, which a umask can only narrow, and the explicit
    // setPermissions then undoes any such narrowing.
    Status writeFile(const QString& path, const QByteArray& data, bool secret)
    {
        bool placeholder = false;
        if (secret) {
            QFile target(path);
            placeholder = !target.exists();
            const bool ready = placeholder ? target.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly)
                                           : target.setPermissions(ownerOnly);
            if (!ready)
                return Status::failure(
                    IdentityStore::tr("cannot write %1: %2").arg(path, target.errorString()));
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || (secret && !file.setPermissions(ownerOnly))
            || file.write(data) != data.size() || !file.commit()) {
            if (placeholder)
                QFile::remove(path); // leave no empty key file behind
            return Status::failure(IdentityStore::tr("cannot write %1: %2").arg(path, file.errorString()));
        }
        return succeeded();
    }

    Result<Identity> generateFor(const QString& nickname)
    {
        // Peers trust a generated identity by its pinned fingerprint, not by name; the names
        // make CA-style checks pass for this machine's own names.
        QStringList names { QStringLiteral("localhost") };
        const QString machine = QSysInfo::machineHostName().toLower();
        if (machine != names.constFirst() && IdentityGenerator::isValidHostName(machine))
            names << machine;
        return IdentityGenerator::generate(nickname, names,
            { QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6) });
    }

} // namespace

IdentityStore::IdentityStore(QString directory)
    : m_directory(std::move(directory))
{
}

QString IdentityStore::certificatePath() const
{
    return QDir(m_directory).filePath(certificateName(QStringLiteral("identity")));
}

QString IdentityStore::keyPath() const
{
    return QDir(m_directory).filePath(keyName(QStringLiteral("identity")));
}

Result<Identity> IdentityStore::load() const
{
    if (!QFileInfo::exists(certificatePath()) && !QFileInfo::exists(keyPath()))
        return Result<Identity>::failure(
            IdentityStore::tr("no identity is stored in %1").arg(QDir::toNativeSeparators(m_directory)));
    return Identity::fromPemFiles(certificatePath(), keyPath());
}

Result<Identity> IdentityStore::loadOrCreate(const QString& nickname)
{
    if (QFileInfo::exists(certificatePath()) || QFileInfo::exists(keyPath()))
        return load();
    Result<Identity> identity = generateFor(nickname);
    if (!identity)
        return identity;
    if (const Status saved = save(identity.value()); !saved)
        return Result<Identity>::failure(saved.error());
    return identity;
}

Status IdentityStore::save(const Identity& identity)
{
    if (identity.isNull())
        return Status::failure(IdentityStore::tr("there is no identity to save"));
    QByteArray key = identity.privateKey().toPem();
    if (key.isEmpty())
        return Status::failure(IdentityStore::tr("the private key cannot be written as PEM"));
    QByteArray chain;
    for (const QSslCertificate& certificate : identity.chain())
        chain += certificate.toPem();
    Status status = ensureDirectory();
    // The key goes first: a crash in between leaves a pair that fails to load with a clear
    // "does not match" message, never a certificate whose key is lost.
    if (status)
        status = writeFile(keyPath(), key, true);
    key.fill('\0');
    if (status)
        status = writeFile(certificatePath(), chain, false);
    return status;
}

Result<QString> IdentityStore::regenerate(const QString& nickname)
{
    const Result<Identity> identity = generateFor(nickname);
    if (!identity)
        return Result<QString>::failure(identity.error());
    Result<QString> backup = replaceWith(identity.value());
    if (!backup || backup->isEmpty())
        return backup;
    const QString certificate = certificateName(backup.value());
    return Result<QString>::success(QFileInfo::exists(certificate) ? certificate : keyName(backup.value()));
}

Status IdentityStore::importFrom(const Identity& identity)
{
    if (identity.isNull())
        return Status::failure(IdentityStore::tr("there is no identity to import"));
    const Result<QString> replaced = replaceWith(identity);
    return replaced ? succeeded() : Status::failure(replaced.error());
}

Status IdentityStore::exportCertificate(const QString& path) const
{
    const Result<Identity> identity = load();
    if (!identity)
        return Status::failure(identity.error());
    return writeFile(path, identity->certificate().toPem(), false);
}

Status IdentityStore::ensureDirectory() const
{
    const QFileInfo info(m_directory);
    if (info.isDir())
        return succeeded();
    // Parents get the usual permissions; the directory holding the key is the owner's alone.
    // The explicit chmod undoes a umask that took the owner's own rights away.
    constexpr auto ownerOnlyDirectory = ownerOnly | QFileDevice::ExeOwner;
    if (!info.absoluteDir().mkpath(QStringLiteral("."))
        || !QDir().mkdir(info.absoluteFilePath(), ownerOnlyDirectory)
        || !QFile::setPermissions(info.absoluteFilePath(), ownerOnlyDirectory))
        return Status::failure(
            IdentityStore::tr("cannot create directory %1").arg(QDir::toNativeSeparators(m_directory)));
    return succeeded();
}

Result<QString> IdentityStore::backUpExisting() const
{
    const bool hasCertificate = QFileInfo::exists(certificatePath());
    const bool hasKey = QFileInfo::exists(keyPath());
    if (!hasCertificate && !hasKey)
        return Result<QString>::success(QString());

    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString base = QDir(m_directory).filePath(QStringLiteral("identity-") + stamp);
    for (int n = 2; QFileInfo::exists(certificateName(base)) || QFileInfo::exists(keyName(base)); ++n)
        base = QDir(m_directory).filePath(QStringLiteral("identity-%1-%2").arg(stamp).arg(n));

    // Renaming keeps the key's 0600 permissions and never copies key material.
    if (hasCertificate && !QFile::rename(certificatePath(), certificateName(base)))
        return Result<QString>::failure(
            IdentityStore::tr("cannot back up %1 to %2").arg(certificatePath(), certificateName(base)));
    if (hasKey && !QFile::rename(keyPath(), keyName(base))) {
        if (hasCertificate)
            QFile::rename(certificateName(base), certificatePath());
        return Result<QString>::failure(
            IdentityStore::tr("cannot back up %1 to %2").arg(keyPath(), keyName(base)));
    }
    return Result<QString>::success(base);
}

void IdentityStore::restoreBackup(const QString& backupBase) const
{
    QFile::remove(certificatePath());
    QFile::remove(keyPath());
    if (backupBase.isEmpty())
        return;
    QFile::rename(certificateName(backupBase), certificatePath());
    QFile::rename(keyName(backupBase), keyPath());
}

// Returns the backup's base path (no extension), or "" when nothing was stored.
Result<QString> IdentityStore::replaceWith(const Identity& identity)
{
    Result<QString> backup = backUpExisting();
    if (!backup)
        return backup;
    if (const Status saved = save(identity); !saved) {
        restoreBackup(backup.value());
        return Result<QString>::failure(saved.error());
    }
    return backup;
}

} // namespace securechat
