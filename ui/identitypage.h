// SPDX-License-Identifier: MIT
#pragma once

#include "tls/identity.h"
#include "trust/identitystore.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace securechat {

/// The Identity page of the settings: the stored identity's subject and fingerprint, and View
/// certificate…, Regenerate…, Import… and Export certificate…. Each action changes the files at
/// once (IdentityStore keeps the replaced identity as a backup).
class IdentityPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdentityPage)

public:
    /// directory: AppPaths::identityDirectory().
    explicit IdentityPage(const QString& directory, QWidget* parent = nullptr);

    /// The common name a regenerated identity gets (the nickname).
    void setCommonName(const QString& name) { m_commonName = name; }
    /// Reads the stored identity again and shows it.
    void refresh();

Q_SIGNALS:
    /// The stored identity was replaced (regenerated or imported).
    void identityChanged();

private:
    void viewCertificate();
    void regenerate();
    void import();
    void exportCertificate();
    /// Loads an identity from a PEM or PKCS#12 file, asking for a key file or passphrase only
    /// when needed; nullopt if the person cancelled.
    std::optional<Result<Identity>> readIdentity(const QString& path);
    std::optional<QByteArray> askPassphrase(const QString& path);

    IdentityStore m_store;
    std::optional<Identity> m_identity;
    QString m_commonName;
    QLabel* m_subject = nullptr;
    QLabel* m_fingerprint = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_viewButton = nullptr;
    QPushButton* m_exportButton = nullptr;
};

} // namespace securechat
