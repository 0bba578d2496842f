// SPDX-License-Identifier: MIT
#pragma once

#include "history/historymessage.h"

#include <QByteArray>

namespace securechat {

/// Turns stored messages into export lines (UTF-8), one message at a time so a long history
/// is streamed, not held.
///
/// Plain text: "[2026-12-07 10:00:00] bob: text" with the time in UTC. The lines after the
/// first of a multi-line message are indented by two spaces, so no message line can pass for
/// the start of another message.
/// JSON lines: one compact object per message, keys in this order: time (ISO-8601 UTC with
/// milliseconds), sender, fingerprint, direction ("in" or "out"), text (verbatim, JSON-escaped).
class HistoryExporter final {
public:
    static QByteArray textLine(const HistoryMessage& message);
    static QByteArray jsonLine(const HistoryMessage& message);
};

} // namespace securechat
