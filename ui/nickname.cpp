// SPDX-License-Identifier: MIT
#include "nickname.h"

#include "protocol/nicknamerule.h"
#include "settingsdialog.h"

#include <QSettings>

namespace securechat {

namespace {

    const QLatin1String TypedKey("connect/nickname");

    QString saved(const QSettings& settings)
    {
        return settings.value(SettingsDialog::nicknameKey).toString().trimmed();
    }

} // namespace

QString Nickname::preferred(const QSettings& settings)
{
    const QString stored = saved(settings);
    return NicknameRule::isValid(stored) ? stored : NicknameRule::accountNameOr(QStringLiteral("guest"));
}

bool Nickname::needsAsking(const QSettings& settings)
{
    return !NicknameRule::isValid(saved(settings));
}

void Nickname::save(QSettings& settings, const QString& nick)
{
    if (nick != saved(settings))
        settings.remove(TypedKey);
    settings.setValue(SettingsDialog::nicknameKey, nick);
}

QString Nickname::forConnecting(const QSettings& settings)
{
    return settings.value(TypedKey, preferred(settings)).toString();
}

void Nickname::keepTyped(QSettings& settings, const QString& nick)
{
    settings.setValue(TypedKey, nick);
}

void Nickname::forgetTyped(QSettings& settings, const QString& nick)
{
    if (settings.value(TypedKey).toString() == nick)
        settings.remove(TypedKey);
}

} // namespace securechat
