// SPDX-License-Identifier: MIT
#pragma once

#include "tls/sessiondetails.h"

#include <QDialog>

namespace securechat {

/// What protects the current session: TLS protocol, cipher suite, key exchange, ALPN (structured
/// or text mode), how the peer's identity was established, and who and since when; the peer's
/// certificate chain one click away.
class SessionDetailsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionDetailsDialog)

public:
    SessionDetailsDialog(const SessionDetails& details, qint64 messagesSent, qint64 messagesReceived,
        QWidget* parent = nullptr);

private:
    void showCertificate();

    QList<CertificateDetails> m_peerChain;
};

} // namespace securechat
