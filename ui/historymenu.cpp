// SPDX-License-Identifier: MIT
#include "historymenu.h"

#include "chatmessagemodel.h"
#include "findbar.h"
#include "historysearchdialog.h"
#include "historyservice.h"
#include "mainwindow.h"
#include "sessiontab.h"
#include "storedconversationdialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeView>

namespace securechat {

HistoryMenu::HistoryMenu(MainWindow& window, HistoryService& service)
    : QObject(&window)
    , m_window(window)
    , m_service(service)
{
    m_menu = new QMenu(tr("Hi&story"), &window);
    const QList<QAction*> bar = window.menuBar()->actions();
    window.menuBar()->insertMenu(bar.isEmpty() ? nullptr : bar.constLast(), m_menu); // before Help
    m_keep = m_menu->addAction(tr("&Keep History of This Conversation"));
    m_keep->setObjectName(QStringLiteral("actionKeepHistory"));
    m_keep->setCheckable(true);
    connect(m_keep, &QAction::triggered, this, [this](bool keep) {
        if (ConversationHistory* history = current())
            history->setKeeping(keep);
        updateActions();
    });
    m_search = m_menu->addAction(tr("&Search History…"), this, [this] { openSearch(QString()); });
    m_search->setObjectName(QStringLiteral("actionSearchHistory"));
    m_export = m_menu->addAction(tr("&Export Conversation…"), this, &HistoryMenu::exportCurrent);
    m_export->setObjectName(QStringLiteral("actionExportHistory"));
    m_menu->addSeparator();
    m_clear = m_menu->addAction(
        tr("&Clear History of This Conversation…"), this, [this] { confirmClear(false); });
    m_clear->setObjectName(QStringLiteral("actionClearHistory"));
    m_clearAll = m_menu->addAction(tr("Clear &All History…"), this, [this] { confirmClear(true); });
    m_clearAll->setObjectName(QStringLiteral("actionClearAllHistory"));
    connect(m_menu, &QMenu::aboutToShow, this, &HistoryMenu::updateActions);
    connect(window.tabWidget(), &QTabWidget::currentChanged, this, &HistoryMenu::updateActions);
    connect(&m_service, &HistoryService::cleared, this, &HistoryMenu::onCleared);
    connect(&m_service, &HistoryService::writeFailed, this, [this](const QString& error) {
        if (std::exchange(m_writeFailureShown, true))
            return; // once: a full disk would otherwise say so for every message
        if (SessionTab* tab = m_window.currentTab())
            tab->messages().appendNotice(tr("A message could not be stored in the history: %1").arg(error),
                ChatMessageModel::Kind::Problem);
    });
    updateActions();
}

void HistoryMenu::attach(SessionTab& tab)
{
    auto* history = new ConversationHistory(tab, m_service);
    connect(history->keepAction(), &QAction::toggled, this, &HistoryMenu::updateActions);
    connect(tab.findBar(), &FindBar::historySearchRequested, this, &HistoryMenu::openSearch);
    connect(&tab.session(), &ChatSession::phaseChanged, this, &HistoryMenu::updateActions);
    updateActions();
}

ConversationHistory* HistoryMenu::current() const
{
    SessionTab* tab = m_window.currentTab();
    return tab ? tab->findChild<ConversationHistory*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

void HistoryMenu::updateActions()
{
    const ConversationHistory* history = current();
    const bool known = history && !history->key().isEmpty() && m_service.isAvailable();
    m_keep->setEnabled(known);
    m_keep->setChecked(!history || history->isKeeping());
    m_search->setEnabled(m_service.isAvailable());
    m_export->setEnabled(known);
    m_clear->setEnabled(known && !m_service.isClearing());
    m_clearAll->setEnabled(m_service.isAvailable() && !m_service.isClearing());
}

HistorySearchDialog* HistoryMenu::openSearch(const QString& text)
{
    auto* dialog = new HistorySearchDialog(m_service.store(), text, &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &HistorySearchDialog::messageChosen, this, &HistoryMenu::showFound);
    dialog->show(); // not modal: the person may keep chatting while reading what was found
    return dialog;
}

void HistoryMenu::exportCurrent()
{
    ConversationHistory* history = current();
    if (!history || history->key().isEmpty())
        return;
    const QString text = tr("Plain text (*.txt)");
    const QString json = tr("JSON lines (*.jsonl)");
    auto* dialog = new QFileDialog(&m_window, tr("Export Conversation"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilters({ text, json });
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ConversationHistory> target(history);
    connect(dialog, &QFileDialog::fileSelected, this, [this, dialog, target, json](const QString& path) {
        if (!target)
            return;
        const bool jsonLines = dialog->selectedNameFilter() == json;
        QString file = path;
        if (QFileInfo(file).suffix().isEmpty())
            file += jsonLines ? QStringLiteral(".jsonl") : QStringLiteral(".txt");
        const QString error = target->exportTo(file,
            jsonLines ? ConversationHistory::ExportFormat::JsonLines
                      : ConversationHistory::ExportFormat::Text);
        if (!error.isEmpty()) {
            auto* box = new QMessageBox(
                QMessageBox::Warning, tr("Not Exported"), error, QMessageBox::Ok, &m_window);
            box->setTextFormat(Qt::PlainText);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
    dialog->open();
}

void HistoryMenu::confirmClear(bool everything)
{
    ConversationHistory* history = current();
    if (!everything && (!history || history->key().isEmpty()))
        return;
    const std::optional<QString> conversation
        = everything ? std::nullopt : std::optional<QString>(history->key());
    auto* box
        = new QMessageBox(QMessageBox::Question, everything ? tr("Clear All History") : tr("Clear History"),
            everything
                ? tr("Remove every stored message of every conversation from this computer? Messages not "
                     "yet delivered are kept until they are.")
                : tr("Remove the stored messages of this conversation from this computer? Messages not yet "
                     "delivered are kept until they are."),
            QMessageBox::Cancel, &m_window);
    box->setObjectName(QStringLiteral("clearHistoryQuestion"));
    QPushButton* clear = box->addButton(tr("Clear"), QMessageBox::DestructiveRole);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(clear, &QPushButton::clicked, this, [this, conversation] {
        if (SessionTab* tab = m_window.currentTab())
            tab->messages().appendNotice(tr("Clearing the history… you can go on chatting meanwhile."));
        for (ConversationHistory* history : historiesOf(conversation.value_or(QString())))
            history->clearingStarted();
        m_service.clear(conversation);
        updateActions();
    });
    box->open();
}

void HistoryMenu::onCleared(const QString& conversation, const QString& error)
{
    const QString said = !error.isEmpty() ? tr("The history could not be cleared: %1").arg(error)
        : conversation.isEmpty()
        ? tr("All stored history was cleared, and taken out of the open tabs. Messages not yet delivered "
             "stay until they are.")
        : tr("The stored history of this conversation was cleared, here too. Messages not yet delivered stay "
             "until they are.");
    for (ConversationHistory* history : historiesOf(conversation)) {
        if (error.isEmpty())
            history->cleared();
        history->tab().messages().appendNotice(
            said, error.isEmpty() ? ChatMessageModel::Kind::Notice : ChatMessageModel::Kind::Problem);
    }
    updateActions();
}

QList<ConversationHistory*> HistoryMenu::historiesOf(const QString& conversation) const
{
    QList<ConversationHistory*> histories;
    for (SessionTab* tab : m_window.tabs()) {
        auto* history = tab->findChild<ConversationHistory*>(QString(), Qt::FindDirectChildrenOnly);
        if (history && (conversation.isEmpty() || history->key() == conversation))
            histories << history;
    }
    return histories;
}

void HistoryMenu::showFound(const HistoryMessage& message, const QString& words)
{
    const QList<ConversationHistory*> open = historiesOf(message.conversation);
    if (message.conversation.isEmpty())
        return;
    if (open.isEmpty()) {
        QString title = message.conversation;
        for (const HistoryConversation& conversation : m_service.store().conversations()) {
            if (conversation.key == message.conversation && !conversation.title.isEmpty())
                title = conversation.title;
        }
        auto* stored = new StoredConversationDialog(m_service.store(), message, title, &m_window);
        stored->setAttribute(Qt::WA_DeleteOnClose);
        stored->show();
        return;
    }
    ConversationHistory* history = open.constFirst();
    SessionTab& tab = history->tab();
    m_window.tabWidget()->setCurrentWidget(&tab);
    m_window.activateWindow();
    if (const int row = history->showStored(message); row >= 0)
        tab.showFound(row, words);
}

} // namespace securechat
