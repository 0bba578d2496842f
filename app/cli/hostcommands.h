// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat {
class ChatHost;
}

namespace securechat::cli {

/// The host's own commands (see HostCommandLine), run on the host. Anything else, including
/// other lines that start with "/", is a message. `/verify NICK` prints the safety number,
/// `/verify confirm NICK` marks the participant verified once the numbers match.
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
    /// `/verify NICK`: the safety number the participant sees with its own `/verify`.
    void printSafetyNumber(const QString& nick);
    /// `/verify confirm NICK`: remembers its certificate as a verified known client.
    void markVerified(const QString& nick);

    ChatHost& m_host;
};

} // namespace securechat::cli
