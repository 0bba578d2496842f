// SPDX-License-Identifier: MIT
#pragma once

#include "tls/certificatedetails.h"

#include <QDateTime>
#include <QList>
#include <QString>

class QSslSocket;

namespace securechat {

/// What was negotiated on one connection and how the peer came to be trusted, for display.
struct SessionDetails final {
    QString protocol; ///< "TLS 1.3"
    QString cipher; ///< "TLS_AES_256_GCM_SHA384"
    QString keyExchange; ///< "X25519", "P-256", ...; on the host's side, that Qt does not tell
    QString alpn; ///< "securechat/1", or empty for a text-mode session
    QString trust; ///< how the peer's identity was established, in words
    QString peerAddress; ///< "ADDR:PORT"
    QDateTime connectedSince;
    QList<CertificateDetails> peerChain; ///< the peer's certificate first

    static SessionDetails fromSocket(const QSslSocket& socket, const QString& trust);
    /// One line for a status bar: "TLS 1.3 · TLS_AES_256_GCM_SHA384 · verified by pin".
    QString summary() const;
};

} // namespace securechat
