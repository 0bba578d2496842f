// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "session/handshakequota.h"

#include <QHash>
#include <QHostAddress>
#include <QString>

#include <optional>

class QObject;

namespace securechat {

/// The listener's admission decisions, apart from its sockets: which connection may start a TLS
/// handshake (HandshakeQuota), the first reason each handshake in progress failed, and the one
/// line a connection dropped before it was handed out is reported with. TlsListener feeds it from
/// QSslServer's signals; tst_pendinghandshakes feeds it fake arrivals.
class PendingHandshakes final {
public:
    /// Identifies one connection (its socket) from accept until it is handed out or gone.
    using Key = const QObject*;

    /// A connection that was dropped before it could join: `who` is "ADDR:PORT".
    struct Rejection {
        QString who;
        QString reason;
    };

    explicit PendingHandshakes(int maxPerAddress);

    /// Takes a slot for a new connection from `address`, or says why it is refused. A slot taken
    /// is given back by cancel(), handedOut() or gone().
    Status admit(const QHostAddress& address);
    /// The admitted connection could not be taken after all (it closed at once).
    void cancel(const QHostAddress& address);
    /// The admitted connection's handshake has started.
    void track(Key connection, const QHostAddress& address, const QString& who);
    /// Records why the handshake failed; the first reason stands. False for an untracked one.
    bool fail(Key connection, const QString& reason);
    /// The handshake succeeded and the connection was handed out: nothing to report.
    void handedOut(Key connection);
    /// The connection went away before it was handed out: what to report, once.
    std::optional<Rejection> gone(Key connection);

    int inProgress() const { return static_cast<int>(m_tracked.size()); }

private:
    struct Handshake {
        QHostAddress address;
        QString who;
        QString failure; ///< why it failed, once known
    };

    HandshakeQuota m_quota;
    QHash<Key, Handshake> m_tracked;
};

} // namespace securechat
