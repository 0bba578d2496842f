// SPDX-License-Identifier: MIT
#include "identitycommand.h"

#include "base/apppaths.h"
#include "console.h"
#include "exitcode.h"
#include "identitysource.h"
#include "protocol/nicknamerule.h"
#include "tls/certificatedetails.h"
#include "tr.h"
#include "trust/identitystore.h"

namespace securechat::cli {

namespace {

    void show(const Identity& identity)
    {
        const CertificateDetails details = CertificateDetails::fromCertificate(identity.certificate());
        Console::line(Tr::tr("subject:     %1").arg(details.subject));
        Console::line(Tr::tr("issuer:      %1").arg(details.issuer));
        Console::line(Tr::tr("valid until: %1 (%2 days left)")
                          .arg(details.notAfter.toString(Qt::ISODate))
                          .arg(details.daysLeft));
        Console::line(Tr::tr("key:         %1 %2 bits").arg(details.keyAlgorithm).arg(details.keyBits));
        Console::line(
            Tr::tr("names:       %1").arg(details.subjectAlternativeNames.join(QStringLiteral(", "))));
        Console::line(Tr::tr("fingerprint: SHA256:%1")
                          .arg(CertificateDetails::groupedFingerprint(details.sha256Fingerprint)));
    }

    Result<Identity> importFiles(const QStringList& files, const QString& passphraseFile)
    {
        const auto passphrase = readPassphrase(passphraseFile);
        if (!passphrase)
            return Result<Identity>::failure(passphrase.error());
        if (files.size() == 1)
            return Identity::fromPkcs12(files.at(0), passphrase.value());
        return Identity::fromPemFiles(files.at(0), files.at(1), passphrase.value());
    }

} // namespace

int runIdentityCommand(const Invocation& invocation)
{
    const QStringList& arguments = invocation.positional;
    const QString action = arguments.value(0, QStringLiteral("show"));
    const CommonArguments& common = invocation.common;
    IdentityStore store(AppPaths(common.configDir).identityDirectory());
    const QString nick
        = common.nick.isEmpty() ? NicknameRule::accountNameOr(QStringLiteral("guest")) : common.nick;

    if (action == QStringLiteral("show") && arguments.size() <= 1) {
        const auto identity = store.loadOrCreate(nick);
        if (!identity) {
            Console::error(identity.error());
            return ExitFailure;
        }
        show(identity.value());
        return ExitOk;
    }
    if (action == QStringLiteral("new") && arguments.size() == 1) {
        const auto backup = store.regenerate(nick);
        if (!backup) {
            Console::error(backup.error());
            return ExitFailure;
        }
        if (!backup->isEmpty())
            Console::status(Tr::tr("the previous identity was kept in %1").arg(backup.value()));
        show(store.load().value());
        return ExitOk;
    }
    if (action == QStringLiteral("import") && (arguments.size() == 2 || arguments.size() == 3)) {
        const auto identity = importFiles(arguments.mid(1), common.passphraseFile);
        if (!identity) {
            Console::error(identity.error());
            return ExitFailure;
        }
        if (const Status imported = store.importFrom(identity.value()); !imported) {
            Console::error(imported.error());
            return ExitFailure;
        }
        show(identity.value());
        return ExitOk;
    }
    if (action == QStringLiteral("export") && arguments.size() == 2) {
        if (const auto identity = store.loadOrCreate(nick); !identity) {
            Console::error(identity.error());
            return ExitFailure;
        }
        if (const Status exported = store.exportCertificate(arguments.at(1)); !exported) {
            Console::error(exported.error());
            return ExitFailure;
        }
        Console::status(Tr::tr("certificate written to %1").arg(arguments.at(1)));
        return ExitOk;
    }
    Console::error(Tr::tr(
        "usage: securechat-cli identity [show | new | import CERT KEY | import FILE.p12 | export FILE]"));
    return ExitUsage;
}

} // namespace securechat::cli
