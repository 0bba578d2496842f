// SPDX-License-Identifier: MIT
#include "joinrequestpanel.h"

#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace securechat {

namespace {

    // More waiting than this scroll, so that the chat keeps most of the tab.
    constexpr int VisibleCards = 2;

} // namespace

JoinRequestPanel::JoinRequestPanel(ChatHost& host, QWidget* parent)
    : QWidget(parent)
    , m_host(host)
    , m_scroll(new QScrollArea(this))
{
    setAccessibleName(tr("People waiting to join"));
    auto* content = new QWidget(m_scroll);
    m_list = new QVBoxLayout(content);
    m_list->setContentsMargins(0, 0, 0, 0);
    m_list->setSpacing(6);
    m_list->addStretch(1); // cards keep their height; any room left stays below them
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    connect(&m_host, &ChatHost::joinRequested, this, &JoinRequestPanel::add);
    connect(&m_host, &ChatHost::joinRequestEnded, this, &JoinRequestPanel::drop);
    for (const JoinRequest& request : m_host.joinRequests())
        add(request);
    setVisible(!m_cards.isEmpty());
}

JoinRequestPanel::~JoinRequestPanel() = default;

QList<JoinRequestCard*> JoinRequestPanel::cards() const
{
    QList<JoinRequestCard*> shown = m_cards.values();
    std::sort(shown.begin(), shown.end(),
        [](const JoinRequestCard* a, const JoinRequestCard* b) { return a->requestId() < b->requestId(); });
    return shown;
}

void JoinRequestPanel::add(const JoinRequest& request)
{
    auto* card = new JoinRequestCard(request, m_scroll->widget());
    connect(card, &JoinRequestCard::answered, this,
        [this, id = request.id](JoinRequestCard::Answer chosen) { answer(id, chosen); });
    m_list->insertWidget(m_list->count() - 1, card);
    m_cards.insert(request.id, card);
    show();
    fitHeight();
    Q_EMIT requestShown();
}

void JoinRequestPanel::drop(int requestId)
{
    JoinRequestCard* card = m_cards.take(requestId);
    if (!card)
        return;
    m_list->removeWidget(card);
    card->hide();
    card->deleteLater(); // its own button may be what led here
    setVisible(!m_cards.isEmpty());
    fitHeight();
}

void JoinRequestPanel::answer(int requestId, JoinRequestCard::Answer chosen)
{
    Status outcome = succeeded();
    switch (chosen) {
    case JoinRequestCard::Answer::AdmitOnce:
        outcome = m_host.admit(requestId);
        break;
    case JoinRequestCard::Answer::AlwaysAdmit:
        outcome = m_host.admit(requestId, true);
        break;
    case JoinRequestCard::Answer::Refuse:
        outcome = m_host.refuse(requestId);
        break;
    }
    if (!outcome)
        Q_EMIT failed(outcome.error());
}

void JoinRequestPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitHeight(); // wrapped lines, and so the cards' heights, depend on the width
}

void JoinRequestPanel::fitHeight()
{
    const int width = m_scroll->viewport()->width();
    const QList<JoinRequestCard*> shown = cards();
    int height = 0;
    for (int i = 0; i < std::min<int>(VisibleCards, int(shown.size())); ++i) {
        const JoinRequestCard* card = shown.at(i);
        height += card->hasHeightForWidth() ? card->heightForWidth(width) : card->sizeHint().height();
        height += i > 0 ? m_list->spacing() : 0;
    }
    m_scroll->setFixedHeight(height);
}

} // namespace securechat
