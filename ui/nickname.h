// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QObject;
class QSettings;
class QValidator;

namespace securechat {

/// The person's nickname as the dialogs and the command line pick it.
class Nickname final {
public:
    Nickname() = delete;

    /// What the host accepts: 1 to 32 characters, no spaces, "<", ">" or "*" (core's rule).
    static constexpr int MaxLength = 32;
    static bool isValid(const QString& nick);
    /// Rejects what isValid() rejects while the person types.
    static QValidator* validator(QObject* parent);
    /// The nickname in the settings, else the login name, else "guest".
    static QString preferred(const QSettings& settings);
};

} // namespace securechat
