// SPDX-License-Identifier: MIT
#include "sessiontab.h"

#include "chatmessagedelegate.h"
#include "chatmessagemodel.h"
#include "findbar.h"
#include "hostedsession.h"
#include "joinedsession.h"
#include "joinrequestpanel.h"
#include "lineicon.h"
#include "messageinput.h"
#include "participantmodel.h"
#include "removaldialog.h"
#include "session/sessionlimits.h"
#include "sessionbanner.h"
#include "verifydialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace securechat {

namespace {

    // A message is one frame of at most maxLineBytes once JSON-escaped; half leaves room for that.
    constexpr qsizetype MaxMessageBytes = SessionLimits().maxLineBytes / 2;

    ChatMessageModel::Delivery modelDelivery(ChatSession::Delivery delivery)
    {
        switch (delivery) {
        case ChatSession::Delivery::Awaiting:
            return ChatMessageModel::Delivery::Pending;
        case ChatSession::Delivery::Confirmed:
            return ChatMessageModel::Delivery::Delivered;
        case ChatSession::Delivery::Unconfirmable:
            break;
        }
        return ChatMessageModel::Delivery::None;
    }

} // namespace

SessionTab::SessionTab(std::unique_ptr<ChatSession> session, QWidget* parent)
    : QWidget(parent)
    , m_session(std::move(session))
    , m_messages(new ChatMessageModel(this))
    , m_delegate(new ChatMessageDelegate(this))
    , m_participants(new ParticipantModel(this))
    , m_banner(new SessionBanner(this))
{
    setAccessibleName(tr("Chat session %1").arg(m_session->title()));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(buildMessagePane());
    splitter->addWidget(buildParticipantPane());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({ 700, 230 });
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(8);
    layout->addWidget(m_banner);
    if (auto* hosted = qobject_cast<HostedSession*>(m_session.get())) {
        m_joinRequests = new JoinRequestPanel(hosted->host(), this);
        connect(m_joinRequests, &JoinRequestPanel::requestShown, this, &SessionTab::joinRequested);
        connect(m_joinRequests, &JoinRequestPanel::failed, this, [this](const QString& reason) {
            m_messages->appendNotice(reason, ChatMessageModel::Kind::Problem);
        });
        layout->addWidget(m_joinRequests);
    }
    layout->addWidget(splitter, 1);

    connect(m_banner, &SessionBanner::cancelRequested, this, [this] {
        if (auto* joined = qobject_cast<JoinedSession*>(m_session.get()))
            joined->cancel(); // at once, whatever the stage; the tab stays and says so
        else
            Q_EMIT closeRequested();
    });
    connect(m_banner, &SessionBanner::closeRequested, this, &SessionTab::closeRequested);
    connect(m_banner, &SessionBanner::retryRequested, this, [this] {
        if (auto* joined = qobject_cast<JoinedSession*>(m_session.get()))
            joined->restart();
    });
    addActions();
    watchSession();
    if (const auto* hosted = qobject_cast<const HostedSession*>(m_session.get()))
        m_messages->appendNotice(
            tr("You are hosting on %1 as %2.").arg(hosted->listeningOn(), hosted->ownNick()));
    updateBanner();
    updateParticipants();
    setFocusProxy(m_input);
}

SessionTab::~SessionTab() = default;

std::unique_ptr<ChatSession> SessionTab::takeSession()
{
    // Nothing of the tab hears of it any more (the tab's helpers, such as its history, included):
    // they would ask the tab for the session it no longer has.
    m_session->disconnect(this);
    for (QObject* helper : findChildren<QObject*>(Qt::FindDirectChildrenOnly))
        m_session->disconnect(helper);
    return std::move(m_session);
}

QWidget* SessionTab::buildMessagePane()
{
    auto* pane = new QWidget(this);
    m_messageView = new QTreeView(pane);
    m_messageView->setAccessibleName(tr("Messages"));
    m_messageView->setModel(m_messages);
    m_messageView->setItemDelegate(m_delegate);
    // A tree view as a flat list: it measures only the rows it shows (per-item scrolling), so
    // 100,000 messages of different heights cost nothing until they are scrolled into view.
    m_messageView->setHeaderHidden(true);
    m_messageView->setRootIsDecorated(false);
    m_messageView->setIndentation(0);
    m_messageView->setItemsExpandable(false);
    m_messageView->setUniformRowHeights(false);
    m_messageView->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_messageView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_messageView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_messageView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_messageView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_messageView->header()->setStretchLastSection(true);
    m_messageView->viewport()->installEventFilter(this);
    m_messageView->installEventFilter(this); // the End key

    // Over the messages' bottom right corner, as messengers have it.
    m_jumpToLatest = new QToolButton(m_messageView);
    m_jumpToLatest->setObjectName(QStringLiteral("jumpToLatestButton"));
    m_jumpToLatest->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_jumpToLatest->setToolTip(tr("Show the newest messages (End)"));
    m_jumpToLatest->setAccessibleDescription(tr("Shows the newest messages"));
    m_jumpToLatest->setCursor(Qt::PointingHandCursor);
    m_jumpToLatest->hide();
    connect(m_jumpToLatest, &QToolButton::clicked, this, &SessionTab::latestRequested);
    connect(m_messages, &ChatMessageModel::awayChanged, this, &SessionTab::updateJumpToLatest);
    connect(m_messages, &ChatMessageModel::unseenCountChanged, this, &SessionTab::updateJumpToLatest);
    connect(m_messages, &QAbstractItemModel::modelReset, this, [this] { m_findRow = -1; });

    m_findBar = new FindBar(pane);
    m_findBar->hide();
    m_input = new MessageInput(pane);
    m_sendButton = new QPushButton(QIcon(QStringLiteral(":/icons/send.svg")), tr("Send"), pane);
    m_sendButton->setAccessibleName(tr("Send message"));
    m_sendButton->setToolTip(tr("Send (Enter)"));
    connect(m_sendButton, &QPushButton::clicked, m_input, &MessageInput::submit);
    connect(m_input, &MessageInput::submitted, this, &SessionTab::send);

    auto* inputRow = new QHBoxLayout;
    inputRow->setSpacing(6);
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sendButton, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_messageView, 1);
    layout->addWidget(m_findBar);
    layout->addLayout(inputRow);

    connect(m_findBar, &FindBar::textChanged, this, [this](const QString& text) {
        m_delegate->setHighlight(text);
        m_findRow = -1;
        find(true); // the newest match first: the bottom of a chat is where the person is
    });
    connect(m_findBar, &FindBar::nextRequested, this, [this] { find(false); });
    connect(m_findBar, &FindBar::previousRequested, this, [this] { find(true); });
    connect(m_findBar, &FindBar::closed, this, [this] {
        m_delegate->setHighlight(QString());
        m_delegate->setCurrentMatch(QModelIndex());
        m_messageView->viewport()->update();
        m_input->setFocus();
    });
    connect(m_messages, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        // A window further back grows below without pulling the view along.
        const QScrollBar* bar = m_messageView->verticalScrollBar();
        m_stickToBottom = !m_messages->isAway() && bar->value() >= bar->maximum() - 1;
    });
    // Scrolling lays out every row: once per burst of messages, not once per message.
    m_scrollTimer.setSingleShot(true);
    m_scrollTimer.setInterval(0);
    connect(&m_scrollTimer, &QTimer::timeout, this, [this] {
        if (!m_messages->isAway()) // a window shown meanwhile stays where it was put
            m_messageView->scrollToBottom();
    });
    connect(m_messages, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_stickToBottom && !m_scrollTimer.isActive())
            m_scrollTimer.start();
    });
    return pane;
}

QWidget* SessionTab::buildParticipantPane()
{
    auto* pane = new QWidget(this);
    m_participantHeader = new QLabel(pane);
    m_participantHeader->setObjectName(QStringLiteral("participantHeader"));
    m_participantHeader->setTextFormat(Qt::PlainText);
    QFont bold = m_participantHeader->font();
    bold.setBold(true);
    m_participantHeader->setFont(bold);
    m_participantView = new QListView(pane);
    m_participantView->setAccessibleName(tr("Participants"));
    m_participantView->setModel(m_participants);
    m_participantView->setIconSize(QSize(22, 22));
    m_participantView->setSpacing(2);
    // The trust words are long in a narrow pane: wrapped, never cut off.
    m_participantView->setWordWrap(true);
    m_participantView->setResizeMode(QListView::Adjust);
    m_participantView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_participantView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_participantView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_participantView->setMinimumWidth(180);
    connect(m_participantView, &QWidget::customContextMenuRequested, this, &SessionTab::showParticipantMenu);
    connect(m_participantView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT certificateRequested(index.data(ParticipantModel::NickRole).toString());
    });
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_participantHeader);
    layout->addWidget(m_participantView, 1);
    return pane;
}

void SessionTab::addActions()
{
    auto* copy = new QAction(LineIcon::icon(QStringLiteral("copy")), tr("&Copy"), m_messageView);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &SessionTab::copySelection);
    auto* selectAll = new QAction(tr("Select &All"), m_messageView);
    selectAll->setShortcut(QKeySequence::SelectAll);
    selectAll->setShortcutContext(Qt::WidgetShortcut);
    connect(selectAll, &QAction::triggered, m_messageView, &QAbstractItemView::selectAll);
    auto* findAction = new QAction(LineIcon::icon(QStringLiteral("find")), tr("&Find…"), m_messageView);
    connect(findAction, &QAction::triggered, this, &SessionTab::showFindBar);
    m_messageView->addActions({ copy, selectAll, findAction });
}

void SessionTab::watchSession()
{
    ChatSession* session = m_session.get();
    connect(session, &ChatSession::messageReceived, this, &SessionTab::onMessageReceived);
    connect(session, &ChatSession::messageSent, this,
        [this](const ChatMessage& message, ChatSession::Delivery delivery) {
            m_messages->appendMessage(message, ChatMessageModel::Kind::OwnMessage, modelDelivery(delivery));
        });
    connect(session, &ChatSession::messageDelivered, m_messages, &ChatMessageModel::markDelivered);
    connect(session, &ChatSession::messageUnconfirmable, m_messages, &ChatMessageModel::markUnconfirmable);
    connect(session, &ChatSession::participantJoined, this, [this](const Participant& participant) {
        m_messages->appendNotice(
            tr("%1 joined · %2")
                .arg(participant.nick, TrustWords::participant(participant, m_session->viewer())));
    });
    connect(session, &ChatSession::participantRejoined, this, [this](const Participant& participant) {
        m_messages->appendNotice(tr("%1 reconnected").arg(participant.nick));
    });
    connect(session, &ChatSession::participantLeft, this, [this](const QString& nick, const QString& reason) {
        m_messages->appendNotice(
            reason.isEmpty() ? tr("%1 left").arg(nick) : tr("%1 left (%2)").arg(nick, reason));
    });
    connect(session, &ChatSession::participantRenamed, this,
        [this](const QString& oldNick, const QString& newNick) {
            m_messages->appendNotice(tr("%1 is now known as %2").arg(oldNick, newNick));
        });
    connect(session, &ChatSession::rosterChanged, this, &SessionTab::updateParticipants);
    connect(session, &ChatSession::notice, this, [this](const QString& text, bool problem) {
        m_messages->appendNotice(
            text, problem ? ChatMessageModel::Kind::Problem : ChatMessageModel::Kind::Notice);
    });
    connect(session, &ChatSession::phaseChanged, this, &SessionTab::updateBanner);
    connect(session, &ChatSession::phaseChanged, this, &SessionTab::titleChanged);
    if (auto* joined = qobject_cast<JoinedSession*>(session)) {
        connect(joined, &JoinedSession::waitingForHost, this, &SessionTab::updateBanner);
        connect(joined, &JoinedSession::reconnectCountdown, this, &SessionTab::updateBanner);
        connect(m_banner, &SessionBanner::reconnectNowRequested, joined,
            [joined] { joined->reconnector().reconnectNow(); });
        connect(m_banner, &SessionBanner::stopRequested, joined, [joined] { joined->reconnector().stop(); });
    }
    connect(session, &ChatSession::statusChanged, this, &SessionTab::statusChanged);
    connect(session, &ChatSession::ended, this, [this] {
        updateBanner();
        updateParticipants();
        Q_EMIT statusChanged();
    });
}

void SessionTab::updateBanner()
{
    const ChatSession::Phase phase = m_session->phase();
    updateInput();
    const auto* joined = qobject_cast<const JoinedSession*>(m_session.get());
    const auto retry
        = joined && joined->joinedBefore() ? SessionBanner::Retry::Reconnect : SessionBanner::Retry::TryAgain;
    if (phase == ChatSession::Phase::Ended && joined && joined->wasCancelled()) {
        m_banner->showCancelled(tr("Not connected: %1.").arg(joined->endReason()), retry);
    } else if (phase == ChatSession::Phase::Ended && joined && !joined->failure().isEmpty()) {
        m_banner->showFailed(joined->failure(), joined->failureAdvice(), retry);
    } else if (phase == ChatSession::Phase::Ended && joined) {
        m_banner->showEnded(m_session->summary(), retry);
    } else if (phase == ChatSession::Phase::Ended) {
        m_banner->showEnded(m_session->summary());
    } else if (const auto* hosted = qobject_cast<const HostedSession*>(m_session.get())) {
        m_banner->showHosting(hosted->listeningOn(), hosted->fingerprint(), hosted->admission());
    } else if (phase == ChatSession::Phase::Active) {
        m_banner->hide();
    } else if (joined && phase == ChatSession::Phase::Reconnecting) {
        m_banner->showReconnecting(m_session->summary(), joined->endReason());
    } else if (joined && joined->isWaitingForHost()) {
        m_banner->showWaitingForHost(m_session->summary());
    } else {
        m_banner->showProgress(m_session->summary());
    }
}

void SessionTab::updateInput()
{
    QString reason;
    if (m_session->phase() == ChatSession::Phase::Ended)
        reason = qobject_cast<const HostedSession*>(m_session.get())
            ? tr("Not hosting: the session has ended")
            : tr("Not connected");
    m_input->setUnavailable(reason);
    m_sendButton->setEnabled(reason.isEmpty());
}

void SessionTab::updateParticipants()
{
    const QList<Participant> everyone
        = m_session->phase() == ChatSession::Phase::Ended ? QList<Participant>() : m_session->participants();
    m_participants->setParticipants(everyone, m_session->ownNick(), m_session->hostTrust());
    const auto* joined = qobject_cast<const JoinedSession*>(m_session.get());
    m_participantHeader->setText(joined && joined->isPlainTlsServer()
            ? tr("Participants: a plain TLS server does not say")
            : tr("Participants (%1)").arg(everyone.size()));
}

QString SessionTab::title() const
{
    return m_unread > 0 ? tr("%1 (%2)").arg(m_session->title()).arg(m_unread) : m_session->title();
}

void SessionTab::setAttentive(bool attentive)
{
    m_attentive = attentive;
    if (attentive && m_unread > 0) {
        m_unread = 0;
        Q_EMIT titleChanged();
    }
}

QString SessionTab::selectedPeer() const
{
    const QModelIndex current = m_participantView->currentIndex();
    if (current.isValid() && m_participantView->selectionModel()->isSelected(current))
        return current.data(ParticipantModel::NickRole).toString();
    return m_session->defaultPeer();
}

void SessionTab::onMessageReceived(const ChatMessage& message)
{
    m_messages->appendMessage(message);
    if (m_attentive)
        return;
    ++m_unread;
    Q_EMIT titleChanged();
    Q_EMIT unreadMessage(message);
}

void SessionTab::send(const QString& text)
{
    if (text.toUtf8().size() > MaxMessageBytes) {
        m_messages->appendNotice(tr("That message is too long to send (at most %1 KiB); it is still in the "
                                    "input line.")
                                     .arg(MaxMessageBytes / 1024),
            ChatMessageModel::Kind::Problem);
        m_input->setPlainText(text);
        return;
    }
    if (m_messages->isAway())
        Q_EMIT latestRequested(); // what is sent shows where it belongs: at the newest
    m_stickToBottom = true;
    m_session->send(text);
    m_scrollTimer.start();
}

void SessionTab::copySelection()
{
    QList<int> rows;
    for (const QModelIndex& index : m_messageView->selectionModel()->selectedRows())
        rows << index.row();
    if (!rows.isEmpty())
        QApplication::clipboard()->setText(m_messages->plainText(rows));
}

void SessionTab::showFindBar()
{
    m_findBar->activate();
}

void SessionTab::find(bool backward)
{
    const QString needle = m_findBar->text();
    landOn(m_messages->find(needle, m_findRow, backward));
}

void SessionTab::showFound(int row, const QString& words)
{
    m_findBar->showText(words);
    m_delegate->setHighlight(words);
    landOn(row);
}

void SessionTab::landOn(int row)
{
    const QString needle = m_findBar->text();
    m_findRow = row;
    const QModelIndex found = m_messages->index(m_findRow); // invalid when nothing matches
    m_delegate->setCurrentMatch(found);
    m_messageView->viewport()->update();
    if (m_findRow < 0) {
        m_findBar->setMatches(0, -1);
        return;
    }
    m_messageView->setCurrentIndex(found);
    m_messageView->scrollTo(found, QAbstractItemView::PositionAtCenter);
    m_findBar->setMatches(m_messages->countMatches(needle), m_messages->countMatches(needle, m_findRow));
}

void SessionTab::updateJumpToLatest()
{
    const int unseen = m_messages->unseenCount();
    // Spelled out for one and many, as the find bar's count: English has no translation to pick them.
    if (unseen == 0)
        m_jumpToLatest->setText(tr("↓ Jump to Latest"));
    else if (unseen == 1)
        m_jumpToLatest->setText(tr("↓ 1 new message"));
    else
        m_jumpToLatest->setText(tr("↓ %1 new messages").arg(unseen));
    m_jumpToLatest->setVisible(m_messages->isAway());
    placeJumpToLatest();
}

void SessionTab::placeJumpToLatest()
{
    m_jumpToLatest->adjustSize();
    const QRect area = m_messageView->viewport()->geometry();
    constexpr int margin = 12;
    m_jumpToLatest->move(
        area.right() - m_jumpToLatest->width() - margin, area.bottom() - m_jumpToLatest->height() - margin);
    m_jumpToLatest->raise();
}

void SessionTab::showParticipantMenu(const QPoint& position)
{
    const QModelIndex index = m_participantView->indexAt(position);
    if (!index.isValid())
        return;
    const QString nick = index.data(ParticipantModel::NickRole).toString();
    const QString fingerprint = index.data(ParticipantModel::FingerprintRole).toString();
    QMenu menu(this);
    QAction* certificate
        = menu.addAction(LineIcon::icon(QStringLiteral("certificate")), tr("View &Certificate…"));
    certificate->setEnabled(!m_session->certificateChain(nick).isEmpty());
    QAction* details = menu.addAction(LineIcon::icon(QStringLiteral("details")), tr("Connection &Details…"));
    details->setEnabled(m_session->connectionDetails(nick).has_value() && nick != m_session->ownNick());
    QAction* copy = menu.addAction(LineIcon::icon(QStringLiteral("copy")), tr("Copy &Fingerprint"));
    copy->setEnabled(!fingerprint.isEmpty());
    QAction* verify = menu.addAction(tr("&Verify…"));
    verify->setObjectName(QStringLiteral("verifyAction"));
    verify->setEnabled(VerifyDialog::numberFor(*m_session, nick).has_value());
    QAction* remove = nullptr;
    QAction* removeAndBlock = nullptr;
    const bool hosting = qobject_cast<const HostedSession*>(m_session.get())
        && m_session->phase() == ChatSession::Phase::Active;
    if (hosting && nick != m_session->ownNick()) {
        menu.addSeparator();
        remove = menu.addAction(tr("&Remove…"));
        remove->setObjectName(QStringLiteral("removeAction"));
        removeAndBlock = menu.addAction(tr("Remove and &Block…"));
        removeAndBlock->setObjectName(QStringLiteral("removeAndBlockAction"));
    }
    QAction* chosen = menu.exec(m_participantView->viewport()->mapToGlobal(position));
    if (!chosen)
        return;
    if (chosen == certificate)
        Q_EMIT certificateRequested(nick);
    else if (chosen == details)
        Q_EMIT detailsRequested(nick);
    else if (chosen == copy)
        QApplication::clipboard()->setText(fingerprint);
    else if (chosen == verify)
        Q_EMIT verifyRequested(nick);
    else if (chosen == remove || chosen == removeAndBlock)
        confirmRemoval(nick, chosen == removeAndBlock);
}

void SessionTab::confirmRemoval(const QString& nick, bool block)
{
    auto* dialog = new RemovalDialog(nick, block, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { remove(dialog->nick(), dialog->reason(), dialog->blocks()); });
    dialog->open(); // window-modal, no nested event loop
}

void SessionTab::remove(const QString& nick, const QString& reason, bool block)
{
    auto* hosted = qobject_cast<HostedSession*>(m_session.get());
    if (!hosted)
        return; // the session was handed over while the dialog was open
    const Status removed = hosted->host().remove(nick, reason, block);
    if (removed)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, block ? tr("Not Blocked") : tr("Not Removed"),
        removed.error(), QMessageBox::Ok, this);
    box->setTextFormat(Qt::PlainText); // quotes a nickname
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

bool SessionTab::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_messageView && event->type() == QEvent::KeyPress && m_messages->isAway()
        && static_cast<QKeyEvent*>(event)->key() == Qt::Key_End) {
        Q_EMIT latestRequested();
        return true;
    }
    if (watched == m_messageView->viewport() && event->type() == QEvent::Resize)
        placeJumpToLatest();
    // Row heights depend on the width (wrapping): measure again when it changes.
    if (watched == m_messageView->viewport() && event->type() == QEvent::Resize) {
        const auto* resize = static_cast<QResizeEvent*>(event);
        if (resize->oldSize().width() != resize->size().width()) {
            const QScrollBar* bar = m_messageView->verticalScrollBar();
            const bool atBottom = bar->value() >= bar->maximum() - 1;
            m_messageView->doItemsLayout();
            if (atBottom) // the newest message stays in view when rows wrap onto more lines
                m_messageView->scrollToBottom();
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace securechat
