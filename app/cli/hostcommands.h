// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat {
class ChatHost;
}

namespace securechat::cli {

/// The host's own commands, typed where its messages are:
///   /kick NICK [REASON]     remove a participant, telling it why
///   /block NICK [REASON]    remove it and refuse its certificate from then on
///   /admit N, /always N     let request N in (always: remember its certificate)
///   /refuse N [REASON]      turn request N away
/// Anything else, including other lines that start with "/", is a message.
class HostCommands final {
public:
    explicit HostCommands(ChatHost& host)
        : m_host(host)
    {
    }

    /// Runs `line` if it is one of the commands (reporting the outcome); false if it is a message.
    bool run(const QString& line);

    /// The line that tells the person how to answer a request.
    static QString howToAnswer(int requestId);

private:
    ChatHost& m_host;
};

} // namespace securechat::cli
