// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace securechat {

/// One peer whose certificate the person chose to always trust.
struct KnownPeer {
    QString hostPort; ///< normalised, see KnownPeers::normalizeHostPort()
    QByteArray sha256; ///< raw 32-byte SHA-256 digest of the peer's DER certificate
    QDateTime firstSeen; ///< UTC, whole seconds
    QString note; ///< free text on one line

    /// The note of a peer the person verified with the safety number: not translated, so the
    /// desktop app and the CLI read each other's marks whatever their language.
    static QString verifiedNote() { return QStringLiteral("verified with the safety number"); }
    bool isVerified() const { return note == verifiedNote(); }
};

/// The known-peers file, like SSH's known_hosts: one pinned certificate fingerprint per peer.
///
/// File format (UTF-8, one line per peer, fields separated by spaces):
/// @code
/// # SecureChat known peers ...
/// 127.0.0.1:4433 SHA256:AB:CD:...:EF 2026-11-29T19:00:00Z note text to the end of the line
/// [::1]:4433 SHA256:01:23:...:89 2026-11-30T08:15:00Z
/// @endcode
/// - host:port as normalizeHostPort() writes it (a hand-edited "LocalHost:4433" is accepted);
/// - "SHA256:" and the 32 digest bytes as hexadecimal pairs separated by colons, the format of
///   `openssl x509 -noout -fingerprint -sha256` (pairs without colons are accepted too);
/// - the time the peer was first trusted, ISO 8601 (written in UTC with a Z);
/// - an optional note up to the end of the line.
/// Blank lines and lines starting with # are comments. A line that cannot be read is skipped and
/// reported in warnings(); when the file is saved, comments and unreadable lines are kept as
/// they are, so the person can fix them by hand and nothing is lost. If a host:port appears on
/// several lines, the first one counts.
///
/// Every change (remember, forget) locks the file (a QLockFile beside it, "<file>.lock"),
/// re-reads it, changes only the line(s) of that host:port and writes the whole file atomically
/// (QSaveFile). Other processes or objects writing the same file therefore never lose each
/// other's entries, and a reader never sees a half-written file.
class KnownPeers final {
    Q_DECLARE_TR_FUNCTIONS(securechat::KnownPeers)

public:
    /// filePath: where the file lives; it and its folder are created at the first change.
    explicit KnownPeers(QString filePath);

    QString filePath() const;

    /// Reads the file. A missing file is an empty list, not an error.
    Status load();

    /// The peer stored for hostPort (normalised first), as of the last load or change.
    std::optional<KnownPeer> find(const QString& hostPort) const;

    /// Adds the peer or replaces the entry for its host:port, then saves. An invalid firstSeen
    /// becomes the current time; line breaks in the note become spaces.
    Status remember(KnownPeer peer);

    /// Removes the entry for hostPort and saves. Fails if the file holds no such peer.
    Status forget(const QString& hostPort);

    /// Every readable entry, in file order, as of the last load or change.
    QList<KnownPeer> all() const;

    /// "line N: ..." for each line of the file that was skipped, as of the last load or change.
    QStringList warnings() const;

    /// "host:port" with host names in lower case (IDN as ACE "xn--"), IP addresses in their
    /// canonical form and IPv6 in brackets: "LocalHost:4433" -> "localhost:4433",
    /// "[0:0::1]:4433" -> "[::1]:4433". Fails with a reason for anything else.
    static Result<QString> normalizeHostPort(const QString& hostPort);

    /// The normalised host:port for a host (name or address, IPv6 with or without brackets)
    /// and a port, as a client knows them before connecting.
    static Result<QString> joinHostPort(const QString& host, quint16 port);

private:
    // Takes the peers and warnings of the file's lines as the current state.
    void adopt(const QStringList& lines);
    Status change(const QString& hostPort, const std::optional<KnownPeer>& replacement);

    QString m_filePath;
    QList<KnownPeer> m_peers;
    QStringList m_warnings;
};

} // namespace securechat
