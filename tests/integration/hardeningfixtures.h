// SPDX-License-Identifier: MIT
#pragma once

#include "rawpeer.h"
#include "session/chatclient.h"
#include "session/chathost.h"
#include "sessionharness.h"

#include <QSignalSpy>

#include <memory>

namespace securechat::test {

/// Limits small enough that every hardening test runs in seconds; a test changes the one it is about.
SessionLimits fastLimits();

/// A host (sessionharness.h's) with these limits.
std::unique_ptr<ChatHost> startFastHost(const SessionLimits& limits = fastLimits());

/// The data rows of a test run once with each kind of raw peer, in a column "mode".
void addRowPerPeerMode();

/// Joins `peer` (a structured one says hello); returns the nickname the host gave it, or an
/// empty string if it did not join within 5 s.
QString joinRawPeer(RawPeer& peer, ChatHost& host, RawPeer::Mode mode, const QString& nick);

/// The scene of a test about one peer that misbehaves: a host with fastLimits(), alice joined
/// (what she receives and whom she sees leave recorded), and a raw peer of `mode` that asked to
/// join as `nick`.
struct AliceAndARawPeer final {
    AliceAndARawPeer(RawPeer::Mode mode, const QString& nick);

    std::unique_ptr<ChatHost> host;
    std::unique_ptr<ChatClient> alice;
    Inbox aliceInbox;
    QSignalSpy aliceSawLeave;
    RawPeer peer;
    QString peerNick; ///< as the host gave it; empty if the peer did not join
};

/// The nicknames in the host's roster, the host first.
QStringList rosterOf(const ChatHost& host);

/// The host still serves the people already in the session: both directions work, alice is listed.
void verifySessionGoesOn(ChatHost& host, ChatClient& alice);

} // namespace securechat::test
