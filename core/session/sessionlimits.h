// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <chrono>

namespace securechat {

/// Every bound a session enforces (docs/security.md "Limits"); the defaults are the documented ones.
struct SessionLimits final {
    qsizetype maxLineBytes = 64 * 1024;
    int maxPeers = 64;
    std::chrono::milliseconds handshakeTimeout { 10'000 };
    int maxHandshakesPerAddress = 8;
    int maxHandshakes = 256; ///< in progress, from all addresses together
    int maxWaiting = 16; ///< people waiting for the host's answer to join (admission "ask")
    int maxWaitingPerAddress = 4;
    std::chrono::milliseconds waitTimeout { 120'000 }; ///< unanswered, a request is refused

    qint64 maxOutboundBytes = 4 * 1024 * 1024; ///< a hard cap; backpressure keeps queues far below it
    /// A recipient's queue past this holds back the senders filling it, until it is half as long.
    qint64 outboundHighWater = 1024 * 1024;
    /// A recipient holding back senders whose queue takes nothing for this long is dropped.
    std::chrono::milliseconds stallTimeout { 30'000 };
    /// A participant's sustained sending rate, past a burst of RateBurstSeconds' worth: faster is
    /// slowed down (not read from for a while), never dropped. Pasting a long log still works.
    int maxLinesPerSecond = 500;
    qint64 maxBytesPerSecond = 1024 * 1024;
    static constexpr int RateBurstSeconds = 5;
    std::chrono::milliseconds idleBeforePing { 60'000 };
    std::chrono::milliseconds pongTimeout { 30'000 };
    std::chrono::milliseconds closeTimeout { 5'000 };
};

} // namespace securechat
