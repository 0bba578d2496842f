// SPDX-License-Identifier: MIT
#include "verification/safetynumber.h"

#include <QCryptographicHash>
#include <QStringList>

#include <algorithm>

namespace securechat {

namespace {

    constexpr char Version[] = { 0, 0 };
    // A label of our own, so that no other protocol's numbers can be reused for ours.
    constexpr char DomainLabel[] = "SecureChat safety number";
    constexpr int HalfChunks = 6;
    constexpr int ChunkBytes = 5;
    constexpr quint64 ChunkModulus = 100000;

    /// One certificate's 30 digits.
    QString half(const QByteArray& sha256)
    {
        QByteArray hash = QByteArray(Version, sizeof Version) + QByteArray(DomainLabel) + sha256;
        for (int i = 0; i < SafetyNumber::Iterations; ++i) {
            QCryptographicHash sha512(QCryptographicHash::Sha512);
            sha512.addData(hash);
            sha512.addData(sha256);
            hash = sha512.result();
        }
        QString digits;
        for (int chunk = 0; chunk < HalfChunks; ++chunk) {
            quint64 value = 0;
            for (int byte = 0; byte < ChunkBytes; ++byte)
                value = (value << 8) | static_cast<quint8>(hash[chunk * ChunkBytes + byte]);
            digits += QStringLiteral("%1").arg(value % ChunkModulus, ChunkBytes, 10, QLatin1Char('0'));
        }
        return digits;
    }

} // namespace

std::optional<SafetyNumber> SafetyNumber::fromCertificateDigests(
    const QByteArray& hostSha256, const QByteArray& participantSha256)
{
    if (hostSha256.size() != Sha256Size || participantSha256.size() != Sha256Size)
        return std::nullopt;
    const QString host = half(hostSha256);
    const QString participant = half(participantSha256);
    return SafetyNumber(std::min(host, participant) + std::max(host, participant));
}

QString SafetyNumber::grouped() const
{
    QStringList groups;
    for (qsizetype i = 0; i < m_digits.size(); i += GroupSize)
        groups.append(m_digits.sliced(i, GroupSize));
    return groups.join(QLatin1Char(' '));
}

bool SafetyNumber::matches(const QString& typed) const
{
    QString digits = typed;
    digits.removeIf([](QChar c) { return c.isSpace(); });
    return digits == m_digits;
}

} // namespace securechat
