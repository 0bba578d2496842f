// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

namespace securechat {

/// One of the host's own commands, typed where its messages are (the window and the CLI):
///   /kick NICK [REASON]     remove a participant, telling it why
///   /block NICK [REASON]    remove it and refuse its certificate from then on
///   /admit N, /always N     let request N in (always: remember its certificate)
///   /refuse N [REASON]      turn request N away
struct HostCommandLine final {
    enum class Verb { Kick, Block, Admit, Always, Refuse };

    Verb verb = Verb::Kick;
    QString verbName; ///< as typed, e.g. "kick", for messages about it
    QString target; ///< a nickname, or the number of a request
    QString reason; ///< may be empty

    /// The command in `line`, or none if the line is a message (including other "/..." lines).
    static std::optional<HostCommandLine> parse(const QString& line);
    /// Whether it removes a participant (kick or block) rather than answers a request.
    bool removes() const { return verb == Verb::Kick || verb == Verb::Block; }
};

} // namespace securechat
