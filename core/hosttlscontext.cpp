// SPDX-License-Identifier: MIT
#include "hosttlscontext.h"

#include "hosttlstransport.h"
#include "identity.h"
#include "opensslconversions.h"
#include "protocol.h"

#include <QSslKey>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <array>
#include <cstring>
#include <sys/socket.h>

namespace securechat {

namespace {

using SslContextPtr = std::unique_ptr<SSL_CTX, openssl::Deleter<SSL_CTX_free>>;
void freeNameStack(STACK_OF(X509_NAME) * names) { sk_X509_NAME_pop_free(names, X509_NAME_free); }
using NameStackPtr = std::unique_ptr<STACK_OF(X509_NAME), openssl::Deleter<freeNameStack>>;

openssl::EvpKeyPtr toOpenSsl(const QSslKey& key)
{
    const QByteArray pem = key.toPem(); // Identity holds the key already decrypted
    openssl::BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    return openssl::EvpKeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

// ALPN: securechat/1 when the client offers it; otherwise no ALPN at all (text mode), never a
// refusal: openssl, ncat and Python clients may offer other protocols or none.
int selectAlpn(SSL*, const unsigned char** out, unsigned char* outLength, const unsigned char* offered,
    unsigned int offeredLength, void*)
{
    const size_t ours = std::strlen(Protocol::Alpn);
    for (unsigned int at = 0; at < offeredLength;) {
        const unsigned int length = offered[at];
        if (at + 1 + length > offeredLength)
            break;
        if (length == ours && std::memcmp(offered + at + 1, Protocol::Alpn, ours) == 0) {
            *out = offered + at + 1;
            *outLength = static_cast<unsigned char>(length);
            return SSL_TLSEXT_ERR_OK;
        }
        at += 1 + length;
    }
    return SSL_TLSEXT_ERR_NOACK;
}

// OpenSSL's socket BIO writes with write(): to a connection the peer has reset, that raises SIGPIPE,
// which ends the process. Qt's own sockets send with MSG_NOSIGNAL; so does this.
int sendWithoutSigpipe(BIO* bio, const char* data, int length)
{
    const auto descriptor = static_cast<int>(BIO_ctrl(bio, BIO_C_GET_FD, 0, nullptr));
    const auto sent = static_cast<int>(::send(descriptor, data, static_cast<size_t>(length), MSG_NOSIGNAL));
    BIO_clear_retry_flags(bio);
    if (sent <= 0 && BIO_sock_should_retry(sent))
        BIO_set_retry_write(bio);
    return sent;
}

// OpenSSL's socket BIO with sendWithoutSigpipe as its write.
BIO_METHOD* newSocketMethod()
{
    const BIO_METHOD* socket = BIO_s_socket();
    BIO_METHOD* method = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK | BIO_TYPE_DESCRIPTOR, "socket, MSG_NOSIGNAL");
    if (method && BIO_meth_set_write(method, sendWithoutSigpipe) == 1
        && BIO_meth_set_read(method, BIO_meth_get_read(socket)) == 1
        && BIO_meth_set_ctrl(method, BIO_meth_get_ctrl(socket)) == 1
        && BIO_meth_set_create(method, BIO_meth_get_create(socket)) == 1
        && BIO_meth_set_destroy(method, BIO_meth_get_destroy(socket)) == 1)
        return method;
    BIO_meth_free(method);
    return nullptr;
}

// Replaces OpenSSL's chain check for client certificates, so that the transport can report every
// problem as QSslError and let its owner excuse some (an allow list), as Qt's sslErrors did.
int verifyClientChain(X509_STORE_CTX* store, void*)
{
    auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
    auto* transport = ssl ? static_cast<HostTlsTransport*>(SSL_get_app_data(ssl)) : nullptr;
    return transport ? transport->verifyClientChain(store) : 0;
}

} // namespace

HostTlsContext::HostTlsContext(SSL_CTX* context, BIO_METHOD* socketMethod, bool verifiesClients)
    : m_context(context)
    , m_socketMethod(socketMethod)
    , m_verifiesClients(verifiesClients)
{
}

HostTlsContext::~HostTlsContext()
{
    SSL_CTX_free(m_context);
    BIO_meth_free(m_socketMethod);
}

SSL* HostTlsContext::newSession(int descriptor) const
{
    SSL* session = SSL_new(m_context);
    BIO* socket = session ? BIO_new(m_socketMethod) : nullptr;
    if (!socket) {
        SSL_free(session);
        return nullptr;
    }
    BIO_set_fd(socket, descriptor, BIO_NOCLOSE);
    SSL_set_bio(session, socket, socket);
    return session;
}

QString HostTlsContext::takeErrors()
{
    QStringList errors;
    while (const unsigned long code = ERR_get_error()) {
        std::array<char, 256> text {};
        ERR_error_string_n(code, text.data(), text.size());
        errors << QString::fromLatin1(text.data());
    }
    return errors.join(QStringLiteral(", "));
}

Result<std::shared_ptr<const HostTlsContext>> HostTlsContext::create(const Identity& identity,
    TlsPolicy::ClientCertificates clientCertificates, const QList<QSslCertificate>& clientCaCertificates)
{
    using Outcome = Result<std::shared_ptr<const HostTlsContext>>;
    ERR_clear_error();
    const auto failure = [](const char* what) {
        return Outcome::failure(QStringLiteral("%1: %2").arg(QLatin1String(what), takeErrors()));
    };
    SslContextPtr context(SSL_CTX_new(TLS_server_method()));
    if (!context)
        return failure("cannot make a TLS context");

    SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION);
    // No tickets and no session cache: a resumed session would skip the certificate the person is
    // shown. (QSslSocket's per-connection SSL_CTX gave the same, as a side effect.)
    SSL_CTX_set_options(context.get(),
        SSL_OP_NO_TICKET | SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
    SSL_CTX_set_num_tickets(context.get(), 0);
    SSL_CTX_set_session_cache_mode(context.get(), SSL_SESS_CACHE_OFF);
    // Idle peers give their record buffers back; writes may be partial and retried from a queue
    // that grows (and moves) meanwhile; records are read ahead, a whole kernel buffer per read().
    SSL_CTX_set_mode(context.get(),
        SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_read_ahead(context.get(), 1);

    QStringList tls12;
    QStringList tls13;
    for (const QString& suite : TlsPolicy::cipherSuites().split(u':'))
        (suite.startsWith(QLatin1String("TLS_")) ? tls13 : tls12) << suite;
    if (SSL_CTX_set_cipher_list(context.get(), tls12.join(u':').toLatin1().constData()) != 1
        || SSL_CTX_set_ciphersuites(context.get(), tls13.join(u':').toLatin1().constData()) != 1)
        return failure("the cipher suites are not available");
    if (SSL_CTX_set1_groups_list(context.get(), TlsPolicy::groups().constData()) != 1)
        return failure("the key exchange groups are not available");
    SSL_CTX_set_alpn_select_cb(context.get(), selectAlpn, nullptr);

    if (identity.isNull())
        return Outcome::failure(QStringLiteral("the host has no certificate and key"));
    const openssl::X509Ptr leaf = openssl::toX509(identity.certificate());
    const openssl::EvpKeyPtr key = toOpenSsl(identity.privateKey());
    if (!leaf || !key || SSL_CTX_use_certificate(context.get(), leaf.get()) != 1
        || SSL_CTX_use_PrivateKey(context.get(), key.get()) != 1)
        return failure("cannot use the host certificate and key");
    for (qsizetype i = 1; i < identity.chain().size(); ++i) {
        const openssl::X509Ptr issuer = openssl::toX509(identity.chain().at(i));
        if (!issuer || SSL_CTX_add1_chain_cert(context.get(), issuer.get()) != 1)
            return failure("cannot use the host certificate chain");
    }
    if (SSL_CTX_check_private_key(context.get()) != 1)
        return failure("the host key does not belong to its certificate");

    // Only the CAs configured here, never the system's (see QT-TLS-NOTES.md, "CA list").
    X509_STORE* store = SSL_CTX_get_cert_store(context.get());
    NameStackPtr caNames(sk_X509_NAME_new_null());
    for (const QSslCertificate& ca : clientCaCertificates) {
        const openssl::X509Ptr certificate = openssl::toX509(ca);
        if (!certificate || X509_STORE_add_cert(store, certificate.get()) != 1)
            return failure("cannot use a client CA certificate");
        if (X509_NAME* name = X509_NAME_dup(X509_get_subject_name(certificate.get())))
            sk_X509_NAME_push(caNames.get(), name);
    }
    const bool required = clientCertificates == TlsPolicy::ClientCertificates::Required;
    if (required && !clientCaCertificates.isEmpty())
        SSL_CTX_set_client_CA_list(context.get(), caNames.release());
    // A certificate is always asked for, so that the roster can show who holds which key (Qt's
    // QueryPeer did the same); only mutual TLS requires one, and verifies it.
    SSL_CTX_set_verify(context.get(), SSL_VERIFY_PEER | (required ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0), nullptr);
    SSL_CTX_set_cert_verify_callback(context.get(), verifyClientChain, nullptr);

    BIO_METHOD* socketMethod = newSocketMethod();
    if (!socketMethod)
        return failure("cannot make a socket BIO");
    return Outcome::success(
        std::shared_ptr<const HostTlsContext>(new HostTlsContext(context.release(), socketMethod, required)));
}

} // namespace securechat
