// SPDX-License-Identifier: MIT
#include "identitychooser.h"

#include "filefield.h"
#include "trust/identitystore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace securechat {

namespace {

    bool isPkcs12(const QString& path)
    {
        return path.endsWith(QStringLiteral(".p12"), Qt::CaseInsensitive)
            || path.endsWith(QStringLiteral(".pfx"), Qt::CaseInsensitive);
    }

} // namespace

IdentityChooser::IdentityChooser(AppPaths paths, bool allowNone, QWidget* parent)
    : QWidget(parent)
    , m_paths(std::move(paths))
    , m_source(new QComboBox(this))
    , m_files(new QWidget(this))
    , m_certificate(new FileField(
          tr("Certificate"), tr("Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)"), m_files))
    , m_key(new FileField(tr("Private key"), tr("Private keys (*.key *.pem);;All files (*)"), m_files))
    , m_passphrase(new QLineEdit(m_files))
    , m_storedHint(new QLabel(this))
{
    m_source->setAccessibleName(tr("Identity"));
    m_source->addItem(tr("My stored identity"), QVariant::fromValue(Source::Stored));
    m_source->addItem(tr("Certificate and key files"), QVariant::fromValue(Source::Files));
    if (allowNone)
        m_source->addItem(tr("No certificate"), QVariant::fromValue(Source::None));

    m_certificate->setAccessibleName(tr("Certificate file"));
    m_certificate->setPlaceholderText(tr("PEM certificate chain, or a PKCS#12 (.p12) file"));
    m_key->setAccessibleName(tr("Private key file"));
    m_key->setPlaceholderText(tr("PEM private key (not needed for .p12)"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase"));
    m_passphrase->setPlaceholderText(tr("Only if the key is encrypted"));
    auto* fileForm = new QFormLayout(m_files);
    fileForm->setContentsMargins(0, 0, 0, 0);
    fileForm->addRow(tr("Certificate:"), m_certificate);
    fileForm->addRow(tr("Key:"), m_key);
    fileForm->addRow(tr("Passphrase:"), m_passphrase);

    m_storedHint->setWordWrap(true);
    m_storedHint->setTextFormat(Qt::PlainText);
    m_storedHint->setForegroundRole(QPalette::PlaceholderText);
    m_storedHint->setText(
        tr("Kept in %1; a new one is made the first time.").arg(m_paths.identityDirectory()));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_source);
    layout->addWidget(m_storedHint);
    layout->addWidget(m_files);
    connect(m_source, &QComboBox::currentIndexChanged, this, &IdentityChooser::updateVisibility);
    connect(m_certificate, &FileField::pathChanged, this, &IdentityChooser::updateKeyField);
    updateVisibility();
}

IdentityChooser::Source IdentityChooser::source() const
{
    return m_source->currentData().value<Source>();
}

void IdentityChooser::setSource(Source source)
{
    const int index = m_source->findData(QVariant::fromValue(source));
    if (index >= 0)
        m_source->setCurrentIndex(index);
}

void IdentityChooser::setFiles(const QString& certificatePath, const QString& keyPath)
{
    m_certificate->setPath(certificatePath);
    m_key->setPath(keyPath);
    setSource(Source::Files);
}

void IdentityChooser::updateVisibility()
{
    m_files->setVisible(source() == Source::Files);
    m_storedHint->setVisible(source() == Source::Stored);
}

void IdentityChooser::updateKeyField()
{
    m_key->setEnabled(!isPkcs12(m_certificate->path()));
}

Result<Identity> IdentityChooser::load(const QString& nick) const
{
    switch (source()) {
    case Source::None:
        return Result<Identity>::success(Identity());
    case Source::Stored:
        return IdentityStore(m_paths.identityDirectory()).loadOrCreate(nick);
    case Source::Files:
        break;
    }
    const QString certificate = m_certificate->path();
    if (certificate.isEmpty())
        return Result<Identity>::failure(tr("Choose a certificate file, or use your stored identity."));
    const QByteArray passphrase = m_passphrase->text().toUtf8();
    if (isPkcs12(certificate))
        return Identity::fromPkcs12(certificate, passphrase);
    if (m_key->path().isEmpty())
        return Result<Identity>::failure(tr("Choose the private key file that belongs to the certificate."));
    return Identity::fromPemFiles(certificate, m_key->path(), passphrase);
}

} // namespace securechat
