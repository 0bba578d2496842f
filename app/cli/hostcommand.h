// SPDX-License-Identifier: MIT
#pragma once

#include "cliarguments.h"

#include <QObject>

#include <memory>

namespace securechat {
class ChatHost;
struct HostOptions;
}

namespace securechat::cli {

/// `securechat-cli host`: hosts a session; stdin lines are the host's messages. Runs until
/// SIGINT or SIGTERM, then says goodbye to every peer and closes gracefully.
class HistoryRecorder;

class HostCommand final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostCommand)

public:
    explicit HostCommand(HostArguments arguments, QObject* parent = nullptr);
    ~HostCommand() override;

    /// Returns an exit status if it could not start, or -1 once it is starting: a loopback
    /// handshake proves the TLS configuration first, then the host listens.
    int start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void startHost(const HostOptions& options);
    void watchHost();
    void announce(const HostOptions& options);

    HostArguments m_arguments;
    ChatHost* m_host = nullptr;
    std::unique_ptr<HistoryRecorder> m_history;
};

} // namespace securechat::cli
