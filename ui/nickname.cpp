// SPDX-License-Identifier: MIT
#include "nickname.h"

#include "settingsdialog.h"

#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSettings>

namespace securechat {

namespace {

    QRegularExpression pattern()
    {
        return QRegularExpression(QStringLiteral("[^\\s<>*]{1,%1}").arg(Nickname::MaxLength));
    }

} // namespace

bool Nickname::isValid(const QString& nick)
{
    return Protocol::isValidNick(nick);
}

QValidator* Nickname::validator(QObject* parent)
{
    return new QRegularExpressionValidator(pattern(), parent);
}

QString Nickname::preferred(const QSettings& settings)
{
    const QString stored = settings.value(SettingsDialog::nicknameKey).toString().trimmed();
    if (isValid(stored))
        return stored;
    const QString login = qEnvironmentVariable("USER").trimmed();
    return isValid(login) ? login : QStringLiteral("guest");
}

} // namespace securechat
