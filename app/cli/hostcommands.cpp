// SPDX-License-Identifier: MIT
#include "hostcommands.h"

#include "console.h"
#include "session/chathost.h"
#include "session/hostcommandline.h"
#include "tr.h"

namespace securechat::cli {

bool HostCommands::run(const QString& line)
{
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

QString HostCommands::howToAnswer(int requestId)
{
    return Tr::tr(
        "type /admit %1 to let them in once, /always %1 to always admit them, or /refuse %1 [reason]")
        .arg(requestId);
}

} // namespace securechat::cli
