// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/protocol.h"

#include <QString>

class QObject;
class QSettings;
class QValidator;

namespace securechat {

/// The person's nickname as the dialogs and the command line pick it.
class Nickname final {
public:
    Nickname() = delete;

    static constexpr int MaxLength = static_cast<int>(Protocol::MaxNickLength);
    /// What the host accepts (Protocol::isValidNick).
    static bool isValid(const QString& nick);
    /// Rejects what isValid() rejects while the person types.
    static QValidator* validator(QObject* parent);
    /// The nickname in the settings, else the login name, else "guest".
    static QString preferred(const QSettings& settings);
};

} // namespace securechat
