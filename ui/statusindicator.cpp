// SPDX-License-Identifier: MIT
#include "statusindicator.h"

#include "iconlabel.h"
#include "lineicon.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>

namespace securechat {

StatusIndicator::StatusIndicator(QWidget* parent)
    : QWidget(parent)
    , m_icon(new IconLabel(this))
    , m_text(new QLabel(this))
{
    setAccessibleName(tr("Connection security"));
    m_text->setTextFormat(Qt::PlainText); // the summary quotes the host's address and nickname
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    setStatus(ChatSession::Security::Insecure, tr("No session. Host one, or connect to someone."));
}

void StatusIndicator::setStatus(ChatSession::Security security, const QString& summary)
{
    m_security = security;
    const int size = m_text->fontMetrics().height();
    m_icon->setIcon(icon(security), size);
    m_text->setText(summary);
    const QString explanation = meaning(security);
    m_icon->setToolTip(explanation);
    m_text->setToolTip(explanation);
    setAccessibleDescription(explanation + QStringLiteral(": ") + summary);
}

QString StatusIndicator::summary() const
{
    return m_text->text();
}

QIcon StatusIndicator::icon(ChatSession::Security security)
{
    switch (security) {
    case ChatSession::Security::Verified:
        return QIcon(QStringLiteral(":/icons/lock-secure.svg"));
    case ChatSession::Security::Unverified:
        return QIcon(QStringLiteral(":/icons/lock-unverified.svg"));
    case ChatSession::Security::Listening:
        return LineIcon::icon(QStringLiteral("hosting"), TextTone::Tone::Accent);
    case ChatSession::Security::Pending:
        return LineIcon::icon(QStringLiteral("pending"), TextTone::Tone::Accent);
    case ChatSession::Security::Insecure:
        break;
    }
    return QIcon(QStringLiteral(":/icons/lock-open.svg"));
}

QString StatusIndicator::meaning(ChatSession::Security security)
{
    switch (security) {
    case ChatSession::Security::Verified:
        return tr("Encrypted, and every identity checked or trusted by you");
    case ChatSession::Security::Unverified:
        return tr("Encrypted, but someone's certificate was not checked");
    case ChatSession::Security::Listening:
        return tr("Hosting: waiting for someone to connect");
    case ChatSession::Security::Pending:
        return tr("Not secure yet: the connection is being set up");
    case ChatSession::Security::Insecure:
        break;
    }
    return tr("Not connected");
}

} // namespace securechat
