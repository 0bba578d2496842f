// SPDX-License-Identifier: MIT
#include "storedconversationdialog.h"

#include "history/historystore.h"
#include "protocol/textsanitizer.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace securechat {

namespace {

    // Stored text came from the network: shown sanitized, as in the chat.
    QString lineOf(const HistoryMessage& message)
    {
        const QString when = QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(message.timestampMs, Qt::UTC).toLocalTime(), QLocale::ShortFormat);
        return QStringLiteral("[%1] %2: %3")
            .arg(when, TextSanitizer::forDisplay(message.senderNickname, TextSanitizer::Mode::SingleLine),
                TextSanitizer::forDisplay(message.text, TextSanitizer::Mode::MultiLine));
    }

} // namespace

StoredConversationDialog::StoredConversationDialog(
    const HistoryStore& store, const HistoryMessage& found, const QString& title, QWidget* parent)
    : QDialog(parent)
    , m_text(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Stored Conversation: %1").arg(title));
    auto* note = new QLabel(tr("This conversation is not open. Shown from the history: the messages around "
                               "the one found."),
        this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Stored messages"));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    const QList<HistoryMessage> earlier = store.before(found.conversation, found.rowId, Context);
    const QList<HistoryMessage> later = store.after(found.conversation, found.rowId, Context);
    QStringList lines;
    for (const HistoryMessage& message : earlier)
        lines << lineOf(message);
    // Where the one found starts and ends, in characters (a message may have several lines).
    const qsizetype start = lines.isEmpty() ? 0 : lines.join(u'\n').size() + 1;
    lines << lineOf(found);
    const qsizetype end = start + lines.constLast().size();
    for (const HistoryMessage& message : later)
        lines << lineOf(message);
    m_text->setPlainText(lines.join(u'\n'));
    QTextCursor cursor(m_text->document());
    cursor.setPosition(static_cast<int>(start));
    cursor.setPosition(static_cast<int>(end), QTextCursor::KeepAnchor);
    m_text->setTextCursor(cursor);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(640, 480);
    m_text->centerCursor();
}

} // namespace securechat
