// SPDX-License-Identifier: MIT
#include "tcprelay.h"

namespace securechat::test {

TcpRelay::TcpRelay(quint16 hostPort, QObject* parent)
    : QObject(parent)
    , m_hostPort(hostPort)
{
    if (!m_server.listen(QHostAddress::LocalHost))
        qFatal("relay cannot listen: %s", qPrintable(m_server.errorString()));
    connect(&m_server, &QTcpServer::newConnection, this, &TcpRelay::onClientConnected);
}

TcpRelay::~TcpRelay()
{
    // The sockets go after this body: one closing must not run a handler that reaches the other,
    // already half destroyed.
    if (m_client)
        m_client->disconnect(this);
    if (m_upstream)
        m_upstream->disconnect(this);
}

void TcpRelay::onClientConnected()
{
    QTcpSocket* client = m_server.nextPendingConnection();
    if (m_client) {
        client->abort(); // one relayed connection per relay
        return;
    }
    m_client = client;
    auto* upstream = new QTcpSocket(this);
    m_upstream = upstream;
    connect(upstream, &QTcpSocket::readyRead, this, [this] {
        if (m_blackhole)
            return; // left in the kernel's buffers: the host sees its data go nowhere
        m_bytesFromHost += m_upstream->bytesAvailable();
        if (m_muteHost)
            m_upstream->readAll();
        else
            forward(m_upstream, m_client);
    });
    connect(upstream, &QTcpSocket::connected, this, [this] { forward(m_client, m_upstream); });
    connect(upstream, &QTcpSocket::disconnected, this, [this] {
        m_hostClosed = true;
        if (m_client && !m_blackhole)
            m_client->disconnectFromHost();
    });
    // The client's bytes wait in this socket until the host connection is up.
    upstream->connectToHost(QHostAddress::LocalHost, m_hostPort);
    connect(client, &QTcpSocket::readyRead, this, [this] {
        if (!m_blackhole && m_upstream->state() == QAbstractSocket::ConnectedState)
            forward(m_client, m_upstream);
    });
    connect(client, &QTcpSocket::disconnected, this, [this] {
        if (m_blackhole || m_holdOpen)
            return;
        forward(m_client, m_upstream);
        m_upstream->disconnectFromHost();
    });
}

void TcpRelay::cut()
{
    QTcpSocket* client = m_client;
    m_client = nullptr;
    m_muteHost = false;
    if (client) {
        client->disconnect(this);
        client->abort();
        client->deleteLater();
    }
    if (m_upstream) {
        m_upstream->disconnect(this);
        m_upstream->abort();
        m_upstream->deleteLater();
    }
}

void TcpRelay::freeze()
{
    // Forgotten but not closed: both sockets stay open until the relay goes, and what arrives on
    // them is read into their buffers and never forwarded.
    if (m_client)
        m_client->disconnect(this);
    if (m_upstream)
        m_upstream->disconnect(this);
    m_client = nullptr;
    m_upstream = nullptr;
}

void TcpRelay::forward(QTcpSocket* from, QTcpSocket* to)
{
    if (from && to)
        to->write(from->readAll());
}

} // namespace securechat::test
