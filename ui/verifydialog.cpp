// SPDX-License-Identifier: MIT
#include "verifydialog.h"

#include "chatsession.h"
#include "lineicon.h"
#include "scaledfont.h"
#include "texttone.h"
#include "tls/certificatedetails.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace securechat {

namespace {

    QByteArray leafDigest(const QList<CertificateDetails>& chain)
    {
        return chain.isEmpty() ? QByteArray()
                               : CertificateDetails::parseFingerprint(chain.constFirst().sha256Fingerprint);
    }

    // Three rows of four groups: short enough to read aloud a row at a time.
    QString inRows(const QString& grouped)
    {
        QStringList groups = grouped.split(u' ');
        QStringList rows;
        constexpr int GroupsPerRow = 4;
        for (qsizetype i = 0; i < groups.size(); i += GroupsPerRow)
            rows << QStringList(groups.mid(i, GroupsPerRow)).join(u' ');
        return rows.join(u'\n');
    }

} // namespace

VerifyDialog::VerifyDialog(
    const QString& peer, const SafetyNumber& number, bool alreadyVerified, QWidget* parent)
    : QDialog(parent)
    , m_number(number)
{
    setWindowTitle(tr("Verify %1").arg(peer));
    setAccessibleName(windowTitle());

    auto* intro = new QLabel(tr("Compare this number with the one %1 sees, read aloud or side by side. "
                                "If they are the same, nobody sits between you.")
                                 .arg(peer),
        this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_digits = new QLabel(inRows(number.grouped()), this);
    m_digits->setObjectName(QStringLiteral("safetyNumber"));
    m_digits->setAccessibleName(tr("Safety number"));
    m_digits->setTextFormat(Qt::PlainText);
    m_digits->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_digits->setAlignment(Qt::AlignCenter);
    m_digits->setFont(scaledFont(QFontDatabase::systemFont(QFontDatabase::FixedFont), 1.4));

    m_theirs = new QLineEdit(this);
    m_theirs->setAccessibleName(tr("Their number"));
    m_theirs->setPlaceholderText(tr("Optional: paste the number they sent you to compare"));
    m_comparison = new QLabel(this);
    m_comparison->setObjectName(QStringLiteral("comparison"));
    m_comparison->setTextFormat(Qt::PlainText);
    m_comparison->setWordWrap(true);
    m_comparison->hide();
    connect(m_theirs, &QLineEdit::textChanged, this, &VerifyDialog::compareTyped);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_mark = buttons->addButton(tr("&Mark as Verified"), QDialogButtonBox::AcceptRole);
    m_mark->setObjectName(QStringLiteral("markVerified"));
    LineIcon::decorateDialogButton(m_mark, QStringLiteral("ok"));
    if (alreadyVerified) {
        m_mark->setEnabled(false);
        m_mark->setText(tr("Verified"));
    }
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT markedVerified();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_digits);
    layout->addWidget(m_theirs);
    layout->addWidget(m_comparison);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

VerifyDialog::~VerifyDialog() = default;

std::optional<SafetyNumber> VerifyDialog::numberFor(const ChatSession& session, const QString& peer)
{
    if (peer.isEmpty() || peer == session.ownNick())
        return std::nullopt;
    return SafetyNumber::fromCertificateDigests(
        leafDigest(session.certificateChain(session.ownNick())), leafDigest(session.certificateChain(peer)));
}

QString VerifyDialog::shownNumber() const
{
    return m_number.grouped();
}

void VerifyDialog::compareTyped()
{
    const QString typed = m_theirs->text();
    m_comparison->setVisible(!typed.trimmed().isEmpty());
    if (m_number.matches(typed)) {
        m_comparison->setText(tr("The numbers are the same."));
        TextTone::apply(m_comparison, TextTone::Tone::AllClear);
    } else {
        m_comparison->setText(tr("The numbers differ: do not mark this connection as verified."));
        TextTone::apply(m_comparison, TextTone::Tone::Warning);
    }
}

} // namespace securechat
