// SPDX-License-Identifier: MIT
#pragma once

#include "session/chatclient.h"
#include "tls/certificatedetails.h"
#include "trust/trustevaluator.h"

#include <QDialog>
#include <QList>

namespace securechat {

/// Asks the person whether to trust a certificate nobody vouches for (TrustVerdict::Unknown):
/// who it claims to be, its SHA-256 fingerprint laid out for comparing aloud, what could not be
/// verified, and "Trust once" / "Always trust" / "Cancel". Cancel is the default and Escape
/// chooses it: trusting must be a deliberate act.
class TrustPromptDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustPromptDialog)

public:
    /// chain: the server's certificate first (SessionDetails::peerChain while AwaitingTrust).
    TrustPromptDialog(
        const TrustAssessment& assessment, const QList<CertificateDetails>& chain, QWidget* parent = nullptr);

    /// The person's answer; Cancel until they chose to trust, and if they closed the dialog.
    ChatClient::TrustAnswer answer() const { return m_answer; }

    /// Emits answered() once, however the dialog closes.
    void done(int result) override;

Q_SIGNALS:
    void answered(securechat::ChatClient::TrustAnswer answer);

private:
    QWidget* buildIdentity();
    QWidget* buildFingerprint(const TrustAssessment& assessment);
    QWidget* buildProblems(const QStringList& problems);
    void choose(ChatClient::TrustAnswer answer);
    void showCertificate();

    QList<CertificateDetails> m_chain;
    ChatClient::TrustAnswer m_answer = ChatClient::TrustAnswer::Cancel;
    bool m_answered = false;
};

} // namespace securechat
