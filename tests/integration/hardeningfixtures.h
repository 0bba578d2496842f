// SPDX-License-Identifier: MIT
#pragma once

#include "chatclient.h"
#include "chathost.h"

#include <memory>

namespace securechat::test {

/// Limits small enough that every hardening test runs in seconds; a test changes the one it is about.
SessionLimits fastLimits();

/// A ChatClient of `host` that has joined (fails the whole test run if it cannot).
std::unique_ptr<ChatClient> joinedClient(const ChatHost& host, const QString& nick);

/// The nicknames in the host's roster, the host first.
QStringList rosterOf(const ChatHost& host);

} // namespace securechat::test
