// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace securechat::test {

/// A TCP relay between one client and the host that can fail the way networks and careless peers
/// do: stop forwarding in both directions while both connections stay open (a half-open
/// connection: a cable pulled, a NAT entry expired), keep the host's connection open after
/// the client has closed its own (close_notify sent, TCP never closed), lose what the host sends
/// while still forwarding what the client sends, cut both connections at once and then relay
/// the next one (a dropped connection, reconnected), or freeze the connection so that neither end
/// hears from the other or of its end, and relay the next one (a silent network the client gave
/// up on, before the host noticed).
class TcpRelay final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpRelay)

public:
    explicit TcpRelay(quint16 hostPort, QObject* parent = nullptr);
    ~TcpRelay() override;

    /// Where the client connects instead of the host.
    quint16 port() const { return m_server.serverPort(); }
    /// From now on nothing is forwarded either way, and nobody is told.
    void blackhole() { m_blackhole = true; }
    /// From now on what the host sends is lost; what the client sends still reaches the host.
    void muteHost() { m_muteHost = true; }
    /// Resets both connections now, as a network that went away would; the next client is relayed.
    void cut();
    /// Stops forwarding on the current connection, both ways, and keeps its two ends open whatever
    /// either peer does (nobody is told anything); the next client is relayed.
    void freeze();
    /// When the client closes, keep the host's connection open instead of closing it too.
    void holdHostConnectionOpen() { m_holdOpen = true; }
    /// The host closed its end of the relayed connection.
    bool hostClosed() const { return m_hostClosed; }
    /// Bytes the host sent, as they came (TLS records).
    qint64 bytesFromHost() const { return m_bytesFromHost; }

private:
    void onClientConnected();
    void forward(QTcpSocket* from, QTcpSocket* to);

    QTcpServer m_server;
    QPointer<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_upstream;
    quint16 m_hostPort;
    qint64 m_bytesFromHost = 0;
    bool m_blackhole = false;
    bool m_muteHost = false;
    bool m_holdOpen = false;
    bool m_hostClosed = false;
};

} // namespace securechat::test
