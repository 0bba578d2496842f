// SPDX-License-Identifier: MIT
#include "historysearchdialog.h"

#include "history/historystore.h"
#include "protocol/textsanitizer.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace securechat {

HistorySearchDialog::HistorySearchDialog(const HistoryStore& store, const QString& text, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_field(new QLineEdit(text, this))
    , m_status(new QLabel(this))
    , m_results(new QListWidget(this))
{
    setWindowTitle(tr("Search History"));
    m_field->setPlaceholderText(tr("Words to find in every conversation"));
    m_field->setAccessibleName(tr("Text to find in the history"));
    m_field->setClearButtonEnabled(true);
    m_status->setTextFormat(Qt::PlainText);
    m_results->setAccessibleName(tr("Messages found"));
    m_results->setWordWrap(true);
    m_results->setUniformItemSizes(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_field);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_field, &QLineEdit::returnPressed, this, [this] { search(m_field->text()); });
    connect(m_results, &QListWidget::itemActivated, this, [this](const QListWidgetItem* item) {
        const int row = m_results->row(item);
        if (row >= 0 && row < m_found.size())
            Q_EMIT messageChosen(m_found.at(row), m_searched);
    });
    resize(640, 420);
    search(text);
}

void HistorySearchDialog::search(const QString& text)
{
    m_field->setText(text);
    m_results->clear();
    m_found.clear();
    if (text.trimmed().isEmpty()) {
        m_status->setText(tr("Type words to find, then press Enter."));
        return;
    }
    if (!m_store.isOpen()) {
        m_status->setText(tr("There is no message history to search in this session."));
        return;
    }
    QHash<QString, QString> titles;
    for (const HistoryConversation& conversation : m_store.conversations())
        titles.insert(conversation.key, conversation.title.isEmpty() ? conversation.key : conversation.title);
    m_found = m_store.search(text, MaxResults);
    m_searched = text.trimmed();
    const QList<HistoryMessage>& found = m_found;
    for (const HistoryMessage& message : found) {
        const QString when = QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(message.timestampMs, Qt::UTC).toLocalTime(), QLocale::ShortFormat);
        // Stored text came from the network: shown as plain, sanitized text, like in the chat.
        const QString line
            = tr("%1 · %2 · %3: %4")
                  .arg(when, titles.value(message.conversation, message.conversation),
                      TextSanitizer::forDisplay(message.senderNickname, TextSanitizer::Mode::SingleLine),
                      TextSanitizer::forDisplay(message.text, TextSanitizer::Mode::MultiLine));
        auto* item = new QListWidgetItem(line, m_results);
        item->setData(Qt::UserRole, message.conversation);
        item->setToolTip(tr("Double-click to show it in its conversation"));
    }
    if (found.isEmpty())
        m_status->setText(tr("No stored message contains “%1”.").arg(text));
    else if (found.size() >= MaxResults)
        m_status->setText(tr("The newest %1 messages that contain “%2”.").arg(MaxResults).arg(text));
    else
        m_status->setText(
            tr("%n stored message(s) contain “%1”.", nullptr, static_cast<int>(found.size())).arg(text));
}

} // namespace securechat
