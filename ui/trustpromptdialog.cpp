// SPDX-License-Identifier: MIT
#include "trustpromptdialog.h"

#include "certificatedialog.h"
#include "fingerprintformat.h"
#include "lineicon.h"
#include "protocol/textsanitizer.h"
#include "scaledfont.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace securechat {

namespace {

    // Everything in a certificate and in the problem descriptions (which quote certificate
    // names) comes from the peer: plain text only, control and bidi characters neutralised.
    QLabel* plainLabel(const QString& text, QWidget* parent)
    {
        auto* label = new QLabel(parent);
        label->setTextFormat(Qt::PlainText);
        label->setText(TextSanitizer::forDisplay(text));
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    }

} // namespace

TrustPromptDialog::TrustPromptDialog(
    const TrustAssessment& assessment, const QList<CertificateDetails>& chain, QWidget* parent)
    : QDialog(parent)
    , m_chain(chain)
{
    setWindowTitle(tr("Check This Certificate"));
    setAccessibleName(tr("Unverified certificate"));

    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion, nullptr, this).pixmap(iconSize));
    icon->setAlignment(Qt::AlignTop);

    auto* heading = new QLabel(tr("Check this certificate before you trust it"), this);
    heading->setObjectName(QStringLiteral("heading"));
    QFont headingFont = font();
    headingFont.setBold(true);
    heading->setFont(scaledFont(headingFont, 1.2));
    auto* intro = new QLabel(tr("Nobody you trust vouches for this certificate, so SecureChat cannot "
                                "tell who is on the other end. Nothing has been sent yet."),
        this);
    intro->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    auto* headingColumn = new QVBoxLayout;
    headingColumn->addWidget(heading);
    headingColumn->addWidget(intro);
    headingColumn->addStretch();
    top->addLayout(headingColumn, 1);

    auto* buttons = new QDialogButtonBox(this);
    // Apart from the answers, on the left: looking at the certificate answers nothing.
    auto* viewButton = new QPushButton(tr("&View certificate…"), this);
    viewButton->setObjectName(QStringLiteral("viewCertificateButton"));
    viewButton->setEnabled(!m_chain.isEmpty());
    auto* onceButton = buttons->addButton(tr("Trust &once"), QDialogButtonBox::AcceptRole);
    onceButton->setObjectName(QStringLiteral("trustOnceButton"));
    onceButton->setToolTip(tr("Connect this time only. You will be asked again next time."));
    auto* alwaysButton = buttons->addButton(tr("&Always trust"), QDialogButtonBox::AcceptRole);
    alwaysButton->setObjectName(QStringLiteral("alwaysTrustButton"));
    alwaysButton->setToolTip(tr("Remember this certificate for this host. You will not be asked again, "
                                "and a different certificate from this host will be refused."));
    auto* cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    LineIcon::decorateDialogButton(viewButton, QStringLiteral("certificate"));
    LineIcon::decorateDialogButton(onceButton, QStringLiteral("ok"));
    LineIcon::decorateDialogButton(alwaysButton, QStringLiteral("ok"));
    cancelButton->setObjectName(QStringLiteral("cancelButton"));
    // Enter must never trust by accident: only Cancel is a default button, and it has the focus.
    for (QPushButton* button : { viewButton, onceButton, alwaysButton })
        button->setAutoDefault(false);
    cancelButton->setDefault(true);
    cancelButton->setFocus();

    connect(viewButton, &QPushButton::clicked, this, &TrustPromptDialog::showCertificate);
    connect(onceButton, &QPushButton::clicked, this, [this] { choose(ChatClient::TrustAnswer::TrustOnce); });
    connect(
        alwaysButton, &QPushButton::clicked, this, [this] { choose(ChatClient::TrustAnswer::AlwaysTrust); });
    connect(cancelButton, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(layout->spacing());
    layout->addWidget(buildIdentity());
    layout->addWidget(buildFingerprint(assessment));
    if (!assessment.problems.isEmpty())
        layout->addWidget(buildProblems(assessment.problems));
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(viewButton);
    buttonRow->addStretch();
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);
    setMinimumWidth(580);
    // Word-wrapped labels make the default size too tall: size for the width actually used.
    const int width = qMax(minimumWidth(), sizeHint().width());
    resize(width, heightForWidth(width));
}

QWidget* TrustPromptDialog::buildIdentity()
{
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);
    if (m_chain.isEmpty()) {
        form->addRow(tr("Claims to be:"), new QLabel(tr("(no certificate details available)"), box));
        return box;
    }
    const CertificateDetails& peer = m_chain.first();
    auto* name = plainLabel(peer.commonName.isEmpty() ? peer.subject : peer.commonName, box);
    name->setObjectName(QStringLiteral("claimedName"));
    name->setAccessibleName(tr("Claims to be"));
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    form->addRow(tr("Claims to be:"), name);
    auto* names = plainLabel(peer.subjectAlternativeNames.isEmpty()
            ? tr("no names listed")
            : peer.subjectAlternativeNames.join(QStringLiteral(", ")),
        box);
    names->setAccessibleName(tr("Issued for"));
    form->addRow(tr("Issued for:"), names);
    auto* issuer = plainLabel(peer.selfSigned ? tr("itself (self-signed)") : peer.issuer, box);
    issuer->setObjectName(QStringLiteral("issuer"));
    issuer->setAccessibleName(tr("Issued by"));
    form->addRow(tr("Issued by:"), issuer);
    const QString until = peer.notAfter.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
    auto* validity = plainLabel(peer.expired ? tr("expired on %1").arg(until) : until, box);
    validity->setAccessibleName(tr("Valid until"));
    form->addRow(tr("Valid until:"), validity);
    return box;
}

QWidget* TrustPromptDialog::buildFingerprint(const TrustAssessment& assessment)
{
    auto* box = new QGroupBox(tr("SHA-256 fingerprint"), this);
    auto* fingerprint = new QLabel(box);
    fingerprint->setObjectName(QStringLiteral("fingerprint"));
    fingerprint->setAccessibleName(tr("SHA-256 fingerprint"));
    fingerprint->setTextFormat(Qt::PlainText);
    const QString text = !assessment.presentedSha256.isEmpty()
        ? FingerprintFormat::grouped(assessment.presentedSha256)
        : FingerprintFormat::grouped(m_chain.value(0).sha256Fingerprint);
    fingerprint->setText(text.isEmpty() ? tr("(unknown)") : text);
    fingerprint->setFont(FingerprintFormat::font(font()));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    fingerprint->setAlignment(Qt::AlignCenter);

    auto* advice = new QLabel(tr("Ask the owner of the host to read their fingerprint to you, in person "
                                 "or over a channel you already trust, and compare every line."),
        box);
    advice->setWordWrap(true);

    auto* layout = new QVBoxLayout(box);
    layout->addWidget(fingerprint);
    layout->addWidget(advice);
    return box;
}

QWidget* TrustPromptDialog::buildProblems(const QStringList& problems)
{
    auto* box = new QGroupBox(tr("Why it is not verified"), this);
    box->setObjectName(QStringLiteral("problems"));
    auto* layout = new QVBoxLayout(box);
    for (const QString& problem : problems) {
        auto* label = plainLabel(QStringLiteral("•  ") + problem, box);
        label->setObjectName(QStringLiteral("problem"));
        layout->addWidget(label);
    }
    return box;
}

void TrustPromptDialog::choose(ChatClient::TrustAnswer answer)
{
    m_answer = answer;
    accept();
}

void TrustPromptDialog::done(int result)
{
    if (result == QDialog::Rejected)
        m_answer = ChatClient::TrustAnswer::Cancel;
    QDialog::done(result);
    if (!m_answered) {
        m_answered = true;
        Q_EMIT answered(m_answer);
    }
}

void TrustPromptDialog::showCertificate()
{
    auto* dialog = new CertificateDialog(m_chain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace securechat
