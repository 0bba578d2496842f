// SPDX-License-Identifier: MIT
#include "identitypage.h"

#include "certificatedialog.h"
#include "fingerprintformat.h"
#include "plainmessagebox.h"
#include "protocol/textsanitizer.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace securechat {

namespace {

    QLabel* plainLabel(const QString& objectName, const QString& accessibleName, QWidget* parent)
    {
        auto* label = new QLabel(parent);
        label->setObjectName(objectName);
        label->setAccessibleName(accessibleName);
        // The subject may come from an imported certificate: never rich text.
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        return label;
    }

    QByteArray readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

} // namespace

IdentityPage::IdentityPage(const QString& directory, QWidget* parent)
    : QWidget(parent)
    , m_store(directory)
{
    auto* intro = new QLabel(tr("Your identity is the certificate others see when you host or connect. "
                                "Changes here take effect at once."),
        this);
    intro->setWordWrap(true);

    m_subject = plainLabel(QStringLiteral("identitySubject"), tr("Subject"), this);
    m_fingerprint = plainLabel(QStringLiteral("identityFingerprint"), tr("SHA-256 fingerprint"), this);
    m_fingerprint->setFont(FingerprintFormat::font(font(), 1.1));
    m_fingerprint->setWordWrap(false);
    m_status = plainLabel(QStringLiteral("identityStatus"), tr("Identity status"), this);
    auto* form = new QFormLayout;
    form->addRow(tr("Subject:"), m_subject);
    form->addRow(tr("SHA-256 fingerprint:"), m_fingerprint);
    form->addRow(m_status);

    m_viewButton = new QPushButton(tr("&View certificate…"), this);
    auto* regenerateButton = new QPushButton(tr("&Regenerate…"), this);
    regenerateButton->setToolTip(
        tr("Make a new self-signed certificate and key; the current ones are kept as a backup"));
    auto* importButton = new QPushButton(tr("I&mport…"), this);
    importButton->setToolTip(tr("Use a certificate and key from a PEM or PKCS#12 (.p12) file"));
    m_exportButton = new QPushButton(tr("E&xport certificate…"), this);
    m_exportButton->setToolTip(tr("Save your certificate (not the key) for others to pin or verify"));
    connect(m_viewButton, &QPushButton::clicked, this, &IdentityPage::viewCertificate);
    connect(regenerateButton, &QPushButton::clicked, this, &IdentityPage::regenerate);
    connect(importButton, &QPushButton::clicked, this, &IdentityPage::import);
    connect(m_exportButton, &QPushButton::clicked, this, &IdentityPage::exportCertificate);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : { m_viewButton, regenerateButton, importButton, m_exportButton }) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch();

    refresh();
}

void IdentityPage::refresh()
{
    const Result<Identity> loaded = m_store.load();
    m_identity = loaded ? std::optional<Identity>(loaded.value()) : std::nullopt;
    m_viewButton->setEnabled(m_identity.has_value());
    m_exportButton->setEnabled(m_identity.has_value());
    if (!m_identity) {
        m_subject->setText(tr("none"));
        m_fingerprint->clear();
        m_status->setText(tr("No usable identity: %1. SecureChat creates one when you first host or "
                             "connect; you can also regenerate or import one here.")
                              .arg(loaded.error()));
        m_status->show();
        return;
    }
    const CertificateDetails details = CertificateDetails::fromCertificate(m_identity->certificate());
    m_subject->setText(TextSanitizer::forDisplay(details.subject));
    m_fingerprint->setText(FingerprintFormat::grouped(details.sha256Fingerprint));
    m_status->clear();
    m_status->hide();
}

void IdentityPage::viewCertificate()
{
    if (!m_identity)
        return;
    auto* dialog = new CertificateDialog(CertificateDialog::detailsOf(m_identity->chain()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void IdentityPage::regenerate()
{
    if (!PlainMessageBox::confirm(this, tr("Regenerate Identity?"),
            tr("Make a new certificate and key? Peers who chose to always trust your current certificate "
               "will see it as changed and refuse it until they remove the old one.\n\nThe current "
               "identity is kept as a backup in %1.")
                .arg(QDir::toNativeSeparators(m_store.directory()))))
        return;
    const Result<QString> fingerprint = m_store.regenerate(m_commonName);
    if (!fingerprint)
        PlainMessageBox::warn(this, tr("Identity Not Regenerated"), fingerprint.error());
    refresh();
    if (fingerprint)
        Q_EMIT identityChanged();
}

void IdentityPage::import()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import Identity"), QString(),
        tr("Certificates and keys (*.pem *.crt *.p12 *.pfx);;All files (*)"));
    if (path.isEmpty())
        return;
    const std::optional<Result<Identity>> identity = readIdentity(path);
    if (!identity)
        return;
    if (!identity->ok()) {
        PlainMessageBox::warn(this, tr("Identity Not Imported"), identity->error());
        return;
    }
    if (m_identity
        && !PlainMessageBox::confirm(this, tr("Replace Identity?"),
            tr("Use the certificate with the SHA-256 fingerprint\n%1\nas your identity? The current one is "
               "kept as a backup.")
                .arg(FingerprintFormat::grouped(identity->value().fingerprint()))))
        return;
    const Status imported = m_store.importFrom(identity->value());
    if (!imported)
        PlainMessageBox::warn(this, tr("Identity Not Imported"), imported.error());
    refresh();
    if (imported)
        Q_EMIT identityChanged();
}

std::optional<Result<Identity>> IdentityPage::readIdentity(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"p12" || suffix == u"pfx") {
        // Many PKCS#12 files have no password: only ask when the empty one does not open it.
        const Result<Identity> unprotected = Identity::fromPkcs12(path, {});
        if (unprotected)
            return unprotected;
        std::optional<QByteArray> passphrase = askPassphrase(path);
        if (!passphrase)
            return std::nullopt;
        Result<Identity> identity = Identity::fromPkcs12(path, *passphrase);
        passphrase->fill('\0');
        return identity;
    }

    QString keyPath = path;
    if (!readAll(path).contains("PRIVATE KEY")) {
        keyPath = QFileDialog::getOpenFileName(this, tr("Choose the Private Key"),
            QFileInfo(path).absolutePath(), tr("Private keys (*.key *.pem);;All files (*)"));
        if (keyPath.isEmpty())
            return std::nullopt;
    }
    // "ENCRYPTED PRIVATE KEY" (PKCS#8) or "Proc-Type: 4,ENCRYPTED" (traditional PEM).
    std::optional<QByteArray> passphrase = QByteArray();
    if (readAll(keyPath).contains("ENCRYPTED"))
        passphrase = askPassphrase(keyPath);
    if (!passphrase)
        return std::nullopt;
    Result<Identity> identity = Identity::fromPemFiles(path, keyPath, *passphrase);
    passphrase->fill('\0');
    return identity;
}

std::optional<QByteArray> IdentityPage::askPassphrase(const QString& path)
{
    bool ok = false;
    // The file name goes in the title, which is never rich text; the label might be.
    const QString passphrase
        = QInputDialog::getText(this, tr("Passphrase for %1").arg(QFileInfo(path).fileName()),
            tr("This file is protected by a passphrase.\nPassphrase:"), QLineEdit::Password, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return passphrase.toUtf8();
}

void IdentityPage::exportCertificate()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Certificate"),
        QStringLiteral("securechat-identity.pem"), tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const Status exported = m_store.exportCertificate(path); !exported)
        PlainMessageBox::warn(this, tr("Certificate Not Exported"), exported.error());
}

} // namespace securechat
