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
    static const QRegularExpression whole(QRegularExpression::anchoredPattern(pattern().pattern()));
    return whole.match(nick).hasMatch()
        && std::all_of(nick.cbegin(), nick.cend(), [](QChar c) { return c.isPrint(); });
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
