// SPDX-License-Identifier: MIT
#include "sessiondetailsdialog.h"

#include "certificatedialog.h"
#include "lineicon.h"
#include "protocol/textsanitizer.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace securechat {

SessionDetailsDialog::SessionDetailsDialog(
    const SessionDetails& details, qint64 messagesSent, qint64 messagesReceived, QWidget* parent)
    : QDialog(parent)
    , m_peerChain(details.peerChain)
{
    setWindowTitle(tr("Session Details"));
    setAccessibleName(windowTitle());

    auto* form = new QFormLayout;
    const auto addRow = [this, form](const QString& title, const QString& value, const char* objectName) {
        auto* label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(objectName));
        // The peer name and address come from the network: plain text only.
        label->setTextFormat(Qt::PlainText);
        label->setText(TextSanitizer::forDisplay(value));
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        QString name = title;
        name.chop(1);
        label->setAccessibleName(name);
        form->addRow(title, label);
    };

    const QString unknown = tr("not reported");
    const QLocale locale;
    QString peer = tr("unknown");
    if (!m_peerChain.isEmpty()) {
        const CertificateDetails& certificate = m_peerChain.first();
        peer = certificate.commonName.isEmpty() ? certificate.subject : certificate.commonName;
    }
    addRow(tr("Peer:"), peer, "peerValue");
    addRow(
        tr("Peer address:"), details.peerAddress.isEmpty() ? unknown : details.peerAddress, "addressValue");
    addRow(tr("Identity:"), details.trust.isEmpty() ? unknown : details.trust, "trustValue");
    addRow(tr("Protocol:"), details.protocol.isEmpty() ? unknown : details.protocol, "protocolValue");
    addRow(tr("Cipher suite:"), details.cipher.isEmpty() ? unknown : details.cipher, "cipherValue");
    addRow(tr("Key exchange:"), details.keyExchange.isEmpty() ? unknown : details.keyExchange,
        "keyExchangeValue");
    addRow(tr("ALPN:"), details.alpn.isEmpty() ? tr("none — text mode") : details.alpn, "alpnValue");
    addRow(tr("Connected since:"),
        details.connectedSince.isValid()
            ? locale.toString(details.connectedSince.toLocalTime(), QLocale::LongFormat)
            : unknown,
        "connectedSinceValue");
    addRow(tr("Messages sent:"), locale.toString(messagesSent), "sentValue");
    addRow(tr("Messages received:"), locale.toString(messagesReceived), "receivedValue");

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* viewButton = buttons->addButton(tr("&View certificate…"), QDialogButtonBox::ActionRole);
    viewButton->setObjectName(QStringLiteral("viewCertificateButton"));
    viewButton->setEnabled(!m_peerChain.isEmpty());
    viewButton->setAutoDefault(false);
    LineIcon::decorateDialogButton(viewButton, QStringLiteral("certificate"));
    connect(viewButton, &QPushButton::clicked, this, &SessionDetailsDialog::showCertificate);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

void SessionDetailsDialog::showCertificate()
{
    auto* dialog = new CertificateDialog(m_peerChain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace securechat
