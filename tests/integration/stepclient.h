// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDeadlineTimer>

#include <openssl/ssl.h>

namespace securechat::test {

/// Runs the event loop (the host side, in this process) until `done` or the timeout.
template <typename Done> bool pumpUntil(Done done, int timeoutMs = 10'000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    }
    return true;
}

/// A TLS 1.3 client on libssl, on a non-blocking socket, driven one step at a time: it can do what
/// QSslSocket cannot, such as send close_notify and keep the TCP connection open, write without
/// reading, or see exactly how the stream ended (an alert, close_notify, a reset).
class StepClient final {
    Q_DISABLE_COPY_MOVE(StepClient)

public:
    explicit StepClient(quint16 port);
    ~StepClient();

    bool handshake();
    /// Writes all of `data`, running the event loop meanwhile.
    bool write(const QByteArray& data);
    /// Writes what the socket takes now, without waiting (the peer may not be reading); false if
    /// the connection failed (a reset, or a broken pipe).
    bool writeSome(const QByteArray& data);
    /// Reads until the stream ends; returns SSL_get_error's verdict on how it ended.
    int readToEnd(QByteArray& into, int timeoutMs = 20'000);
    /// Reads what has arrived, without waiting. True once the stream has ended; then `ending`
    /// is SSL_get_error's verdict and `reason` OpenSSL's words for it ("... alert ...").
    bool readEnded(int& ending, QByteArray& reason);
    /// close_notify, and the TCP connection stays open.
    void sendCloseNotify() { SSL_shutdown(m_ssl); }
    /// A FIN without close_notify.
    void closeWithoutCloseNotify();
    quint16 localPort() const;

private:
    /// Everything readable now; returns SSL_get_error's verdict.
    int readAvailable(QByteArray& into);
    bool wouldBlock(int result) const;
    static bool isWaiting(int sslError);

    SSL_CTX* m_context;
    SSL* m_ssl = nullptr;
    int m_descriptor = -1;
};

/// Bytes in a pattern that shows where a piece went missing or moved.
QByteArray pattern(qsizetype size);

} // namespace securechat::test
