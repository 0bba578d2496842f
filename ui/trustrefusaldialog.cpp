// SPDX-License-Identifier: MIT
#include "trustrefusaldialog.h"

#include "fingerprintformat.h"
#include "lineicon.h"
#include "protocol/textsanitizer.h"
#include "scaledfont.h"
#include "texttone.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace securechat {

namespace {

    QLabel* wrappedLabel(const QString& text, QWidget* parent)
    {
        auto* label = new QLabel(parent);
        // The texts quote the host name and certificate names: plain text only.
        label->setTextFormat(Qt::PlainText);
        label->setText(text);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    }

    QGroupBox* fingerprintBox(
        const QString& title, const QByteArray& digest, const QString& objectName, QWidget* parent)
    {
        auto* box = new QGroupBox(title, parent);
        auto* value = new QLabel(box);
        value->setObjectName(objectName);
        value->setAccessibleName(title);
        value->setTextFormat(Qt::PlainText);
        const QString grouped = FingerprintFormat::grouped(digest);
        value->setText(grouped.isEmpty() ? TrustRefusalDialog::tr("(none)") : grouped);
        value->setFont(FingerprintFormat::font(parent->font(), 1.1));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setAlignment(Qt::AlignCenter);
        auto* layout = new QVBoxLayout(box);
        layout->addWidget(value);
        return box;
    }

} // namespace

TrustRefusalDialog::TrustRefusalDialog(
    const TrustAssessment& assessment, const QString& hostPort, QWidget* parent)
    : QDialog(parent)
{
    const bool changed = assessment.verdict == TrustVerdict::Changed;
    const QString host = TextSanitizer::forDisplay(hostPort);
    setWindowTitle(changed ? tr("Certificate Changed: Connection Refused") : tr("Certificate Refused"));
    setAccessibleName(windowTitle());

    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));

    auto* heading
        = wrappedLabel(changed ? tr("The certificate of %1 has changed. This may be an attack.").arg(host)
                               : tr("SecureChat refused the certificate of %1.").arg(host),
            this);
    heading->setObjectName(QStringLiteral("heading"));
    QFont headingFont = font();
    headingFont.setBold(true);
    heading->setFont(scaledFont(headingFont, 1.2));
    if (changed) {
        // The one case where SecureChat raises its voice; the words say it too.
        TextTone::apply(heading, TextTone::Tone::Warning);
    }
    auto* explanation = wrappedLabel(changed
            ? tr("It is not the certificate you chose to trust. Someone may be intercepting the "
                 "connection, or the owner of the host may have replaced the certificate. SecureChat "
                 "did not connect and sent nothing.")
            : tr("The certificate has a problem that no trust decision can excuse. SecureChat did not "
                 "connect and sent nothing."),
        this);

    auto* top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    auto* headingColumn = new QVBoxLayout;
    headingColumn->addWidget(heading);
    headingColumn->addWidget(explanation);
    headingColumn->addStretch();
    top->addLayout(headingColumn, 1);

    auto* adviceBox = new QGroupBox(tr("How to proceed"), this);
    auto* advice = wrappedLabel(changed
            ? tr("Ask the owner of the host, in person or over a channel you already trust, whether "
                 "they replaced the certificate, and compare the new fingerprint with them. Only if "
                 "they confirm it, remove the old one in Settings → Known peers and connect again. "
                 "Otherwise, do not connect.")
            : tr("Ask the owner of the host to fix the certificate, for example to renew an expired one."),
        adviceBox);
    advice->setObjectName(QStringLiteral("advice"));
    (new QVBoxLayout(adviceBox))->addWidget(advice);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    close->setDefault(true);
    close->setFocus();
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (changed) {
        auto* settings = buttons->addButton(tr("Open &Settings…"), QDialogButtonBox::ActionRole);
        settings->setObjectName(QStringLiteral("openSettingsButton"));
        settings->setAutoDefault(false);
        LineIcon::decorateDialogButton(settings, QStringLiteral("settings"));
        connect(settings, &QPushButton::clicked, this, [this] {
            reject();
            Q_EMIT openSettingsRequested();
        });
    }

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(layout->spacing());
    // A refusal without TLS errors (no certificate at all) is explained by the summary alone.
    const QStringList problems = assessment.problems.isEmpty() && !assessment.summary.isEmpty()
        ? QStringList { assessment.summary }
        : assessment.problems;
    if (!changed && !problems.isEmpty())
        layout->addWidget(buildProblems(problems));
    layout->addWidget(buildFingerprints(assessment));
    layout->addWidget(adviceBox);
    layout->addWidget(buttons);
    setMinimumWidth(changed ? 640 : 520);
    // Word-wrapped labels make the default size too tall: size for the width actually used.
    const int width = qMax(minimumWidth(), sizeHint().width());
    resize(width, heightForWidth(width));
}

QWidget* TrustRefusalDialog::buildFingerprints(const TrustAssessment& assessment)
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    if (assessment.verdict == TrustVerdict::Changed) {
        layout->addWidget(fingerprintBox(tr("Trusted before (SHA-256)"), assessment.expectedSha256,
            QStringLiteral("expectedFingerprint"), row));
    }
    const bool changed = assessment.verdict == TrustVerdict::Changed;
    layout->addWidget(fingerprintBox(changed ? tr("Presented now (SHA-256)") : tr("Presented (SHA-256)"),
        assessment.presentedSha256, QStringLiteral("presentedFingerprint"), row));
    return row;
}

QWidget* TrustRefusalDialog::buildProblems(const QStringList& problems)
{
    auto* box = new QGroupBox(tr("What is wrong"), this);
    box->setObjectName(QStringLiteral("problems"));
    auto* layout = new QVBoxLayout(box);
    for (const QString& problem : problems) {
        auto* label = wrappedLabel(QStringLiteral("•  ") + TextSanitizer::forDisplay(problem), box);
        label->setObjectName(QStringLiteral("problem"));
        layout->addWidget(label);
    }
    return box;
}

} // namespace securechat
