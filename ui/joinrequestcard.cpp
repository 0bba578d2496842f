// SPDX-License-Identifier: MIT
#include "joinrequestcard.h"

#include "fingerprintformat.h"
#include "iconlabel.h"
#include "lineicon.h"
#include "protocol/textsanitizer.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace securechat {

namespace {

    QLabel* plainLabel(const QString& text, QWidget* parent)
    {
        auto* label = new QLabel(text, parent);
        label->setTextFormat(Qt::PlainText); // a nickname or fingerprint is never markup
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    }

} // namespace

JoinRequestCard::JoinRequestCard(const JoinRequest& request, QWidget* parent)
    : QFrame(parent)
    , m_requestId(request.id)
{
    const QString wants = tr("%1 wants to join")
                              .arg(TextSanitizer::forDisplay(request.nick, TextSanitizer::Mode::SingleLine));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(wants);

    auto* icon = new IconLabel(this);
    icon->setIcon(request.fingerprint.isEmpty() ? LineIcon::icon(QStringLiteral("peer-textmode"))
                                                : QIcon(QStringLiteral(":/icons/peer-unverified.svg")),
        fontMetrics().height() * 2);

    auto* headline = plainLabel(wants, this);
    headline->setObjectName(QStringLiteral("headline"));
    QFont bold = headline->font();
    bold.setBold(true);
    headline->setFont(bold);
    auto* check = plainLabel(tr("From %1 · %2").arg(request.endpoint, request.check), this);
    check->setObjectName(QStringLiteral("check"));
    check->setWordWrap(true);

    auto* texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(headline);
    texts->addWidget(check);
    if (!request.fingerprint.isEmpty()) {
        // Grouped as the joining side's trust prompt shows it, so both can compare line by line.
        auto* fingerprint = plainLabel(FingerprintFormat::grouped(request.fingerprint), this);
        fingerprint->setObjectName(QStringLiteral("fingerprint"));
        fingerprint->setAccessibleName(tr("SHA-256 fingerprint"));
        fingerprint->setFont(FingerprintFormat::font(font(), 1.0));
        texts->addWidget(fingerprint);
    }
    texts->addStretch(1); // the answers may be taller than what is said

    auto* answers = new QVBoxLayout;
    answers->setSpacing(4);
    addAnswer(Answer::AdmitOnce, tr("Admit &once"), QStringLiteral("admitOnceButton"))
        ->setToolTip(tr("Let them in this time. You will be asked again next time."));
    QPushButton* always
        = addAnswer(Answer::AlwaysAdmit, tr("A&lways admit"), QStringLiteral("alwaysAdmitButton"));
    // Remembering means remembering a certificate: without one there is nothing to recognise.
    always->setEnabled(!request.fingerprint.isEmpty());
    always->setToolTip(request.fingerprint.isEmpty()
            ? tr("Without a certificate they cannot be recognised next time.")
            : tr("Let them in, and from now on whenever they come with this certificate (see Settings)."));
    addAnswer(Answer::Refuse, tr("&Refuse"), QStringLiteral("refuseButton"))
        ->setToolTip(tr("Turn them away; they are told that you did not let them in."));
    for (QPushButton* button : std::as_const(m_buttons))
        answers->addWidget(button);
    answers->addStretch(1);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(12);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addLayout(answers);
}

QPushButton* JoinRequestCard::addAnswer(Answer answer, const QString& text, const QString& objectName)
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    connect(button, &QPushButton::clicked, this, [this, answer] { Q_EMIT answered(answer); });
    m_buttons << button;
    return button;
}

QPushButton* JoinRequestCard::button(Answer answer) const
{
    return m_buttons.at(static_cast<int>(answer));
}

} // namespace securechat
