// SPDX-License-Identifier: MIT
#include "hostcommands.h"

#include "console.h"
#include "safetynumberline.h"
#include "session/chathost.h"
#include "session/hostcommandline.h"
#include "tls/certificatedetails.h"
#include "tr.h"

namespace securechat::cli {

bool HostCommands::run(const QString& line)
{
    // Nicknames have no spaces: "/verify NICK" and "/verify confirm NICK" are told apart by counting,
    // and "/verify confirm" is someone called "confirm" only if there is one.
    const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
    if (words.value(0) == QLatin1String("/verify")) {
        const bool confirmWithoutNick = words.size() == 2 && words.at(1) == QLatin1String("confirm")
            && m_host.certificateChainOf(words.at(1)).isEmpty();
        if (words.size() == 2 && !confirmWithoutNick)
            printSafetyNumber(words.at(1));
        else if (words.size() == 3 && words.at(1) == QLatin1String("confirm"))
            markVerified(words.at(2));
        else
            Console::error(
                Tr::tr("/verify NICK prints the safety number to compare with NICK; /verify confirm "
                       "NICK remembers NICK as verified once the numbers match"));
        return true;
    }
    const std::optional<HostCommandLine> command = HostCommandLine::parse(line);
    if (!command)
        return false;
    Status outcome = succeeded();
    if (command->removes()) {
        outcome
            = m_host.remove(command->target, command->reason, command->verb == HostCommandLine::Verb::Block);
    } else {
        bool isNumber = false;
        const int requestId = command->target.toInt(&isNumber);
        if (!isNumber)
            outcome = Status::failure(
                Tr::tr("/%1 takes the number of a request, e.g. /%1 1").arg(command->verbName));
        else if (command->verb == HostCommandLine::Verb::Refuse)
            outcome = m_host.refuse(requestId, command->reason);
        else
            outcome = m_host.admit(requestId, command->verb == HostCommandLine::Verb::Always);
    }
    if (!outcome)
        Console::error(outcome.error());
    return true;
}

void HostCommands::printSafetyNumber(const QString& nick)
{
    const QList<QSslCertificate> chain = m_host.certificateChainOf(nick);
    if (chain.isEmpty()) {
        Console::error(Tr::tr("/verify NICK: no participant %1 with a certificate").arg(nick));
        return;
    }
    Console::status(safetyNumberLine(nick, CertificateDetails::parseFingerprint(m_host.fingerprint()),
        chain.constFirst().digest(QCryptographicHash::Sha256)));
    Console::status(
        Tr::tr("if %1 reads the same number, type /verify confirm %1 to remember them as verified")
            .arg(nick));
}

void HostCommands::markVerified(const QString& nick)
{
    if (const Status marked = m_host.markVerified(nick); !marked) {
        Console::error(marked.error());
        return;
    }
    Console::status(Tr::tr("you verified %1 with the safety number; their certificate is admitted without a "
                           "question from now on, and another one under this name is warned about")
                        .arg(nick));
}

QString HostCommands::howToAnswer(int requestId)
{
    return Tr::tr(
        "type /admit %1 to let them in once, /always %1 to always admit them, or /refuse %1 [reason]")
        .arg(requestId);
}

} // namespace securechat::cli
