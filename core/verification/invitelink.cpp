// SPDX-License-Identifier: MIT
#include "verification/invitelink.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

#include <algorithm>

namespace securechat {

namespace {

    const QLatin1String Scheme("securechat");
    const QLatin1String FingerprintKey("fp");
    const QLatin1String NicknameKey("nick");
    const QLatin1String FingerprintPrefix("SHA256:");
    constexpr qsizetype FingerprintHexDigits = 2 * InviteLink::Sha256Size;

    using Text = Result<QString>;
    using Bytes = Result<QByteArray>;

    QString noFingerprint()
    {
        return InviteLink::tr("The invite link has no fingerprint (fp=…): ask for a new link.");
    }

    bool isHexDigit(QChar c)
    {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    }

    /// ASCII digits only: QChar::isDigit() would let "٤٤٣" through, which toUInt() cannot read.
    bool isDigits(QStringView text)
    {
        return !text.isEmpty()
            && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    }

    /// "0.0.0.0" to "255.255.255.255", no leading zeros (which some resolvers read as octal).
    Text ipv4(const QString& address, const QString& asWritten)
    {
        const QList<QStringView> parts = QStringView(address).split(u'.');
        const bool valid
            = parts.size() == 4 && std::all_of(parts.cbegin(), parts.cend(), [](QStringView part) {
                  return part.size() <= 3 && isDigits(part) && (part.size() == 1 || part.front() != u'0')
                      && part.toInt() <= 255;
              });
        if (!valid)
            return Text::failure(
                InviteLink::tr("The address %1 is not a valid IPv4 address.").arg(asWritten));
        return Text::success(address);
    }

    Text ipv6(const QString& address)
    {
        const qsizetype zone = address.indexOf(u'%');
        if (zone >= 0) {
            return Text::failure(
                InviteLink::tr("The address %1 has a zone id (%2), which an invite link cannot carry: "
                               "use the host's global address or its name.")
                    .arg(address.left(zone), address.mid(zone + 1)));
        }
        const bool plausible = std::all_of(address.cbegin(), address.cend(),
            [](QChar c) { return isHexDigit(c) || c == u':' || c == u'.'; });
        QUrl url;
        url.setHost(u'[' + address + u']', QUrl::StrictMode);
        if (!plausible || !url.isValid() || url.host().isEmpty())
            return Text::failure(InviteLink::tr("The address %1 is not a valid IPv6 address.").arg(address));
        return Text::success(url.host()); // compressed and lower case: "2001:db8::1"
    }

    /// RFC 1123 host names, given in ASCII.
    Text dnsName(const QString& name, const QString& asWritten)
    {
        static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
        const QStringList labels = name.split(u'.');
        const bool valid = !name.isEmpty() && name.size() <= 253
            && std::all_of(
                labels.cbegin(), labels.cend(), [](const QString& l) { return label.match(l).hasMatch(); });
        if (!valid) {
            return Text::failure(
                InviteLink::tr("The host name %1 is not valid: a name is letters, digits and hyphens, "
                               "separated by dots.")
                    .arg(asWritten));
        }
        return Text::success(name);
    }

    /// The host as connected to: an IPv6 address without brackets, an IPv4 address or a name in
    /// lower-case ASCII (an internationalised name in punycode, full-width digits as ASCII ones).
    Text canonicalHost(const QString& host)
    {
        if (host.isEmpty())
            return Text::failure(InviteLink::tr("The invite link has no host name or address."));
        if (host.contains(u':'))
            return ipv6(host);
        const QString ascii = QString::fromLatin1(QUrl::toAce(host)).toLower();
        // A name whose last label is a number is an IPv4 address or a mistake (WHATWG URL rule).
        if (isDigits(QStringView(ascii).sliced(ascii.lastIndexOf(u'.') + 1)))
            return ipv4(ascii, host);
        return dnsName(ascii, host);
    }

    Text checkedNickname(const QString& nickname)
    {
        if (nickname.isEmpty())
            return Text::failure(InviteLink::tr("The nickname in the invite link is empty."));
        if (nickname.size() > InviteLink::MaxNicknameLength) {
            return Text::failure(
                InviteLink::tr("The nickname in the invite link is longer than %1 characters.")
                    .arg(InviteLink::MaxNicknameLength));
        }
        return Text::success(nickname);
    }

    /// RFC 3986 percent-decoding that refuses what QByteArray::fromPercentEncoding lets through:
    /// a "%" without two hex digits (a link cut in the middle of an escape) and invalid UTF-8.
    Text percentDecoded(QStringView value, const QString& what)
    {
        QByteArray bytes;
        qsizetype plainStart = 0;
        for (qsizetype i = value.indexOf(u'%'); i >= 0; i = value.indexOf(u'%', plainStart)) {
            bytes += value.sliced(plainStart, i - plainStart).toUtf8();
            const bool escape = i + 2 < value.size() && isHexDigit(value[i + 1]) && isHexDigit(value[i + 2]);
            if (!escape)
                return Text::failure(
                    InviteLink::tr("The %1 in the invite link has an incomplete %-escape.").arg(what));
            bytes += QByteArray::fromHex(value.sliced(i + 1, 2).toLatin1());
            plainStart = i + 3;
        }
        bytes += value.sliced(plainStart).toUtf8();
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString decoded = utf8(bytes);
        if (utf8.hasError())
            return Text::failure(InviteLink::tr("The %1 in the invite link is not valid UTF-8.").arg(what));
        return Text::success(decoded);
    }

    /// "SHA256:" and 64 hex digits, either case, optionally with a colon between every pair.
    Bytes fingerprint(const QString& value)
    {
        if (!value.startsWith(FingerprintPrefix, Qt::CaseInsensitive)) {
            return Bytes::failure(
                InviteLink::tr("The fingerprint in the invite link must start with SHA256: (fp=SHA256:…)."));
        }
        const QStringView body = QStringView(value).mid(FingerprintPrefix.size());
        const auto notHex
            = std::find_if(body.cbegin(), body.cend(), [](QChar c) { return !isHexDigit(c) && c != u':'; });
        if (notHex != body.cend()) {
            return Bytes::failure(
                InviteLink::tr("The fingerprint in the invite link contains “%1”, which is not a hex digit.")
                    .arg(*notHex));
        }
        QString hex = body.toString();
        hex.remove(u':');
        if (hex.size() < FingerprintHexDigits) {
            return Bytes::failure(
                InviteLink::tr("The invite link is truncated: the fingerprint has %1 of %2 hex digits.")
                    .arg(hex.size())
                    .arg(FingerprintHexDigits));
        }
        if (hex.size() > FingerprintHexDigits) {
            return Bytes::failure(
                InviteLink::tr("The fingerprint in the invite link has %1 hex digits; a SHA-256 "
                               "fingerprint has %2.")
                    .arg(hex.size())
                    .arg(FingerprintHexDigits));
        }
        static const QRegularExpression pairs(QStringLiteral("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}$"));
        if (body.contains(u':') && !pairs.match(body.toString()).hasMatch()) {
            return Bytes::failure(InviteLink::tr(
                "The fingerprint in the invite link has a colon out of place: colons go between pairs "
                "of hex digits (AB:CD:…)."));
        }
        return Bytes::success(QByteArray::fromHex(hex.toLatin1()));
    }

    /// What follows "securechat://", or why the text is not an invite link at all.
    Text afterScheme(const QString& link)
    {
        const qsizetype schemeEnd = link.indexOf(QLatin1String("://"));
        if (schemeEnd < 0 && link.startsWith(Scheme + QLatin1Char(':'), Qt::CaseInsensitive))
            return Text::failure(
                InviteLink::tr("An invite link starts with securechat:// (with two slashes)."));
        static const QRegularExpression schemeSyntax(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*$"));
        const QString scheme = link.left(schemeEnd);
        if (schemeEnd < 0 || !schemeSyntax.match(scheme).hasMatch()) {
            return Text::failure(
                InviteLink::tr("This is not an invite link: an invite link starts with securechat://."));
        }
        if (scheme.compare(Scheme, Qt::CaseInsensitive) != 0) {
            return Text::failure(InviteLink::tr(
                "This is a %1: link, not an invite link: an invite link starts with securechat://.")
                                     .arg(scheme));
        }
        return Text::success(link.sliced(schemeEnd + 3));
    }

    struct Endpoint {
        QString host; ///< canonical
        quint16 port = 0;
    };

    /// "host:port" or "[IPv6]:port".
    Result<Endpoint> endpoint(const QString& authority)
    {
        using Result = Result<Endpoint>;
        if (authority.contains(u'@')) {
            return Result::failure(
                InviteLink::tr("The invite link has a user name (…@), which an invite link never has."));
        }
        QString host;
        QString afterHost;
        if (authority.startsWith(u'[')) {
            const qsizetype close = authority.indexOf(u']');
            if (close < 0)
                return Result::failure(
                    InviteLink::tr("The IPv6 address in the invite link has no closing bracket."));
            host = authority.sliced(1, close - 1);
            if (!host.contains(u':'))
                return Result::failure(
                    InviteLink::tr("Only an IPv6 address goes in brackets; [%1] is not one.").arg(host));
            afterHost = authority.sliced(close + 1);
        } else {
            const qsizetype colon = authority.indexOf(u':');
            host = authority.left(colon);
            afterHost = colon < 0 ? QString() : authority.sliced(colon);
            if (afterHost.count(u':') > 1) {
                return Result::failure(InviteLink::tr(
                    "An IPv6 address in an invite link goes in brackets: securechat://[2001:db8::1]:PORT/…"));
            }
        }
        const Text canonical = canonicalHost(host);
        if (!canonical)
            return Result::failure(canonical.error());

        if (afterHost.size() <= 1)
            return Result::failure(InviteLink::tr("The invite link has no port (securechat://HOST:PORT/…)."));
        if (!afterHost.startsWith(u':')) {
            return Result::failure(
                InviteLink::tr("The invite link has “%1” after the address, where :PORT belongs.")
                    .arg(afterHost));
        }
        const QString portText = afterHost.sliced(1);
        if (!isDigits(portText))
            return Result::failure(InviteLink::tr("The port “%1” is not a number.").arg(portText));
        const uint port = portText.size() <= 5 ? portText.toUInt() : 0;
        if (port == 0 || port > 65535)
            return Result::failure(InviteLink::tr("The port %1 is not a valid port.").arg(portText));
        return Result::success({ canonical.value(), static_cast<quint16>(port) });
    }

    struct Parameters {
        QString fingerprint; ///< still percent-encoded
        std::optional<QString> nickname; ///< still percent-encoded
    };

    /// "fp=…" and an optional "nick=…", in either order, each once, nothing else.
    Result<Parameters> parameters(const QString& query)
    {
        using Result = Result<Parameters>;
        std::optional<QString> fingerprintText;
        std::optional<QString> nicknameText;
        for (const QString& parameter : query.split(u'&')) {
            if (parameter.isEmpty()) {
                return Result::failure(
                    InviteLink::tr("The invite link has an empty parameter (“&&”, or “&” at an end)."));
            }
            const qsizetype equals = parameter.indexOf(u'=');
            const QString key = parameter.left(equals);
            std::optional<QString>* slot = key == FingerprintKey ? &fingerprintText
                : key == NicknameKey                             ? &nicknameText
                                                                 : nullptr;
            if (!slot) {
                return Result::failure(
                    InviteLink::tr("The invite link has an unknown parameter “%1”: the link was "
                                   "changed, or it comes from a newer SecureChat.")
                        .arg(key));
            }
            if (slot->has_value())
                return Result::failure(InviteLink::tr("The invite link gives “%1” twice.").arg(key));
            *slot = equals < 0 ? QString() : parameter.sliced(equals + 1);
        }
        if (!fingerprintText || fingerprintText->isEmpty())
            return Result::failure(noFingerprint());
        return Result::success({ *fingerprintText, nicknameText });
    }

} // namespace

Result<InviteLink> InviteLink::parse(const QString& text)
{
    using Link = Result<InviteLink>;
    const QString link = text.trimmed();
    if (link.isEmpty())
        return Link::failure(tr("The invite link is empty."));
    const QList<uint> characters = link.toUcs4();
    if (std::any_of(characters.cbegin(), characters.cend(), [](uint c) { return QChar::isSpace(c); }))
        return Link::failure(
            tr("The invite link contains a space or a line break: copy it again in one piece."));
    if (!link.isValidUtf16()
        || !std::all_of(characters.cbegin(), characters.cend(), [](uint c) { return QChar::isPrint(c); }))
        return Link::failure(
            tr("The invite link contains a control character, which a link cannot contain."));
    const Text rest = afterScheme(link);
    if (!rest)
        return Link::failure(rest.error());
    if (rest->contains(u'#'))
        return Link::failure(tr("The invite link has a fragment (#…), which an invite link never has."));

    const qsizetype queryStart = rest->indexOf(u'?');
    const QString beforeQuery = rest->left(queryStart);
    const qsizetype pathStart = beforeQuery.indexOf(u'/');
    const Result<Endpoint> address = endpoint(beforeQuery.left(pathStart));
    if (!address)
        return Link::failure(address.error());
    const QString path = pathStart < 0 ? QString() : beforeQuery.sliced(pathStart);
    if (!path.isEmpty() && path != u"/") {
        return Link::failure(
            tr("The invite link has a path (%1) after the port; an invite link has none.").arg(path));
    }

    const QString query = queryStart < 0 ? QString() : rest->sliced(queryStart + 1);
    if (query.isEmpty())
        return Link::failure(noFingerprint());
    const Result<Parameters> values = parameters(query);
    if (!values)
        return Link::failure(values.error());
    const Text decodedFingerprint = percentDecoded(values->fingerprint, tr("fingerprint"));
    if (!decodedFingerprint)
        return Link::failure(decodedFingerprint.error());
    const Bytes digest = fingerprint(decodedFingerprint.value());
    if (!digest)
        return Link::failure(digest.error());

    QString nickname;
    if (values->nickname) {
        const Text decodedNickname = percentDecoded(*values->nickname, tr("nickname"));
        if (!decodedNickname)
            return Link::failure(decodedNickname.error());
        const Text checked = checkedNickname(decodedNickname.value());
        if (!checked)
            return Link::failure(checked.error());
        nickname = checked.value();
    }
    return create(address->host, address->port, digest.value(), nickname);
}

Result<InviteLink> InviteLink::create(
    const QString& host, quint16 port, const QByteArray& certificateSha256, const QString& nickname)
{
    using Link = Result<InviteLink>;
    const bool bracketed = host.startsWith(u'[') && host.endsWith(u']');
    const Text canonical = canonicalHost(bracketed ? host.sliced(1, host.size() - 2) : host);
    if (!canonical)
        return Link::failure(canonical.error());
    if (port == 0)
        return Link::failure(tr("The port 0 is not a valid port."));
    if (certificateSha256.size() != Sha256Size) {
        return Link::failure(
            tr("A certificate fingerprint for an invite link is a SHA-256 digest of %1 bytes, "
               "not %2 bytes.")
                .arg(Sha256Size)
                .arg(certificateSha256.size()));
    }
    if (!nickname.isEmpty()) {
        const Text checked = checkedNickname(nickname);
        if (!checked)
            return Link::failure(checked.error());
    }
    InviteLink link;
    link.m_host = canonical.value();
    link.m_port = port;
    link.m_certificateSha256 = certificateSha256;
    link.m_nickname = nickname;
    return Link::success(link);
}

QString InviteLink::toString() const
{
    const QString host = m_host.contains(u':') ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    QString link = Scheme + QLatin1String("://") + host + QLatin1Char(':') + QString::number(m_port)
        + QLatin1String("/?");
    // The nickname first: a link cut short anywhere then loses fingerprint digits, which parse()
    // reports, rather than the end of a nickname, which it could not notice.
    if (!m_nickname.isEmpty())
        link += NicknameKey + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(m_nickname))
            + QLatin1Char('&');
    link += FingerprintKey + QLatin1Char('=') + FingerprintPrefix
        + QString::fromLatin1(m_certificateSha256.toHex());
    return link;
}

} // namespace securechat
