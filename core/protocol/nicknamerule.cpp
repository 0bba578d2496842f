// SPDX-License-Identifier: MIT
#include "protocol/nicknamerule.h"

#include <QStringList>

#include <algorithm>

namespace securechat {

namespace {

    bool isReserved(QChar c)
    {
        return c == u'<' || c == u'>' || c == u'*';
    }

    bool isAllowed(QChar c)
    {
        return !c.isSpace() && c.isPrint() && !isReserved(c);
    }

} // namespace

bool NicknameRule::isValid(const QString& nick)
{
    return !nick.isEmpty() && nick.size() <= MaxLength && std::all_of(nick.cbegin(), nick.cend(), isAllowed);
}

QString NicknameRule::problem(const QString& nick)
{
    if (isValid(nick))
        return {};
    const QString rule
        = tr("A nickname has 1 to %1 characters, without spaces, “<”, “>”, “*” or control characters.")
              .arg(MaxLength);
    QStringList found;
    if (std::any_of(nick.cbegin(), nick.cend(), [](QChar c) { return c.isSpace(); }))
        found << tr("a space");
    for (const QChar reserved : { u'<', u'>', u'*' }) {
        if (nick.contains(reserved))
            found << QStringLiteral("“%1”").arg(reserved);
    }
    if (std::any_of(nick.cbegin(), nick.cend(), [](QChar c) { return !c.isSpace() && !c.isPrint(); }))
        found << tr("a control character");
    if (!found.isEmpty())
        return rule + u' ' + tr("This one has %1.").arg(found.join(QStringLiteral(", ")));
    if (nick.size() > MaxLength)
        return rule + u' ' + tr("This one has %n characters.", nullptr, static_cast<int>(nick.size()));
    return rule;
}

QString NicknameRule::accountNameOr(const QString& fallback)
{
    for (const char* variable : { "USER", "LOGNAME", "USERNAME" }) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return isValid(name) ? name : fallback;
    }
    return fallback;
}

} // namespace securechat
