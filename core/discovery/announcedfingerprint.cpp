// SPDX-License-Identifier: MIT
#include "discovery/announcedfingerprint.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>

namespace securechat {

namespace {
    constexpr qsizetype Sha256HexDigits = 64;
    constexpr QStringView Sha256Prefix = u"SHA256:";

    bool isHexDigit(QChar c)
    {
        return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F') || (c >= u'a' && c <= u'f');
    }
} // namespace

QString AnnouncedFingerprint::normalise(const QString& text)
{
    QString digits = text.trimmed();
    if (digits.startsWith(Sha256Prefix, Qt::CaseInsensitive))
        digits.remove(0, Sha256Prefix.size());
    digits.remove(u':');
    digits.remove(u' ');
    if (digits.size() != Sha256HexDigits || !std::all_of(digits.cbegin(), digits.cend(), isHexDigit))
        return {};
    return digits.toUpper();
}

AnnouncedFingerprint::Check AnnouncedFingerprint::check(const QString& announced, const QString& presented)
{
    const QString announcedDigits = normalise(announced);
    if (announcedDigits.isEmpty()) {
        return { Verdict::NotAnnounced,
            QCoreApplication::translate("AnnouncedFingerprint",
                "This host did not announce its certificate on the local network, so there was nothing "
                "to compare: check its fingerprint with the person another way.") };
    }
    // An unreadable presented fingerprint cannot vouch for anything either: warn, never pass.
    if (announcedDigits != normalise(presented)) {
        return { Verdict::Differs,
            QCoreApplication::translate("AnnouncedFingerprint",
                "This host announced a different certificate on the local network than the one it "
                "presented: someone may be impersonating it.") };
    }
    return { Verdict::Matches, {} };
}

QString AnnouncedFingerprint::takeWarning(QString& announced, const QByteArray& presentedSha256)
{
    if (announced.isEmpty())
        return {};
    const Check compared
        = check(std::exchange(announced, QString()), QString::fromLatin1(presentedSha256.toHex()));
    return compared.verdict == Verdict::Differs ? compared.message : QString();
}

} // namespace securechat
