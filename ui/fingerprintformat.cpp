// SPDX-License-Identifier: MIT
#include "fingerprintformat.h"

#include "tls/certificatedetails.h"

#include <QFontDatabase>

namespace securechat {

QStringList FingerprintFormat::lines(const QString& fingerprint, int pairsPerLine)
{
    return CertificateDetails::fingerprintGroups(fingerprint, pairsPerLine);
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
