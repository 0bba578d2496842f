// SPDX-License-Identifier: MIT
#include "nickname.h"

#include "protocol/nicknamerule.h"
#include "settingsdialog.h"

#include <QSettings>

namespace securechat {

namespace {

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
    settings.setValue(SettingsDialog::nicknameKey, nick);
}

} // namespace securechat
