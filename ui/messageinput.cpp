// SPDX-License-Identifier: MIT
#include "messageinput.h"

#include <QAbstractTextDocumentLayout>
#include <QKeyEvent>

namespace securechat {

namespace {

    constexpr int MaximumVisibleLines = 6;

} // namespace

MessageInput::MessageInput(QWidget* parent)
    : QPlainTextEdit(parent)
{
    setAccessibleName(tr("Message"));
    m_hint = tr("Write a message · Enter to send, Shift+Enter for a new line");
    setPlaceholderText(m_hint);
    // Some styles draw a disabled text field as white as an enabled one: the window's colour
    // tells at a glance that nothing can be typed here.
    QPalette greyedOut = palette();
    greyedOut.setBrush(
        QPalette::Disabled, QPalette::Base, greyedOut.brush(QPalette::Disabled, QPalette::Window));
    setPalette(greyedOut);
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // QPlainTextDocumentLayout measures its size in visual lines, wrapped ones included.
    connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
        &MessageInput::updateHeight);
    updateHeight();
}

int MessageInput::heightForLines(int lines) const
{
    const QMargins margins = contentsMargins();
    return fontMetrics().lineSpacing() * lines + static_cast<int>(2 * document()->documentMargin())
        + margins.top() + margins.bottom() + 2 * frameWidth();
}

QSize MessageInput::sizeHint() const
{
    return { QPlainTextEdit::sizeHint().width(), heightForLines(1) };
}

QSize MessageInput::minimumSizeHint() const
{
    return { 0, heightForLines(1) };
}

int MessageInput::placeholderLines() const
{
    const int width = viewport()->width() - static_cast<int>(2 * document()->documentMargin());
    if (!document()->isEmpty() || placeholderText().isEmpty() || width <= 0)
        return 1;
    // The placeholder wraps at the viewport's width, as QPlainTextEdit paints it.
    const QRect wrapped = fontMetrics().boundingRect(
        QRect(0, 0, width, QWIDGETSIZE_MAX), Qt::TextWordWrap, placeholderText());
    return qRound(static_cast<double>(wrapped.height()) / fontMetrics().lineSpacing());
}

void MessageInput::updateHeight()
{
    const int lines = static_cast<int>(document()->documentLayout()->documentSize().height());
    setFixedHeight(heightForLines(std::clamp(std::max(lines, placeholderLines()), 1, MaximumVisibleLines)));
}

void MessageInput::resizeEvent(QResizeEvent* event)
{
    QPlainTextEdit::resizeEvent(event);
    // A narrower input may need another line for its placeholder. Not from inside this resize:
    // the scroll area would keep its viewport at the old height.
    QMetaObject::invokeMethod(this, &MessageInput::updateHeight, Qt::QueuedConnection);
}

void MessageInput::submit()
{
    const QString text = toPlainText();
    if (text.trimmed().isEmpty())
        return;
    clear();
    Q_EMIT submitted(text);
}

void MessageInput::setUnavailable(const QString& reason)
{
    setEnabled(reason.isEmpty());
    setPlaceholderText(reason.isEmpty() ? m_hint : reason);
    updateHeight(); // the new placeholder may take more or fewer lines
}

void MessageInput::keyPressEvent(QKeyEvent* event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        submit();
        event->accept();
        return;
    }
    if (enter) {
        insertPlainText(QStringLiteral("\n")); // Shift+Enter would insert U+2028 otherwise
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace securechat
