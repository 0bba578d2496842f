// SPDX-License-Identifier: MIT
#include "tls/certificatedetails.h"

#include "tls/opensslconversions.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHostAddress>
#include <QRegularExpression>

#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <array>

namespace securechat {

namespace {

    using namespace openssl;

    // Runs one of libcrypto's print functions into a memory BIO and returns what it wrote, or
    // a null string if it failed.
    template <typename Print> QString printed(Print print)
    {
        const BioPtr bio(BIO_new(BIO_s_mem()));
        if (!bio || print(bio.get()) <= 0)
            return {};
        char* data = nullptr;
        const long length = BIO_get_mem_data(bio.get(), &data);
        return QString::fromUtf8(data, static_cast<qsizetype>(length));
    }

    QString objectName(const ASN1_OBJECT* object)
    {
        std::array<char, 128> buffer {};
        const int length = OBJ_obj2txt(buffer.data(), static_cast<int>(buffer.size()), object, 0);
        return length > 0 ? QString::fromUtf8(buffer.data()) : QString();
    }

    QString nameText(const X509_NAME* name)
    {
        // RFC 2253, but UTF-8 stays readable instead of becoming \C3\A9 escapes.
        constexpr unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
        return printed([name](BIO* bio) { return X509_NAME_print_ex(bio, name, 0, flags); });
    }

    QString serialText(const X509* x509)
    {
        const ASN1_INTEGER* serial = X509_get0_serialNumber(x509);
        // i2a_ASN1_INTEGER is what `openssl x509 -serial` prints; it wraps past 35 bytes.
        return printed([serial](BIO* bio) {
            return i2a_ASN1_INTEGER(bio, serial);
        }).remove(QStringLiteral("\\\n"));
    }

    // openssl prints an IPv6 address uncompressed ("0:0:0:0:0:0:0:1"); people read "::1".
    QString alternativeNameText(GENERAL_NAME* name)
    {
        if (name->type == GEN_IPADD && ASN1_STRING_length(name->d.iPAddress) == 16) {
            const QHostAddress address(ASN1_STRING_get0_data(name->d.iPAddress));
            return QStringLiteral("IP Address:") + address.toString();
        }
        return printed([name](BIO* bio) { return GENERAL_NAME_print(bio, name); });
    }

    QStringList alternativeNames(const GENERAL_NAMES* names)
    {
        QStringList result;
        for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i)
            result.append(alternativeNameText(sk_GENERAL_NAME_value(names, i)));
        return result;
    }

    QStringList alternativeNames(const X509* x509)
    {
        const GeneralNamesPtr names(
            static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(x509, NID_subject_alt_name, nullptr, nullptr)));
        return alternativeNames(names.get());
    }

    QString extensionLine(X509_EXTENSION* extension)
    {
        QString name = objectName(X509_EXTENSION_get_object(extension));
        const QString x509v3 = QStringLiteral("X509v3 ");
        if (name.startsWith(x509v3))
            name.remove(0, x509v3.size());
        if (X509_EXTENSION_get_critical(extension))
            name += QCoreApplication::translate("securechat::CertificateDetails", " (critical)");
        QString value;
        if (OBJ_obj2nid(X509_EXTENSION_get_object(extension)) == NID_subject_alt_name) {
            // The same names as subjectAlternativeNames, IPv6 addresses compressed alike.
            const GeneralNamesPtr names(static_cast<GENERAL_NAMES*>(X509V3_EXT_d2i(extension)));
            if (names)
                value = alternativeNames(names.get()).join(QStringLiteral(", "));
        }
        if (value.isNull())
            value = printed([extension](BIO* bio) { return X509V3_EXT_print(bio, extension, 0, 0); });
        if (value.isNull()) {
            // An extension libcrypto has no printer for: show its bytes rather than hide it.
            const ASN1_OCTET_STRING* data = X509_EXTENSION_get_data(extension);
            value = QString::fromLatin1(QByteArray(
                reinterpret_cast<const char*>(ASN1_STRING_get0_data(data)), ASN1_STRING_length(data))
                                            .toHex(':'));
        }
        // Some printers span several lines (policies, authority key identifiers).
        const QStringList lines = value.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QStringList trimmed;
        for (const QString& line : lines)
            trimmed.append(line.trimmed());
        return name + QStringLiteral(": ") + trimmed.join(QStringLiteral("; "));
    }

    void readKey(const X509* x509, CertificateDetails& details)
    {
        EVP_PKEY* key = X509_get0_pubkey(x509);
        if (!key)
            return;
        const char* type = EVP_PKEY_get0_type_name(key);
        details.keyAlgorithm
            = type ? QString::fromUtf8(type) : QString::fromUtf8(OBJ_nid2sn(EVP_PKEY_get_base_id(key)));
        details.keyBits = EVP_PKEY_get_bits(key);
        std::array<char, 80> group {};
        size_t length = 0;
        if (EVP_PKEY_get_utf8_string_param(
                key, OSSL_PKEY_PARAM_GROUP_NAME, group.data(), group.size(), &length)) {
            const char* nist = EC_curve_nid2nist(OBJ_txt2nid(group.data()));
            details.keyCurve = QString::fromUtf8(nist ? nist : group.data());
        }
    }

} // namespace

CertificateDetails CertificateDetails::fromCertificate(
    const QSslCertificate& certificate, const QDateTime& now)
{
    const X509Ptr x509 = toX509(certificate);
    if (certificate.isNull() || !x509) {
        ERR_clear_error();
        return {};
    }
    CertificateDetails details;
    details.commonName = certificate.subjectInfo(QSslCertificate::CommonName).value(0);
    details.subject = nameText(X509_get_subject_name(x509.get()));
    details.issuer = nameText(X509_get_issuer_name(x509.get()));
    details.serialNumber = serialText(x509.get());
    details.notBefore = certificate.effectiveDate().toUTC();
    details.notAfter = certificate.expiryDate().toUTC();
    // Floor, so that a certificate with 12 hours left says 0 and one expired an hour ago -1.
    const qint64 secondsLeft = now.secsTo(details.notAfter);
    constexpr qint64 secondsPerDay = 24LL * 60 * 60;
    details.daysLeft = secondsLeft >= 0 ? secondsLeft / secondsPerDay
                                        : -((-secondsLeft + secondsPerDay - 1) / secondsPerDay);
    details.expired = now > details.notAfter;
    details.notYetValid = now < details.notBefore;
    details.subjectAlternativeNames = alternativeNames(x509.get());
    readKey(x509.get(), details);
    details.sha256Fingerprint = fingerprintSha256(certificate);
    details.sha1Fingerprint = formatFingerprint(certificate.digest(QCryptographicHash::Sha1));
    for (int i = 0; i < X509_get_ext_count(x509.get()); ++i)
        details.extensions.append(extensionLine(X509_get_ext(x509.get(), i)));
    details.selfSigned = X509_self_signed(x509.get(), 1) == 1;
    const X509_ALGOR* algorithm = nullptr;
    X509_get0_signature(nullptr, &algorithm, x509.get());
    const ASN1_OBJECT* algorithmObject = nullptr;
    X509_ALGOR_get0(&algorithmObject, nullptr, nullptr, algorithm);
    details.signatureAlgorithm = objectName(algorithmObject);
    details.pem = certificate.toPem();
    ERR_clear_error(); // leave nothing behind for Qt's backend to misread as its own error
    return details;
}

QString CertificateDetails::formatFingerprint(const QByteArray& digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QStringList CertificateDetails::fingerprintGroups(const QString& fingerprint, int pairsPerGroup)
{
    static const QRegularExpression hexPairs(QStringLiteral("^([0-9A-Fa-f]{2})+$"));
    const QString hex = QString(fingerprint).remove(u':');
    if (pairsPerGroup < 1 || !hexPairs.match(hex).hasMatch())
        return {};
    QStringList groups;
    const qsizetype groupLength = 2 * static_cast<qsizetype>(pairsPerGroup);
    for (qsizetype start = 0; start < hex.size(); start += groupLength)
        groups << formatFingerprint(QByteArray::fromHex(hex.mid(start, groupLength).toLatin1()));
    return groups;
}

QString CertificateDetails::groupedFingerprint(const QString& fingerprint)
{
    const QStringList groups = fingerprintGroups(fingerprint);
    return groups.isEmpty() ? fingerprint : groups.join(u' ');
}

QByteArray CertificateDetails::parseFingerprint(const QString& text)
{
    static const QRegularExpression prefix(
        QStringLiteral("^(sha-?256( fingerprint)?[:=])"), QRegularExpression::CaseInsensitiveOption);
    QString hex = text.trimmed().remove(prefix);
    static const QRegularExpression separators(QStringLiteral("[\\s:]"));
    hex.remove(separators);
    static const QRegularExpression hexDigits(QStringLiteral("^[0-9A-Fa-f]{64}$"));
    if (!hexDigits.match(hex).hasMatch())
        return {};
    return QByteArray::fromHex(hex.toLatin1());
}

QString CertificateDetails::fingerprintSha256(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return {};
    return formatFingerprint(certificate.digest(QCryptographicHash::Sha256));
}

} // namespace securechat
