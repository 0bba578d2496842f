// SPDX-License-Identifier: MIT
#include "rawpeer.h"

#include "testcerts.h"
#include "tls/tlspolicy.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QTest>

#include <sys/socket.h>

namespace securechat::test {

namespace {

    // Qt 6.4 (OpenSSL backend) reports a received close_notify as RemoteHostClosedError with this
    // text; a TCP close without one carries the plain socket's "remote host closed" text instead.
    QString closeNotifyText()
    {
        return QCoreApplication::translate("QSslSocket", "The TLS/SSL connection has been closed");
    }

} // namespace

RawPeer::RawPeer(Mode mode, QObject* parent)
    : QObject(parent)
{
    QSslConfiguration configuration = TlsPolicy::clientConfiguration(caCertificates());
    if (mode == Mode::Text)
        configuration.setAllowedNextProtocols({});
    m_socket.setSslConfiguration(configuration);
    m_socket.setPeerVerifyName(QStringLiteral("localhost"));
    connect(&m_socket, &QSslSocket::readyRead, this, &RawPeer::onReadyRead);
    connect(&m_socket, &QSslSocket::disconnected, this, [this] {
        onReadyRead();
        m_disconnected = true;
    });
    connect(&m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::RemoteHostClosedError && m_socket.errorString() == closeNotifyText())
            m_closeNotify = true;
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            m_disconnected = true;
    });
}

RawPeer::~RawPeer()
{
    m_socket.abort();
}

void RawPeer::connectTo(quint16 port, const QHostAddress& source)
{
    if (!m_socket.bind(source))
        qFatal("cannot bind %s: %s", qPrintable(source.toString()), qPrintable(m_socket.errorString()));
    m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
}

bool RawPeer::waitEncrypted(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!m_socket.isEncrypted() && !m_disconnected && !deadline.hasExpired())
        QTest::qWait(5);
    return m_socket.isEncrypted();
}

QString RawPeer::join(const QString& nick, int timeoutMs)
{
    if (!waitEncrypted(timeoutMs))
        return {};
    sendFrame(Protocol::hello(nick, QStringLiteral("rawpeer")));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && !m_disconnected) {
        for (const Frame& frame : frames()) {
            if (frame.type == FrameType::Hello)
                return frame.nick;
        }
        QTest::qWait(5);
    }
    return {};
}

void RawPeer::sendRaw(const QByteArray& bytes)
{
    m_socket.write(bytes);
}

void RawPeer::sendFrame(const Frame& frame)
{
    m_socket.write(Protocol::encode(frame));
}

bool RawPeer::waitFlushed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.bytesToWrite() + m_socket.encryptedBytesToWrite() > 0 && !deadline.hasExpired())
        QTest::qWait(5);
    return m_socket.bytesToWrite() + m_socket.encryptedBytesToWrite() == 0;
}

void RawPeer::stopReading()
{
    m_reading = false;
    // A small buffer makes Qt stop taking bytes from the kernel, so TCP's window closes.
    m_socket.setReadBufferSize(1024);
}

void RawPeer::closeWithoutCloseNotify()
{
    ::shutdown(static_cast<int>(m_socket.socketDescriptor()), SHUT_RDWR);
}

void RawPeer::reset()
{
    const linger immediately { 1, 0 };
    ::setsockopt(static_cast<int>(m_socket.socketDescriptor()), SOL_SOCKET, SO_LINGER, &immediately,
        sizeof immediately);
    m_socket.abort();
    m_disconnected = true;
}

QList<Frame> RawPeer::frames() const
{
    QList<Frame> decoded;
    for (const QByteArray& line : m_lines) {
        if (auto frame = Protocol::decode(QString::fromUtf8(line)))
            decoded << frame.value();
    }
    return decoded;
}

qsizetype RawPeer::indexOf(FrameType type, qsizetype from) const
{
    const QList<Frame> all = frames();
    for (qsizetype i = from; i < all.size(); ++i) {
        if (all.at(i).type == type)
            return i;
    }
    return -1;
}

void RawPeer::onReadyRead()
{
    if (!m_reading)
        return;
    m_partial += m_socket.readAll();
    qsizetype newline;
    while ((newline = m_partial.indexOf('\n')) >= 0) {
        m_lines << m_partial.left(newline);
        m_partial.remove(0, newline + 1);
        Q_EMIT lineReceived(m_lines.last());
    }
}

} // namespace securechat::test
