// SPDX-License-Identifier: MIT
#pragma once

#include "tls/identity.h"

#include <QObject>
#include <QTimer>

#include <memory>

class QSslSocket;

namespace securechat {

class TlsListener;

/// Proves at start-up that TlsPolicy's configuration works with this Qt and OpenSSL: one
/// handshake between the host's configuration and the client's over 127.0.0.1. A bad cipher or
/// group string would otherwise only fail at the first real peer's handshake.
class TlsSelfCheck final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsSelfCheck)

public:
    explicit TlsSelfCheck(Identity identity, QObject* parent = nullptr);
    ~TlsSelfCheck() override;

    void start();

Q_SIGNALS:
    /// Emitted once. detail: the protocol and cipher agreed, or what went wrong.
    void finished(bool passed, const QString& detail);

private:
    void succeed();
    void fail(const QString& reason);

    Identity m_identity;
    TlsListener* m_listener = nullptr;
    std::unique_ptr<QSslSocket> m_client;
    QTimer m_timeout;
    bool m_done = false;
};

} // namespace securechat
