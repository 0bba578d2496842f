// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat::cli {

/// What the CLI prints: chat on stdout, status and errors on stderr, one line each, flushed at
/// once (another program may be reading), and neutralised so no peer can drive the terminal.
class Console final {
public:
    static void message(const QString& from, const QString& text);
    static void line(const QString& text); ///< a line from a text-mode host, as it came
    static void notice(const QString& text); ///< "* text" on stdout
    static void status(const QString& text); ///< stderr
    static void error(const QString& text); ///< "securechat-cli: text" on stderr
};

} // namespace securechat::cli
