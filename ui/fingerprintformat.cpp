// SPDX-License-Identifier: MIT
#include "fingerprintformat.h"

#include "tls/certificatedetails.h"

#include <QFontDatabase>

#include <algorithm>

namespace securechat {

namespace {

    bool isAsciiHexDigit(QChar c)
    {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    }

} // namespace

QStringList FingerprintFormat::lines(const QString& fingerprint, int pairsPerLine)
{
    QString hex = fingerprint;
    hex.remove(u':');
    const bool allHex = std::all_of(hex.cbegin(), hex.cend(), [](QChar c) { return isAsciiHexDigit(c); });
    if (hex.isEmpty() || hex.size() % 2 != 0 || !allHex || pairsPerLine < 1)
        return {};
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << hex.mid(i, 2).toUpper();

    QStringList result;
    for (qsizetype i = 0; i < pairs.size(); i += pairsPerLine)
        result << pairs.mid(i, pairsPerLine).join(u':');
    return result;
}

QString FingerprintFormat::grouped(const QString& fingerprint, int pairsPerLine)
{
    return lines(fingerprint, pairsPerLine).join(u'\n');
}

QString FingerprintFormat::grouped(const QByteArray& digest, int pairsPerLine)
{
    return grouped(CertificateDetails::formatFingerprint(digest), pairsPerLine);
}

QFont FingerprintFormat::font(const QFont& base, qreal scale)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (base.pointSizeF() > 0)
        font.setPointSizeF(base.pointSizeF() * scale);
    font.setStyleHint(QFont::Monospace);
    return font;
}

} // namespace securechat
