// SPDX-License-Identifier: MIT
#include "identitysource.h"

#include "base/apppaths.h"
#include "tr.h"
#include "trust/identitystore.h"

#include <QFile>

namespace securechat::cli {

namespace {

    bool isPkcs12(const QString& path)
    {
        return path.endsWith(QStringLiteral(".p12"), Qt::CaseInsensitive)
            || path.endsWith(QStringLiteral(".pfx"), Qt::CaseInsensitive);
    }

} // namespace

Result<QByteArray> readPassphrase(const QString& path)
{
    if (path.isEmpty())
        return Result<QByteArray>::success({});
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(
            Tr::tr("cannot read the passphrase file %1: %2").arg(path, file.errorString()));
    QByteArray passphrase = file.readLine();
    while (passphrase.endsWith('\n') || passphrase.endsWith('\r'))
        passphrase.chop(1);
    return Result<QByteArray>::success(passphrase);
}

Result<QList<QSslCertificate>> readCertificates(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QList<QSslCertificate>>::failure(
            Tr::tr("cannot open the CA file %1: %2").arg(path, file.errorString()));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty())
        return Result<QList<QSslCertificate>>::failure(Tr::tr("%1 holds no PEM certificate").arg(path));
    return Result<QList<QSslCertificate>>::success(certificates);
}

Result<Identity> resolveIdentity(const CommonArguments& arguments, const QString& defaultNick)
{
    if (!arguments.certificateFile.isEmpty()) {
        const auto passphrase = readPassphrase(arguments.passphraseFile);
        if (!passphrase)
            return Result<Identity>::failure(passphrase.error());
        if (isPkcs12(arguments.certificateFile))
            return Identity::fromPkcs12(arguments.certificateFile, passphrase.value());
        return Identity::fromPemFiles(arguments.certificateFile, arguments.keyFile, passphrase.value());
    }
    IdentityStore store(AppPaths(arguments.configDir).identityDirectory());
    return store.loadOrCreate(arguments.nick.isEmpty() ? defaultNick : arguments.nick);
}

} // namespace securechat::cli
