// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

class QAbstractSocket;
class QSocketNotifier;

namespace securechat {

/// Ends a TCP connection the way a careful server does: once Qt has sent everything and closed its
/// socket, this side sends its FIN and reads, discarding it, whatever the peer still sends, until
/// the peer closes too or the bound passes.
///
/// Qt closes a socket's descriptor outright. With input still unread, the kernel then answers with
/// a reset, and a peer that is still sending takes the reset as the end and drops what it has not
/// read yet: our last words before a close, or the TLS alert that says why its handshake failed
/// (stock `openssl s_server` lingers the same way). Qt has no half-close, so this keeps a
/// duplicate of the descriptor, taken before Qt closes its own. POSIX only; elsewhere Qt's close
/// stands as it is.
class LingeringClose final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LingeringClose)

public:
    /// Call before Qt closes the socket (before disconnectFromHost(), or while a failed handshake
    /// reports its error). The lingering starts when the socket reports disconnected() or goes
    /// away; it lives on its own and ends within `bound`.
    static void follow(QAbstractSocket& socket, std::chrono::milliseconds bound);

    ~LingeringClose() override;

private:
    LingeringClose(int descriptor, std::chrono::milliseconds bound);
    void start();
    void drain();
    void finish();

    int m_descriptor;
    std::unique_ptr<QSocketNotifier> m_notifier;
    QTimer m_bound;
    bool m_started = false;
};

} // namespace securechat
