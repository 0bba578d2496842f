// SPDX-License-Identifier: MIT
#include "tls/identitygenerator.h"

#include "tls/opensslpointers.h"

#include <QRegularExpression>
#include <QUrl>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <array>
#include <memory>

namespace securechat {

namespace {

    using namespace openssl;

    constexpr int maxCommonNameLength = 64; // ub-common-name in RFC 5280
    constexpr int serialBytes = 16;
    constexpr long clockSkewSeconds = 5L * 60;

    QString openSslFailure(const char* step)
    {
        const char* reason = ERR_reason_error_string(ERR_peek_last_error());
        ERR_clear_error();
        return IdentityGenerator::tr("cannot generate an identity: %1 failed (%2)")
            .arg(QString::fromLatin1(step), QString::fromUtf8(reason ? reason : "unknown error"));
    }

    EvpKeyPtr generateKey()
    {
        const EvpKeyContextPtr context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
        EVP_PKEY* key = nullptr;
        if (!context || EVP_PKEY_keygen_init(context.get()) <= 0
            || EVP_PKEY_CTX_set_group_name(context.get(), "P-256") <= 0
            || EVP_PKEY_generate(context.get(), &key) <= 0)
            return nullptr;
        return EvpKeyPtr(key);
    }

    bool setRandomSerial(X509* certificate)
    {
        // 128 random bits read as an unsigned number: always positive, as RFC 5280 requires.
        std::array<unsigned char, serialBytes> bytes {};
        if (RAND_bytes(bytes.data(), serialBytes) != 1)
            return false;
        const BignumPtr number(BN_bin2bn(bytes.data(), serialBytes, nullptr));
        ASN1_INTEGER* serial = number ? BN_to_ASN1_INTEGER(number.get(), nullptr) : nullptr;
        const bool set = serial && X509_set_serialNumber(certificate, serial) == 1;
        ASN1_INTEGER_free(serial);
        return set;
    }

    Result<GeneralNamePtr> dnsName(const QString& name)
    {
        const QByteArray ascii = QUrl::toAce(name);
        if (!IdentityGenerator::isValidHostName(name))
            return Result<GeneralNamePtr>::failure(
                IdentityGenerator::tr("cannot generate an identity: \"%1\" is not a valid host name")
                    .arg(name));
        GeneralNamePtr general(GENERAL_NAME_new());
        ASN1_IA5STRING* text = ASN1_IA5STRING_new();
        if (!general || !text || !ASN1_STRING_set(text, ascii.constData(), static_cast<int>(ascii.size()))) {
            ASN1_IA5STRING_free(text);
            return Result<GeneralNamePtr>::failure(openSslFailure("storing a host name"));
        }
        GENERAL_NAME_set0_value(general.get(), GEN_DNS, text);
        return Result<GeneralNamePtr>::success(std::move(general));
    }

    Result<GeneralNamePtr> ipAddress(const QHostAddress& address)
    {
        QByteArray bytes;
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            const quint32 ipv4 = address.toIPv4Address();
            for (int shift = 24; shift >= 0; shift -= 8)
                bytes.append(static_cast<char>((ipv4 >> shift) & 0xffU));
        } else if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            const Q_IPV6ADDR ipv6 = address.toIPv6Address();
            bytes = QByteArray(reinterpret_cast<const char*>(ipv6.c), sizeof(ipv6.c));
        } else {
            return Result<GeneralNamePtr>::failure(
                IdentityGenerator::tr("cannot generate an identity: \"%1\" is not an IP address")
                    .arg(address.toString()));
        }
        GeneralNamePtr general(GENERAL_NAME_new());
        OctetStringPtr octets(ASN1_OCTET_STRING_new());
        if (!general || !octets
            || !ASN1_OCTET_STRING_set(octets.get(), reinterpret_cast<const unsigned char*>(bytes.constData()),
                static_cast<int>(bytes.size())))
            return Result<GeneralNamePtr>::failure(openSslFailure("storing an IP address"));
        GENERAL_NAME_set0_value(general.get(), GEN_IPADD, octets.release());
        return Result<GeneralNamePtr>::success(std::move(general));
    }

    Status addAlternativeNames(
        X509* certificate, const QStringList& dnsNames, const QList<QHostAddress>& addresses)
    {
        if (dnsNames.isEmpty() && addresses.isEmpty())
            return succeeded();
        const GeneralNamesPtr names(GENERAL_NAMES_new());
        auto append = [&names](Result<GeneralNamePtr> name) -> Status {
            if (!name)
                return Status::failure(name.error());
            if (!sk_GENERAL_NAME_push(names.get(), name.value().get()))
                return Status::failure(openSslFailure("adding a name"));
            static_cast<void>(name.value().release()); // the stack owns it now
            return succeeded();
        };
        for (const QString& name : dnsNames)
            if (Status added = append(dnsName(name)); !added)
                return added;
        for (const QHostAddress& address : addresses)
            if (Status added = append(ipAddress(address)); !added)
                return added;
        if (X509_add1_ext_i2d(certificate, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) != 1)
            return Status::failure(openSslFailure("adding subjectAltName"));
        return succeeded();
    }

    bool addExtension(X509* certificate, int nid, const char* value)
    {
        X509V3_CTX context;
        X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
        const ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
        return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
    }

    Result<X509Ptr> buildCertificate(EVP_PKEY* key, const QString& commonName, int validityDays)
    {
        X509Ptr certificate(X509_new());
        if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1
            || !setRandomSerial(certificate.get()))
            return Result<X509Ptr>::failure(openSslFailure("making the certificate"));
        if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -clockSkewSeconds)
            || !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), validityDays, 0, nullptr))
            return Result<X509Ptr>::failure(openSslFailure("setting the validity"));
        const QByteArray name = commonName.toUtf8();
        X509_NAME* subject = X509_get_subject_name(certificate.get());
        if (!X509_NAME_add_entry_by_NID(subject, NID_commonName, MBSTRING_UTF8,
                reinterpret_cast<const unsigned char*>(name.constData()), static_cast<int>(name.size()), -1,
                0)
            || X509_set_issuer_name(certificate.get(), subject) != 1
            || X509_set_pubkey(certificate.get(), key) != 1)
            return Result<X509Ptr>::failure(openSslFailure("setting the name"));
        // The subject key identifier is a hash of the public key, so it comes after set_pubkey.
        if (!addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
            || !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
            || !addExtension(certificate.get(), NID_ext_key_usage, "serverAuth,clientAuth")
            || !addExtension(certificate.get(), NID_subject_key_identifier, "hash"))
            return Result<X509Ptr>::failure(openSslFailure("adding extensions"));
        return Result<X509Ptr>::success(std::move(certificate));
    }

    template <typename Write> QByteArray toPem(Write write)
    {
        // Secure-memory BIO: the buffer is wiped when freed, which matters for the key.
        const BioPtr bio(BIO_new(BIO_s_secmem()));
        if (!bio || write(bio.get()) != 1)
            return {};
        char* data = nullptr;
        const long length = BIO_get_mem_data(bio.get(), &data);
        return QByteArray(data, static_cast<qsizetype>(length));
    }

} // namespace

bool IdentityGenerator::isValidHostName(const QString& name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$"));
    const QByteArray ascii = QUrl::toAce(name);
    return !ascii.isEmpty() && valid.match(QString::fromLatin1(ascii)).hasMatch();
}

Result<Identity> IdentityGenerator::generate(const QString& commonName, const QStringList& dnsNames,
    const QList<QHostAddress>& addresses, int validityDays)
{
    const QString name = commonName.trimmed();
    if (name.isEmpty())
        return Result<Identity>::failure(
            IdentityGenerator::tr("cannot generate an identity: the name must not be empty"));
    if (name.toUcs4().size() > maxCommonNameLength)
        return Result<Identity>::failure(
            IdentityGenerator::tr("cannot generate an identity: the name is longer than %1 characters")
                .arg(maxCommonNameLength));
    if (validityDays < 1)
        return Result<Identity>::failure(
            IdentityGenerator::tr("cannot generate an identity: it must be valid for at least one day"));

    const EvpKeyPtr key = generateKey();
    if (!key)
        return Result<Identity>::failure(openSslFailure("generating an EC P-256 key"));
    Result<X509Ptr> certificate = buildCertificate(key.get(), name, validityDays);
    if (!certificate)
        return Result<Identity>::failure(certificate.error());
    X509* x509 = certificate.value().get();
    if (const Status named = addAlternativeNames(x509, dnsNames, addresses); !named)
        return Result<Identity>::failure(named.error());
    if (X509_sign(x509, key.get(), EVP_sha256()) <= 0)
        return Result<Identity>::failure(openSslFailure("signing the certificate"));

    const QByteArray certificatePem = toPem([x509](BIO* bio) { return PEM_write_bio_X509(bio, x509); });
    QByteArray keyPem = toPem([&key](BIO* bio) {
        return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    });
    if (certificatePem.isEmpty() || keyPem.isEmpty())
        return Result<Identity>::failure(openSslFailure("writing PEM"));
    // Identity checks the pair once more and converts the key for Qt.
    Result<Identity> identity = Identity::fromPem(certificatePem, keyPem);
    keyPem.fill('\0');
    return identity;
}

} // namespace securechat
