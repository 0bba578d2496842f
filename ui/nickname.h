// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QSettings;

namespace securechat {

/// The person's nickname as the app stores it (the rule itself is NicknameRule).
class Nickname final {
public:
    Nickname() = delete;

    /// The saved nickname when it is valid, else the login name when it is, else "guest".
    static QString preferred(const QSettings& settings);
    /// No valid nickname has been saved yet: the first start asks for one.
    static bool needsAsking(const QSettings& settings);
    /// Saves a valid nickname (the caller checked it). A new name replaces what was typed in
    /// Connect… for an attempt: the person chose who to be from now on.
    static void save(QSettings& settings, const QString& nick);

    /// The name Connect… offers: what was typed there for an attempt that has not joined (so
    /// that retrying it starts from exactly that), else preferred().
    static QString forConnecting(const QSettings& settings);
    /// Keeps what was typed in Connect… for retrying the attempt it was typed for.
    static void keepTyped(QSettings& settings, const QString& nick);
    /// An attempt with nick joined: Connect… offers the person's name again, unless something
    /// else was typed since.
    static void forgetTyped(QSettings& settings, const QString& nick);
};

} // namespace securechat
