// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QtGlobal>

#include <functional>

namespace securechat {

class HistoryStore;

/// Runs the purge (HistoryStore::purgeStep()) to its end, one short step after another, and
/// pauses after each step as long as it took: another connection's writer, whom SQLite makes poll
/// for the write lock, finds it free half of the time, so it waits about a step, not the purge.
class HistoryPurge final {
public:
    /// Until nothing is owed (true), stopRequested() is true between two steps (false: the rest
    /// is owed still), or a step fails (its reason). stepTaken hears how long each step held the
    /// file (nanoseconds).
    static Result<bool> run(HistoryStore& store, const std::function<bool()>& stopRequested,
        const std::function<void(qint64)>& stepTaken = {});
};

} // namespace securechat
