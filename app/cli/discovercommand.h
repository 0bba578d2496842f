// SPDX-License-Identifier: MIT
#pragma once

#include "cliarguments.h"

#include <QObject>

namespace securechat {
class SessionBrowser;
}

namespace securechat::cli {

/// `securechat-cli discover`: listens for sessions announced on the local network for a while,
/// then prints one line per session still there. Exits 3 when discovery is unavailable.
class DiscoverCommand final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoverCommand)

public:
    explicit DiscoverCommand(DiscoverArguments arguments, QObject* parent = nullptr);

    /// Returns -1: what is found comes after the timeout, through finished().
    int start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void printSessions();

    DiscoverArguments m_arguments;
    SessionBrowser* m_browser = nullptr;
};

} // namespace securechat::cli
