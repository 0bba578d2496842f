// SPDX-License-Identifier: MIT
#include "sessionbanner.h"

#include "fingerprintformat.h"
#include "iconlabel.h"
#include "lineicon.h"
#include "texttone.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace securechat {

SessionBanner::SessionBanner(QWidget* parent)
    : QFrame(parent)
    , m_icon(new IconLabel(this))
    , m_text(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_admission(new QLabel(this))
    , m_fingerprintLabel(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_action(new QPushButton(tr("Reconnect Now"), this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_retry(new QPushButton(this))
{
    setAccessibleName(tr("Session status"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);

    // Addresses, reasons and fingerprints come from the network: plain text only.
    for (QLabel* label : { m_text, m_detail, m_admission, m_fingerprintLabel }) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_text->setWordWrap(true);
    m_detail->setWordWrap(true);
    // Wrapped, but not into a column of single words beside the fingerprint in a small window.
    const int narrowest = fontMetrics().averageCharWidth() * 24;
    for (QLabel* label : { m_text, m_detail, m_admission })
        label->setMinimumWidth(narrowest);
    m_admission->setObjectName(QStringLiteral("admission"));
    m_admission->setWordWrap(true);
    m_admission->hide();
    // Laid out as the trust prompt shows it to peers, so both sides can compare line by line.
    m_fingerprintLabel->setFont(FingerprintFormat::font(font(), 1.0));
    m_fingerprintLabel->setAccessibleName(tr("Your fingerprint"));
    m_fingerprintLabel->hide();
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(140);
    m_busy->setAccessibleName(tr("Connection progress"));

    auto* texts = new QVBoxLayout;
    texts->setSpacing(2);
    texts->addWidget(m_text);
    texts->addWidget(m_admission);
    texts->addWidget(m_detail);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(12);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(texts, 1);
    layout->addWidget(m_fingerprintLabel);
    layout->addWidget(m_busy);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_stop, 0, Qt::AlignVCenter);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &SessionBanner::retryRequested);
    m_stop->setAccessibleName(tr("Stop reconnecting"));
    m_stop->hide();
    connect(m_action, &QPushButton::clicked, this, &SessionBanner::onAction);
    connect(m_stop, &QPushButton::clicked, this, &SessionBanner::stopRequested);
}

bool SessionBanner::event(QEvent* event)
{
    const bool handled = QFrame::event(event);
    // Layouts do not make a wrapped label's height at this width a minimum, so a small window
    // would cut the banner's text off: ask for the whole of it, whenever the width or text changes.
    if (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest)
        setMinimumHeight(heightForWidth(width()));
    return handled;
}

void SessionBanner::setIcon(const QIcon& icon)
{
    const int size = m_text->fontMetrics().height() * 2;
    m_icon->setIcon(icon, size);
}

void SessionBanner::showHosting(const QString& listeningOn, const QString& fingerprint, Admission admission)
{
    m_mode = Mode::Hosting;
    setIcon(LineIcon::icon(QStringLiteral("hosting"), TextTone::Tone::Accent));
    m_text->setText(tr("Listening on %1").arg(listeningOn));
    switch (admission) {
    case Admission::Open:
        m_admission->setText(tr("Open session: anyone who can reach this port can join."));
        break;
    case Admission::Known:
        m_admission->setText(tr("Only people you know can join."));
        break;
    case Admission::Ask:
        m_admission->setText(tr("You are asked about each new participant before they see anything."));
        break;
    }
    // An open door is worth a second look; the other modes are what a person expects.
    const bool open = admission == Admission::Open;
    TextTone::apply(m_admission, open ? TextTone::Tone::Warning : TextTone::Tone::Plain, backgroundRole());
    QFont emphasis = font();
    emphasis.setBold(open);
    m_admission->setFont(emphasis);
    m_admission->show();
    m_detail->setText(tr("Whoever connects is shown your certificate's SHA-256 fingerprint. Read it out to "
                         "them, so they can check it line by line before they trust it."));
    m_fingerprint = fingerprint;
    m_fingerprintLabel->setText(FingerprintFormat::grouped(fingerprint));
    m_fingerprintLabel->show();
    m_busy->hide();
    m_stop->hide();
    m_retry->hide();
    m_action->setText(tr("Copy Fingerprint"));
    m_action->setIcon(LineIcon::icon(QStringLiteral("copy")));
    m_action->setAccessibleName(tr("Copy your fingerprint"));
    show();
}

void SessionBanner::showProgress(const QString& text)
{
    m_mode = Mode::Progress;
    setIcon(LineIcon::icon(QStringLiteral("pending"), TextTone::Tone::Accent));
    m_text->setText(text);
    m_detail->setText(tr("Nothing is sent until the host's identity is settled."));
    m_admission->hide();
    m_fingerprintLabel->hide();
    m_busy->show();
    m_stop->hide();
    m_retry->hide();
    m_action->setText(tr("Cancel"));
    m_action->setIcon(QIcon());
    m_action->setAccessibleName(tr("Cancel connecting"));
    show();
}

void SessionBanner::showWaitingForHost(const QString& text)
{
    showProgress(text);
    m_detail->setText(
        tr("The host is asked whether to let you in; nothing of the session reaches you before."));
}

void SessionBanner::showReconnecting(const QString& text, const QString& reason)
{
    m_mode = Mode::Reconnecting;
    setIcon(LineIcon::icon(QStringLiteral("pending"), TextTone::Tone::Accent));
    m_text->setText(text);
    m_detail->setText(
        tr("The connection was lost: %1. What you send meanwhile is delivered once it is back.").arg(reason));
    m_admission->hide();
    m_fingerprintLabel->hide();
    m_busy->show();
    m_retry->hide();
    m_action->setText(tr("Reconnect Now"));
    m_action->setIcon(QIcon());
    m_action->setAccessibleName(tr("Reconnect now"));
    m_stop->show();
    show();
}

void SessionBanner::showEnded(const QString& reason, Retry retry)
{
    m_mode = Mode::Ended;
    setIcon(QIcon(QStringLiteral(":/icons/lock-open.svg")));
    m_text->setText(tr("Not connected"));
    m_detail->setText(reason);
    m_admission->hide();
    m_fingerprintLabel->hide();
    m_busy->hide();
    m_stop->hide();
    m_action->setText(tr("Close Tab"));
    m_action->setIcon(QIcon());
    m_action->setAccessibleName(tr("Close this tab"));
    m_retry->setVisible(retry != Retry::None);
    m_retry->setText(retry == Retry::Reconnect ? tr("Reconnect") : tr("Try Again"));
    m_retry->setAccessibleName(
        retry == Retry::Reconnect ? tr("Reconnect in this tab") : tr("Try connecting again in this tab"));
    show();
}

void SessionBanner::showFailed(const QString& failure, const QString& advice, Retry retry)
{
    showEnded(advice, retry);
    m_text->setText(failure);
}

void SessionBanner::showCancelled(const QString& detail, Retry retry)
{
    showEnded(detail, retry);
    m_text->setText(tr("Cancelled"));
}

QString SessionBanner::text() const
{
    return m_text->text();
}

QString SessionBanner::detail() const
{
    return m_detail->text();
}

QString SessionBanner::admissionText() const
{
    return m_mode == Mode::Hosting ? m_admission->text() : QString();
}

void SessionBanner::onAction()
{
    switch (m_mode) {
    case Mode::Hosting:
        QApplication::clipboard()->setText(m_fingerprint);
        m_action->setText(tr("Copied"));
        break;
    case Mode::Progress:
        Q_EMIT cancelRequested();
        break;
    case Mode::Reconnecting:
        Q_EMIT reconnectNowRequested();
        break;
    case Mode::Ended:
        Q_EMIT closeRequested();
        break;
    }
}

} // namespace securechat
