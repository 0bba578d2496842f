// SPDX-License-Identifier: MIT
#include "session/tlsselfcheck.h"

#include "session/peerconnection.h"
#include "session/tlslistener.h"
#include "tls/tlspolicy.h"

#include <QSslCipher>
#include <QSslSocket>

namespace securechat {

TlsSelfCheck::TlsSelfCheck(Identity identity, QObject* parent)
    : QObject(parent)
    , m_identity(std::move(identity))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(5'000);
    connect(&m_timeout, &QTimer::timeout, this, [this] { fail(tr("no TLS handshake within 5 s")); });
}

TlsSelfCheck::~TlsSelfCheck() = default;

void TlsSelfCheck::start()
{
    m_listener = new TlsListener(TlsPolicy::hostConfiguration(m_identity), SessionLimits(), this);
    if (!m_listener->listen(QHostAddress::LocalHost, 0)) {
        fail(tr("cannot listen on 127.0.0.1: %1").arg(m_listener->errorString()));
        return;
    }
    connect(m_listener, &TlsListener::peerEncrypted, this, [this](PeerConnection* connection) {
        connection->setParent(this);
        succeed();
    });
    connect(m_listener, &TlsListener::peerRejected, this,
        [this](const QString&, const QString& reason) { fail(reason); });

    // The check is about the policy, not about trust: the client does not verify this
    // throw-away connection, which carries no data.
    QSslConfiguration configuration = TlsPolicy::clientConfiguration({ m_identity.certificate() });
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_client = std::make_unique<QSslSocket>();
    m_client->setSslConfiguration(configuration);
    connect(m_client.get(), &QSslSocket::errorOccurred, this, [this] { fail(m_client->errorString()); });
    m_timeout.start();
    m_client->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_listener->serverPort());
}

void TlsSelfCheck::succeed()
{
    if (m_done)
        return;
    if (!m_client->isEncrypted()) {
        connect(m_client.get(), &QSslSocket::encrypted, this, &TlsSelfCheck::succeed, Qt::UniqueConnection);
        return;
    }
    m_done = true;
    m_timeout.stop();
    const QSslCipher cipher = m_client->sessionCipher();
    Q_EMIT finished(true, cipher.protocolString() + u' ' + cipher.name());
}

void TlsSelfCheck::fail(const QString& reason)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT finished(false, tr("the TLS configuration does not work here: %1").arg(reason));
}

} // namespace securechat
