// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat::cli {

/// What the CLI prints: chat on stdout, status and errors on stderr, one line each, neutralised
/// so no peer can drive the terminal.
///
/// stderr and a terminal get each line at once. Chat going to a pipe or file is flushed whenever
/// the event loop runs out of work instead (see flushWhenIdle): another program may be reading,
/// so it never waits longer than that, and a busy host does not pay a write() per message (those
/// writes were 100,000 of a relaying host's 106,000 system calls).
class Console final {
public:
    /// Call once the QCoreApplication exists, before the event loop starts.
    static void flushWhenIdle();

    static void message(const QString& from, const QString& text);
    static void line(const QString& text); ///< a line from a text-mode host, as it came
    static void notice(const QString& text); ///< "* text" on stdout
    static void status(const QString& text); ///< stderr
    static void error(const QString& text); ///< "securechat-cli: text" on stderr
};

} // namespace securechat::cli
