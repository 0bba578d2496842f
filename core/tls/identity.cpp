// SPDX-License-Identifier: MIT
#include "tls/identity.h"

#include "tls/certificatedetails.h"
#include "tls/opensslconversions.h"

#include <QFile>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <cstring>
#include <memory>
#include <utility>

namespace securechat {

namespace {

    using namespace openssl;

    // Names the data in messages: "certificate file /path" or "certificate data".
    struct Sources final {
        QString certificate;
        QString key;
    };

    // Empties libcrypto's error queue on the way out, failed or not (3.0's decoders leave
    // entries even on success): Qt's backend reads that queue on the same thread and would
    // blame them on its next TLS operation.
    struct ErrorQueueCleaner final {
        ErrorQueueCleaner() = default;
        ~ErrorQueueCleaner() { ERR_clear_error(); }
        ErrorQueueCleaner(const ErrorQueueCleaner&) = delete;
        ErrorQueueCleaner& operator=(const ErrorQueueCleaner&) = delete;
    };

    QString lastOpenSslReason()
    {
        const char* reason = ERR_reason_error_string(ERR_peek_last_error());
        return reason ? QString::fromUtf8(reason) : Identity::tr("unknown error");
    }

    QString formatDate(const QDateTime& date)
    {
        return date.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    }

    Result<QByteArray> readFile(const QString& path, const QString& what)
    {
        QFile file(path);
        if (!file.exists())
            return Result<QByteArray>::failure(
                Identity::tr("cannot open %1 %2: no such file").arg(what, path));
        if (!file.open(QIODevice::ReadOnly))
            return Result<QByteArray>::failure(
                Identity::tr("cannot open %1 %2: %3").arg(what, path, file.errorString()));
        return Result<QByteArray>::success(file.readAll());
    }

    Result<QList<QSslCertificate>> parseCertificates(const QByteArray& data, const QString& source)
    {
        QList<QSslCertificate> chain = QSslCertificate::fromData(data, QSsl::Pem);
        if (chain.isEmpty())
            chain = QSslCertificate::fromData(data, QSsl::Der);
        if (!chain.isEmpty())
            return Result<QList<QSslCertificate>>::success(std::move(chain));
        QString message = Identity::tr("%1 does not contain a certificate").arg(source);
        if (data.contains("PRIVATE KEY-----"))
            message += Identity::tr(" (it holds a private key: are certificate and key swapped?)");
        return Result<QList<QSslCertificate>>::failure(message);
    }

    struct PassphraseRequest final {
        const QByteArray& passphrase;
        bool asked = false;
    };

    // libcrypto calls this only for an encrypted key, which tells "needs a passphrase" and
    // "wrong passphrase" apart from "not a key at all".
    int supplyPassphrase(char* buffer, int size, int /*writing*/, void* userData)
    {
        auto* request = static_cast<PassphraseRequest*>(userData);
        request->asked = true;
        const qsizetype length = request->passphrase.size();
        if (length == 0 || length > size)
            return -1;
        std::memcpy(buffer, request->passphrase.constData(), static_cast<size_t>(length));
        return static_cast<int>(length);
    }

    Result<EvpKeyPtr> decodeKey(const QByteArray& pem, const QByteArray& passphrase, const QString& source)
    {
        const BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
        PassphraseRequest request { passphrase };
        EvpKeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, supplyPassphrase, &request));
        if (key)
            return Result<EvpKeyPtr>::success(std::move(key));
        if (!request.asked)
            return Result<EvpKeyPtr>::failure(Identity::tr("%1 does not contain a private key").arg(source));
        if (passphrase.isEmpty())
            return Result<EvpKeyPtr>::failure(
                Identity::tr("%1 is encrypted: a passphrase is needed").arg(source));
        return Result<EvpKeyPtr>::failure(Identity::tr("wrong passphrase for %1").arg(source));
    }

    // Hands Qt an unencrypted PKCS#8 copy; the buffer it passes through is wiped when freed.
    Result<QSslKey> toQt(EVP_PKEY* key, const QString& source)
    {
        QSsl::KeyAlgorithm algorithm = QSsl::Opaque;
        switch (EVP_PKEY_get_base_id(key)) {
        case EVP_PKEY_EC:
            algorithm = QSsl::Ec;
            break;
        case EVP_PKEY_RSA:
            algorithm = QSsl::Rsa;
            break;
        default: {
            const char* type = EVP_PKEY_get0_type_name(key);
            return Result<QSslKey>::failure(
                Identity::tr("%1 holds a %2 key; SecureChat needs an EC or RSA key")
                    .arg(source, QString::fromUtf8(type ? type : "different")));
        }
        }
        const BioPtr bio(BIO_new(BIO_s_secmem()));
        if (!bio || !PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr))
            return Result<QSslKey>::failure(
                Identity::tr("cannot convert %1: %2").arg(source, lastOpenSslReason()));
        char* data = nullptr;
        const long length = BIO_get_mem_data(bio.get(), &data);
        QByteArray pem(data, static_cast<qsizetype>(length));
        QSslKey qtKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        pem.fill('\0');
        if (qtKey.isNull())
            return Result<QSslKey>::failure(Identity::tr("Qt cannot use the key in %1").arg(source));
        return Result<QSslKey>::success(std::move(qtKey));
    }

    Status checkValidity(const QSslCertificate& certificate, const QString& source, const QDateTime& now)
    {
        if (now > certificate.expiryDate())
            return Status::failure(Identity::tr("certificate expired on %1 (%2)")
                                       .arg(formatDate(certificate.expiryDate()), source));
        if (now < certificate.effectiveDate())
            return Status::failure(Identity::tr("certificate is not valid until %1 (%2)")
                                       .arg(formatDate(certificate.effectiveDate()), source));
        return succeeded();
    }

    Result<Identity> assemble(
        QList<QSslCertificate> chain, EVP_PKEY* key, const Sources& sources, const QDateTime& now)
    {
        if (const Status valid = checkValidity(chain.first(), sources.certificate, now); !valid)
            return Result<Identity>::failure(valid.error());
        const X509Ptr leaf = toX509(chain.first());
        if (!leaf || X509_check_private_key(leaf.get(), key) != 1)
            return Result<Identity>::failure(
                Identity::tr("%1 does not match %2").arg(sources.key, sources.certificate));
        Result<QSslKey> qtKey = toQt(key, sources.key);
        if (!qtKey)
            return Result<Identity>::failure(qtKey.error());
        return Result<Identity>::success(Identity(std::move(chain), std::move(qtKey).value()));
    }

    Result<Identity> fromPemData(const QByteArray& certificates, const QByteArray& key,
        const QByteArray& passphrase, const Sources& sources, const QDateTime& now)
    {
        const ErrorQueueCleaner cleaner;
        Result<QList<QSslCertificate>> chain = parseCertificates(certificates, sources.certificate);
        if (!chain)
            return Result<Identity>::failure(chain.error());
        const Result<EvpKeyPtr> decoded = decodeKey(key, passphrase, sources.key);
        if (!decoded)
            return Result<Identity>::failure(decoded.error());
        return assemble(std::move(chain).value(), decoded.value().get(), sources, now);
    }

    bool passwordMatches(PKCS12* p12, const QByteArray& password)
    {
        if (!PKCS12_mac_present(p12))
            return true;
        if (PKCS12_verify_mac(p12, password.constData(), static_cast<int>(password.size())))
            return true;
        // An empty password may have been stored as "no password" (a null MAC key).
        return password.isEmpty() && PKCS12_verify_mac(p12, nullptr, 0);
    }

} // namespace

Identity::Identity(QList<QSslCertificate> chain, QSslKey key)
    : m_chain(std::move(chain))
    , m_key(std::move(key))
{
}

Result<Identity> Identity::fromPem(
    const QByteArray& certificates, const QByteArray& key, const QByteArray& passphrase, const QDateTime& now)
{
    return fromPemData(
        certificates, key, passphrase, { Identity::tr("certificate data"), Identity::tr("key data") }, now);
}

Result<Identity> Identity::fromPemFiles(const QString& certificatePath, const QString& keyPath,
    const QByteArray& passphrase, const QDateTime& now)
{
    const Result<QByteArray> certificates = readFile(certificatePath, Identity::tr("certificate file"));
    if (!certificates)
        return Result<Identity>::failure(certificates.error());
    const Result<QByteArray> key = readFile(keyPath, Identity::tr("key file"));
    if (!key)
        return Result<Identity>::failure(key.error());
    return fromPemData(certificates.value(), key.value(), passphrase,
        { Identity::tr("certificate file %1").arg(certificatePath),
            Identity::tr("key file %1").arg(keyPath) },
        now);
}

Result<Identity> Identity::fromPkcs12(const QString& path, const QByteArray& passphrase, const QDateTime& now)
{
    const Result<QByteArray> data = readFile(path, Identity::tr("PKCS#12 file"));
    if (!data)
        return Result<Identity>::failure(data.error());
    const QString source = Identity::tr("PKCS#12 file %1").arg(path);
    const ErrorQueueCleaner cleaner;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data->constData());
    const Pkcs12Ptr p12(d2i_PKCS12(nullptr, &bytes, data->size()));
    if (!p12)
        return Result<Identity>::failure(Identity::tr("%1 is not a PKCS#12 file").arg(path));
    if (!passwordMatches(p12.get(), passphrase))
        return Result<Identity>::failure(Identity::tr("wrong password for %1").arg(source));

    EVP_PKEY* rawKey = nullptr;
    X509* rawCertificate = nullptr;
    STACK_OF(X509)* rawAuthorities = nullptr;
    const bool parsed
        = PKCS12_parse(p12.get(), passphrase.constData(), &rawKey, &rawCertificate, &rawAuthorities);
    const EvpKeyPtr key(rawKey);
    const X509Ptr certificate(rawCertificate);
    const CertificateStackPtr authorities(rawAuthorities);
    if (!parsed)
        return Result<Identity>::failure(Identity::tr("cannot read %1: %2 (re-export it with current "
                                                      "algorithms, e.g. openssl pkcs12 -export)")
                                             .arg(source, lastOpenSslReason()));
    if (!certificate)
        return Result<Identity>::failure(Identity::tr("%1 holds no certificate").arg(source));
    if (!key)
        return Result<Identity>::failure(Identity::tr("%1 holds no private key").arg(source));

    QList<QSslCertificate> chain { openssl::toQt(certificate.get()) };
    for (int i = 0; authorities && i < sk_X509_num(authorities.get()); ++i)
        chain.append(openssl::toQt(sk_X509_value(authorities.get(), i)));
    return assemble(std::move(chain), key.get(),
        { Identity::tr("the certificate in %1").arg(source), Identity::tr("the key in %1").arg(source) },
        now);
}

bool Identity::isNull() const
{
    return m_chain.isEmpty() || m_chain.first().isNull() || m_key.isNull();
}

QSslCertificate Identity::certificate() const
{
    return m_chain.value(0);
}

QString Identity::fingerprint() const
{
    return CertificateDetails::fingerprintSha256(certificate());
}

} // namespace securechat
