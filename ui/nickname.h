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
    /// Saves a valid nickname (the caller checked it).
    static void save(QSettings& settings, const QString& nick);
};

} // namespace securechat
