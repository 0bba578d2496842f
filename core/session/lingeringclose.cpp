// SPDX-License-Identifier: MIT
#include "session/lingeringclose.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <array>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace securechat {

void LingeringClose::follow(QAbstractSocket& socket, std::chrono::milliseconds bound)
{
#ifdef Q_OS_UNIX
    if (socket.socketDescriptor() < 0)
        return;
    const int duplicate = ::dup(static_cast<int>(socket.socketDescriptor()));
    if (duplicate < 0)
        return; // out of descriptors: Qt's own close it is
    // Owned by the application, not by the socket or its connection: it outlives both.
    auto* lingering = new LingeringClose(duplicate, bound);
    lingering->setParent(QCoreApplication::instance());
    connect(&socket, &QAbstractSocket::disconnected, lingering, &LingeringClose::start);
    connect(&socket, &QObject::destroyed, lingering, &LingeringClose::start);
#else
    Q_UNUSED(socket);
    Q_UNUSED(bound);
#endif
}

LingeringClose::LingeringClose(int descriptor, std::chrono::milliseconds bound)
    : m_descriptor(descriptor)
{
    m_bound.setSingleShot(true);
    m_bound.setInterval(bound);
    connect(&m_bound, &QTimer::timeout, this, &LingeringClose::finish);
}

LingeringClose::~LingeringClose()
{
#ifdef Q_OS_UNIX
    m_notifier.reset(); // before its descriptor closes
    ::close(m_descriptor);
#endif
}

void LingeringClose::start()
{
#ifdef Q_OS_UNIX
    if (m_started)
        return;
    m_started = true;
    // Qt has closed its descriptor; ours keeps the connection, so the FIN goes out only now,
    // after everything Qt sent.
    ::shutdown(m_descriptor, SHUT_WR);
    m_notifier = std::make_unique<QSocketNotifier>(m_descriptor, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &LingeringClose::drain);
    m_bound.start();
    drain();
#endif
}

void LingeringClose::drain()
{
#ifdef Q_OS_UNIX
    std::array<char, 16 * 1024> discarded {};
    for (;;) {
        const auto received = ::recv(m_descriptor, discarded.data(), discarded.size(), MSG_DONTWAIT);
        if (received > 0)
            continue;
        if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return; // the peer is still there: wait for more, or for the bound
        finish(); // the peer closed its side too, or the connection is gone
        return;
    }
#endif
}

void LingeringClose::finish()
{
    if (m_notifier)
        m_notifier->setEnabled(false);
    m_bound.stop();
    deleteLater();
}

} // namespace securechat
