// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace securechat {

/**
 * An invitation to a host that names the host's certificate, so that opening it trusts exactly
 * that certificate and no other. The grammar (RFC 3986 syntax, with a stricter host and query):
 *
 *   link     = "securechat://" host ":" port [ "/" ] "?" query
 *   host     = DNS name        (RFC 1123 labels; either case; Unicode names become punycode)
 *            | IPv4 address    (four decimal parts 0..255, no leading zeros)
 *            | "[" IPv6 "]"    (any RFC 4291 text form; no zone id)
 *   port     = 1*5DIGIT, 1..65535
 *   query    = param *( "&" param ), in any order, each key once, no other key, no empty param:
 *              "fp=" "SHA256:" 64HEXDIG   (required; either case; colons between every pair
 *                                          of digits are accepted, as fingerprints are shown)
 *              "nick=" 1..MaxNicknameLength characters of percent-encoded UTF-8 (optional;
 *                      "+" is a plus sign, not a space)
 * No user info ("ann@"), no other path, no fragment ("#…"), no whitespace or control characters
 * inside.
 *
 * Surrounding whitespace (a pasted link) is ignored; anything else that does not fit is an error
 * that says what is wrong, never a link that trusts something partly. The canonical form
 * (toString) writes the nickname first and the fingerprint last, so a link cut short anywhere
 * loses fingerprint digits, which parse() reports as truncation.
 *
 * The nickname is only a suggestion for the joiner's name field: it is decoded but not checked
 * against the app's nickname rule (NicknameRule), which callers apply before using it.
 */
class InviteLink final {
    Q_DECLARE_TR_FUNCTIONS(securechat::InviteLink)

public:
    static constexpr qsizetype Sha256Size = 32;
    static constexpr qsizetype MaxNicknameLength = 64; ///< UTF-16 units; the app's rule is stricter

    /// Reads a link as the person pasted or clicked it; the error is a sentence for them.
    static Result<InviteLink> parse(const QString& text);

    /// The host window's link to its own session. `host` is a name, an IPv4 address or an IPv6
    /// address with or without brackets (QHostAddress::toString() form); `certificateSha256`
    /// the 32 bytes of QSslCertificate::digest(QCryptographicHash::Sha256); `nickname` may be
    /// empty. Fails with the same sentences as parse() (e.g. for an address with a zone id).
    static Result<InviteLink> create(
        const QString& host, quint16 port, const QByteArray& certificateSha256, const QString& nickname = {});

    /// The name or address to connect to, IPv6 without brackets, as QSslSocket takes it.
    const QString& host() const { return m_host; }
    quint16 port() const { return m_port; }
    /// The 32-byte SHA-256 digest of the only certificate to accept:
    /// TrustInput::explicitPin, so that any other certificate is refused as Changed.
    const QByteArray& certificateSha256() const { return m_certificateSha256; }
    /// The suggested nickname, or empty; not checked against the app's nickname rule.
    const QString& nickname() const { return m_nickname; }

    /// The canonical link: "securechat://host:port/?nick=ann&fp=SHA256:<64 lower-case hex>".
    QString toString() const;

    friend bool operator==(const InviteLink&, const InviteLink&) = default;

private:
    InviteLink() = default;

    QString m_host;
    quint16 m_port = 0;
    QByteArray m_certificateSha256;
    QString m_nickname;
};

} // namespace securechat
