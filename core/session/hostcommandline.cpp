// SPDX-License-Identifier: MIT
#include "session/hostcommandline.h"

#include <QRegularExpression>

namespace securechat {

std::optional<HostCommandLine> HostCommandLine::parse(const QString& line)
{
    static const QRegularExpression command(
        QStringLiteral("^/(kick|block|admit|always|refuse) +(\\S+)(?: +(.*))?$"));
    const QRegularExpressionMatch match = command.match(line.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    static const QHash<QString, Verb> verbs {
        { QStringLiteral("kick"), Verb::Kick },
        { QStringLiteral("block"), Verb::Block },
        { QStringLiteral("admit"), Verb::Admit },
        { QStringLiteral("always"), Verb::Always },
        { QStringLiteral("refuse"), Verb::Refuse },
    };
    HostCommandLine parsed;
    parsed.verbName = match.captured(1);
    parsed.verb = verbs.value(parsed.verbName);
    parsed.target = match.captured(2);
    parsed.reason = match.captured(3).trimmed();
    return parsed;
}

} // namespace securechat
