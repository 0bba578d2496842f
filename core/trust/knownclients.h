// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace securechat {

/// A participant the host decided about once for good: admitted from then on without a question
/// (and, if verified, after comparing the safety number with its person), or blocked (refused
/// whatever the admission mode).
struct KnownClient {
    enum class Verdict { Admit, Verified, Block };
    QByteArray sha256; ///< raw 32-byte SHA-256 digest of the client's certificate
    Verdict verdict = Verdict::Admit;
    QString nick; ///< the name it had when the host decided, for the person reading the list
};

/// The host's known-clients file: one certificate fingerprint per line, with the verdict and the
/// nickname it had, like KnownPeers on the joining side.
///
/// @code
/// SHA256:AB:CD:...:EF admit bob
/// SHA256:12:34:...:56 verified carol
/// SHA256:01:23:...:89 block mallory
/// @endcode
/// "verified" admits as "admit" does: the host's person also compared the safety number.
/// Blank lines and lines starting with # are ignored; a line that cannot be read is kept out of
/// the list and reported in warnings(). Saved whole and atomically (QSaveFile), readable only by
/// its owner. An empty file path keeps the list in memory only.
class KnownClients final {
    Q_DECLARE_TR_FUNCTIONS(securechat::KnownClients)

public:
    explicit KnownClients(QString filePath = {});

    /// Reads the file. A missing file is an empty list, not an error.
    Status load();
    std::optional<KnownClient> find(const QByteArray& sha256) const;
    /// The client admitted (or verified) under `nick` with another certificate than `sha256`, if
    /// there is one:
    /// whoever arrives with this name now may be someone else using it.
    std::optional<KnownClient> admittedUnderNickWithOtherCertificate(
        const QString& nick, const QByteArray& sha256) const;
    /// Reads the file again, adds the client or replaces its entry, then saves.
    Status remember(const KnownClient& client);
    /// Reads the file again, removes the entry, then saves. Fails if there is no such client.
    Status forget(const QByteArray& sha256);
    QList<KnownClient> all() const { return m_clients; }
    QStringList warnings() const { return m_warnings; }

private:
    Status save() const;

    QString m_filePath;
    QList<KnownClient> m_clients;
    QStringList m_warnings;
};

} // namespace securechat
