// SPDX-License-Identifier: MIT
#include "certificatedialog.h"

#include "fingerprintformat.h"
#include "lineicon.h"
#include "protocol/textsanitizer.h"
#include "texttone.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace securechat {

namespace {

    constexpr int copiedFeedbackMs = 2000;

    QString shown(const QString& text, TextSanitizer::Mode mode = TextSanitizer::Mode::SingleLine)
    {
        return TextSanitizer::forDisplay(text, mode);
    }

    // The name a person knows a certificate by; the whole subject when it has no common name.
    QString displayName(const CertificateDetails& details)
    {
        if (!details.commonName.isEmpty())
            return shown(details.commonName);
        if (!details.subject.isEmpty())
            return shown(details.subject);
        return CertificateDialog::tr("(unnamed certificate)");
    }

    QString when(const QDateTime& time)
    {
        return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                              : CertificateDialog::tr("unknown");
    }

    QString daysText(qint64 days)
    {
        return days == 1 ? CertificateDialog::tr("1 day") : CertificateDialog::tr("%1 days").arg(days);
    }

    QString validityText(const CertificateDetails& details)
    {
        if (details.expired)
            return CertificateDialog::tr("Expired %1 ago").arg(daysText(qMax<qint64>(1, -details.daysLeft)));
        if (details.notYetValid)
            return CertificateDialog::tr("Not valid yet: valid from %1").arg(when(details.notBefore));
        return CertificateDialog::tr("Valid, %1 left").arg(daysText(details.daysLeft));
    }

    QString keyText(const CertificateDetails& details)
    {
        if (details.keyAlgorithm.isEmpty())
            return CertificateDialog::tr("unknown");
        QString text = CertificateDialog::tr("%1, %2 bits").arg(details.keyAlgorithm).arg(details.keyBits);
        if (!details.keyCurve.isEmpty())
            text += CertificateDialog::tr(", curve %1").arg(details.keyCurve);
        return text;
    }

    QString listText(const QStringList& items)
    {
        return items.isEmpty() ? CertificateDialog::tr("none")
                               : shown(items.join(u'\n'), TextSanitizer::Mode::MultiLine);
    }

    // A file name offered when saving: only characters that are safe in any file system.
    QString suggestedFileName(const CertificateDetails& details)
    {
        QString name;
        for (const QChar c : details.commonName) {
            const bool safe = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                || c == u'-' || c == u'_' || c == u'.';
            name += safe ? c : u'_';
        }
        while (name.startsWith(u'.'))
            name.remove(0, 1);
        return (name.isEmpty() ? QStringLiteral("certificate") : name) + QStringLiteral(".pem");
    }

} // namespace

CertificateDialog::CertificateDialog(const QList<CertificateDetails>& chain, QWidget* parent)
    : QDialog(parent)
    , m_chain(chain)
{
    setWindowTitle(tr("Certificate"));
    setAccessibleName(tr("Certificate details"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copyButton = buttons->addButton(tr("&Copy fingerprint"), QDialogButtonBox::ActionRole);
    m_copyButton->setToolTip(tr("Copy the SHA-256 fingerprint of the selected certificate"));
    m_saveButton = buttons->addButton(tr("&Save as PEM…"), QDialogButtonBox::ActionRole);
    m_saveButton->setToolTip(tr("Save the selected certificate to a file in PEM format"));
    for (QPushButton* button : { m_copyButton, m_saveButton })
        button->setAutoDefault(false);
    LineIcon::decorateDialogButton(m_copyButton, QStringLiteral("copy"));
    LineIcon::decorateDialogButton(m_saveButton, QStringLiteral("save"));
    connect(m_copyButton, &QPushButton::clicked, this, &CertificateDialog::copyFingerprint);
    connect(m_saveButton, &QPushButton::clicked, this, &CertificateDialog::saveAsPem);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildChainTree());
    layout->addWidget(buildFields(), 1);
    layout->addWidget(buttons);
    // Wide enough for a serial number and a fingerprint line, which cannot wrap.
    setMinimumSize(600, 480);
    resize(720, 640);

    if (m_chain.isEmpty())
        showCertificate(-1);
    else
        setCurrentIndex(0);
}

QList<CertificateDetails> CertificateDialog::detailsOf(const QList<QSslCertificate>& chain)
{
    QList<CertificateDetails> details;
    for (const QSslCertificate& certificate : chain)
        details << CertificateDetails::fromCertificate(certificate);
    return details;
}

void CertificateDialog::setCurrentIndex(int index)
{
    if (index < 0 || index >= m_chain.size())
        return;
    // Each item is the only child of the one before it.
    QTreeWidgetItem* item = m_tree->topLevelItem(0);
    for (int i = 0; i < index && item; ++i)
        item = item->child(0);
    m_tree->setCurrentItem(item);
}

QWidget* CertificateDialog::buildChainTree()
{
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("chainTree"));
    m_tree->setAccessibleName(tr("Certificate chain"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setRootIsDecorated(false);

    // The certificate itself on top; each issuer below the certificate it vouches for.
    QTreeWidgetItem* parentItem = nullptr;
    for (int i = 0; i < m_chain.size(); ++i) {
        auto* item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(m_tree);
        const CertificateDetails& details = m_chain.at(i);
        QString text = displayName(details);
        if (i > 0)
            text = tr("%1 (issuer)").arg(text);
        item->setText(0, text);
        item->setToolTip(0, shown(details.subject));
        item->setData(0, Qt::UserRole, i);
        parentItem = item;
    }
    m_tree->expandAll();
    // Tall enough for a usual chain (leaf, intermediate, root) without scrolling, and no taller:
    // the fields need the room.
    const int rowHeight
        = m_tree->sizeHintForRow(0) > 0 ? m_tree->sizeHintForRow(0) : m_tree->fontMetrics().height();
    const int rows = qBound(3, static_cast<int>(m_chain.size()), 5);
    m_tree->setFixedHeight(rowHeight * rows + 2 * m_tree->frameWidth() + 4);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        if (current)
            showCertificate(current->data(0, Qt::UserRole).toInt());
    });
    return m_tree;
}

QWidget* CertificateDialog::buildFields()
{
    const std::array<std::pair<QString, const char*>, FieldCount> rows { {
        { tr("Subject:"), "subjectValue" },
        { tr("Issuer:"), "issuerValue" },
        { tr("Serial number:"), "serialValue" },
        { tr("Valid from:"), "validFromValue" },
        { tr("Valid until:"), "validUntilValue" },
        { tr("Validity:"), "validityValue" },
        { tr("Names (SAN):"), "namesValue" },
        { tr("Public key:"), "keyValue" },
        { tr("Signature:"), "signatureValue" },
        { tr("SHA-256 fingerprint:"), "sha256Value" },
        { tr("SHA-1 fingerprint:"), "sha1Value" },
        { tr("Extensions:"), "extensionsValue" },
        { tr("Self-signed:"), "selfSignedValue" },
    } };

    // A grid rather than a QFormLayout, which centres a row's title beside a value of several lines.
    auto* page = new QWidget;
    auto* grid = new QGridLayout(page);
    grid->setColumnStretch(1, 1);
    for (int field = 0; field < FieldCount; ++field) {
        auto* value = new QLabel(page);
        value->setObjectName(QString::fromLatin1(rows.at(field).second));
        // Certificate fields are chosen by whoever made the certificate: never rich text.
        value->setTextFormat(Qt::PlainText);
        value->setWordWrap(true);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        QString name = rows.at(field).first;
        name.chop(1);
        value->setAccessibleName(name);
        if (field == Sha256 || field == Sha1 || field == Serial)
            value->setFont(FingerprintFormat::font(font(), 1.0));
        auto* title = new QLabel(rows.at(field).first, page);
        title->setBuddy(value);
        grid->addWidget(title, field, 0, Qt::AlignLeft | Qt::AlignTop);
        grid->addWidget(value, field, 1, Qt::AlignTop);
        m_values.at(field) = value;
    }
    grid->setRowStretch(FieldCount, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

void CertificateDialog::showCertificate(int index)
{
    m_current = index;
    const bool valid = index >= 0 && index < m_chain.size();
    m_copyButton->setEnabled(valid);
    m_saveButton->setEnabled(valid && !m_chain.at(index).pem.isEmpty());
    if (!valid) {
        for (QLabel* value : m_values)
            value->clear();
        m_values.at(Subject)->setText(tr("No certificate to show."));
        return;
    }

    const CertificateDetails& details = m_chain.at(index);
    setWindowTitle(tr("Certificate: %1").arg(displayName(details)));
    m_values.at(Subject)->setText(shown(details.subject));
    m_values.at(Issuer)->setText(shown(details.issuer));
    m_values.at(Serial)->setText(details.serialNumber);
    m_values.at(ValidFrom)->setText(when(details.notBefore));
    m_values.at(ValidUntil)->setText(when(details.notAfter));
    m_values.at(Names)->setText(listText(details.subjectAlternativeNames));
    m_values.at(Key)->setText(keyText(details));
    m_values.at(Signature)->setText(details.signatureAlgorithm);
    m_values.at(Sha256)->setText(FingerprintFormat::grouped(details.sha256Fingerprint));
    m_values.at(Sha1)->setText(
        FingerprintFormat::grouped(details.sha1Fingerprint, FingerprintFormat::sha1PairsPerLine));
    m_values.at(Extensions)->setText(listText(details.extensions));
    m_values.at(SelfSigned)->setText(details.selfSigned ? tr("Yes: it vouches for itself") : tr("No"));

    // Marked by words and a sign as well as by colour, which not everyone can tell apart.
    QLabel* validity = m_values.at(Validity);
    const bool problem = details.expired || details.notYetValid;
    validity->setText(problem ? QStringLiteral("⚠ ") + validityText(details) : validityText(details));
    TextTone::apply(validity, problem ? TextTone::Tone::Warning : TextTone::Tone::Plain);
    QFont bold = validity->parentWidget()->font();
    bold.setBold(problem);
    validity->setFont(bold);
}

void CertificateDialog::copyFingerprint()
{
    if (m_current < 0)
        return;
    QGuiApplication::clipboard()->setText(m_chain.at(m_current).sha256Fingerprint);
    m_copyButton->setText(tr("Copied"));
    QTimer::singleShot(copiedFeedbackMs, m_copyButton,
        [button = m_copyButton] { button->setText(tr("&Copy fingerprint")); });
}

void CertificateDialog::saveAsPem()
{
    if (m_current < 0)
        return;
    const CertificateDetails& details = m_chain.at(m_current);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Certificate as PEM"),
        suggestedFileName(details), tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(details.pem) != details.pem.size() || !file.commit()) {
        QMessageBox::warning(this, tr("Certificate Not Saved"),
            tr("The certificate could not be saved to %1: %2").arg(path, file.errorString()));
    }
}

} // namespace securechat
