// SPDX-License-Identifier: MIT
#include "hostcommands.h"

#include "chathost.h"
#include "console.h"
#include "tr.h"

#include <QRegularExpression>

namespace securechat::cli {

bool HostCommands::run(const QString& line)
{
    static const QRegularExpression command(QStringLiteral("^/(kick|block|admit|always|refuse) +(\\S+)(?: +(.*))?$"));
    const QRegularExpressionMatch match = command.match(line.trimmed());
    if (!match.hasMatch())
        return false;
    const QString verb = match.captured(1);
    const QString target = match.captured(2);
    const QString reason = match.captured(3).trimmed();
    Status outcome = succeeded();
    if (verb == QLatin1String("kick") || verb == QLatin1String("block")) {
        outcome = m_host.remove(target, reason, verb == QLatin1String("block"));
    } else {
        bool isNumber = false;
        const int requestId = target.toInt(&isNumber);
        if (!isNumber)
            outcome = Status::failure(Tr::tr("/%1 takes the number of a request, e.g. /%1 1").arg(verb));
        else if (verb == QLatin1String("refuse"))
            outcome = m_host.refuse(requestId, reason);
        else
            outcome = m_host.admit(requestId, verb == QLatin1String("always"));
    }
    if (!outcome)
        Console::error(outcome.error());
    return true;
}

QString HostCommands::howToAnswer(int requestId)
{
    return Tr::tr("type /admit %1 to let them in once, /always %1 to always admit them, or /refuse %1 [reason]")
        .arg(requestId);
}

} // namespace securechat::cli
