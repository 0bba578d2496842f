// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/protocol.h"

#include <QByteArray>

namespace securechat {

/// How a session looks to a text-mode peer (openssl s_client, ncat, a Python ssl socket): each
/// frame becomes one readable line, or nothing when it carries no news for a person.
///
///   msg    ->  <nick> text
///   join   ->  * nick joined
///   leave  ->  * nick left (reason)
///   nick   ->  * old is now known as new
///   roster ->  * in this session: a, b (verified by the host), c
///   bye    ->  * the session is closing: reason
///   error  ->  ! text
/// Nicknames and text are neutralised (TextSanitizer), so no peer can drive another's terminal.
class TextModeFormat final {
public:
    static QByteArray render(const Frame& frame);
    /// What a text-mode peer is told when the host marks nick verified (a structured peer gets
    /// the roster again): "* nick is verified by the host (safety number compared)".
    static QByteArray verified(const QString& nick);
    /// A text-mode line that asks for a rename: "/nick NAME". Returns the name, or empty.
    static QString renameRequest(const QString& line);
};

} // namespace securechat
