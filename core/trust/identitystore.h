// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "tls/identity.h"

#include <QCoreApplication>
#include <QString>

namespace securechat {

/// Keeps the local identity in a directory as identity.pem (chain) and identity.key.
///
/// The key is stored unencrypted, protected the way SSH protects id_ed25519: the file is 0600
/// from the moment it exists, and a directory the store creates is 0700. Replacing an identity
/// (regenerate, import) first renames the old pair to identity-YYYYMMDD-HHMMSS[-N].pem/.key in
/// the same directory, and puts it back if writing the new one fails.
class IdentityStore final {
    Q_DECLARE_TR_FUNCTIONS(securechat::IdentityStore)

public:
    /// directory: QStandardPaths::AppDataLocation or a --config-dir override.
    explicit IdentityStore(QString directory);

    const QString& directory() const { return m_directory; }
    QString certificatePath() const;
    QString keyPath() const;

    /// The stored identity; fails if there is none or it is unusable (expired, mismatched).
    Result<Identity> load() const;
    /// The stored identity, or a new self-signed one for nickname (CN) when nothing is stored.
    /// A stored identity that fails to load is reported, never silently replaced.
    Result<Identity> loadOrCreate(const QString& nickname);
    /// Writes the pair, each file atomically (key first). Does not keep a backup.
    Status save(const Identity& identity);
    /// Replaces the stored identity with a new one. Returns where the old one was kept (the
    /// backup certificate's path; its key is beside it as .key), or "" if there was none.
    Result<QString> regenerate(const QString& nickname);
    /// Replaces the stored identity with identity (loaded from PEM or PKCS#12 by the caller).
    Status importFrom(const Identity& identity);
    /// Writes the stored leaf certificate (PEM) to path, for peers to pin or verify.
    Status exportCertificate(const QString& path) const;

private:
    Status ensureDirectory() const;
    Result<QString> backUpExisting() const;
    void restoreBackup(const QString& backupBase) const;
    Result<QString> replaceWith(const Identity& identity);

    QString m_directory;
};

} // namespace securechat
