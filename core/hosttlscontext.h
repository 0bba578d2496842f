// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"
#include "tlspolicy.h"

#include <QList>
#include <QSslCertificate>

#include <memory>

struct bio_method_st;
struct ssl_ctx_st;
struct ssl_st;

namespace securechat {

class Identity;

/// The host's TLS context: one libssl SSL_CTX per listener, built once from the host identity and
/// TlsPolicy, from which every peer's session is made. QSslSocket built a whole SSL_CTX for every
/// connection (37% of a handshake's CPU: the context, and loading and checking the private key).
class HostTlsContext final {
    Q_DISABLE_COPY_MOVE(HostTlsContext)

public:
    static Result<std::shared_ptr<const HostTlsContext>> create(const Identity& identity,
        TlsPolicy::ClientCertificates clientCertificates = TlsPolicy::ClientCertificates::NotRequested,
        const QList<QSslCertificate>& clientCaCertificates = {});
    ~HostTlsContext();

    /// A server session on this context over the connected socket `descriptor` (left open when
    /// the session is freed); nullptr if OpenSSL could not make one.
    ssl_st* newSession(int descriptor) const;
    /// Client certificates are verified against the CA list (mutual TLS), not only collected.
    bool verifiesClients() const { return m_verifiesClients; }

    /// OpenSSL's error queue as one line (emptying it), as Qt words its TLS errors.
    static QString takeErrors();

private:
    HostTlsContext(ssl_ctx_st* context, bio_method_st* socketMethod, bool verifiesClients);

    ssl_ctx_st* m_context;
    bio_method_st* m_socketMethod; // OpenSSL's socket BIO, writing with MSG_NOSIGNAL
    bool m_verifiesClients;
};

} // namespace securechat
