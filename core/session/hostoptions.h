// SPDX-License-Identifier: MIT
#pragma once

#include "session/sessionlimits.h"
#include "tls/identity.h"
#include "trust/admission.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>

#include <chrono>

namespace securechat {

/// How a ChatHost listens and whom it lets in.
struct HostOptions final {
    QHostAddress address = QHostAddress::Any;
    quint16 port = 0; ///< 0: any free port
    QString nick = QStringLiteral("host");
    Identity identity;
    bool requireClientCertificates = false;
    QList<QSslCertificate> clientCaCertificates; ///< client certificates issued by these are accepted
    QList<QByteArray> allowedClientFingerprints; ///< raw SHA-256 digests accepted as well
    Admission admission = Admission::Open;
    QString knownClientsFile; ///< where "always admit" and "block" are kept; empty: in memory only
    SessionLimits limits;
    /// How long a participant whose connection was lost keeps its name for its certificate; 0: not at all.
    std::chrono::seconds rejoinGrace { 120 };
};

} // namespace securechat
