// SPDX-License-Identifier: MIT
#pragma once

#include "trust/trustevaluator.h"

#include <QDialog>
#include <QString>

namespace securechat {

/// Tells the person that a host's certificate was refused, and why. Not a question: there is no
/// way to trust the certificate from here.
/// - TrustVerdict::Changed: the certificate differs from the one trusted before, which may be an
///   attack; both fingerprints side by side, and how to proceed if the host's owner confirms a
///   new certificate (remove the old one in Settings → Known peers).
/// - any other verdict (Refused: expired, revoked, ...): the problems, which nothing excuses.
class TrustRefusalDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustRefusalDialog)

public:
    /// hostPort: the host:port connected to, as the person gave it.
    TrustRefusalDialog(const TrustAssessment& assessment, const QString& hostPort, QWidget* parent = nullptr);

Q_SIGNALS:
    /// The person wants to manage known peers (the dialog closes first).
    void openSettingsRequested();

private:
    QWidget* buildFingerprints(const TrustAssessment& assessment);
    QWidget* buildProblems(const QStringList& problems);
};

} // namespace securechat
