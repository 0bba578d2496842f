// SPDX-License-Identifier: MIT
#include "findbar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QToolButton>

namespace securechat {

namespace {

    QToolButton* makeButton(const QString& icon, const QString& text, QWidget* parent)
    {
        auto* button = new QToolButton(parent);
        button->setIcon(QIcon(icon));
        button->setToolTip(text);
        button->setAccessibleName(text);
        button->setAutoRaise(true);
        return button;
    }

} // namespace

FindBar::FindBar(QWidget* parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    setAccessibleName(tr("Find in messages"));
    m_field->setPlaceholderText(tr("Find in messages"));
    m_field->setAccessibleName(tr("Text to find"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setMinimumWidth(fontMetrics().horizontalAdvance(tr("No matches")) + 8);

    auto* previous
        = makeButton(QStringLiteral(":/icons/find-previous.svg"), tr("Previous match (Shift+Enter)"), this);
    auto* next = makeButton(QStringLiteral(":/icons/find-next.svg"), tr("Next match (Enter)"), this);
    auto* history = new QToolButton(this);
    history->setObjectName(QStringLiteral("searchHistoryButton"));
    history->setText(tr("Search &History"));
    history->setToolTip(tr("Find this text in every stored conversation"));
    history->setAutoRaise(true);
    auto* close = makeButton(QStringLiteral(":/icons/close.svg"), tr("Close (Escape)"), this);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/find.svg")).pixmap(16, 16));
    layout->addWidget(icon);
    layout->addWidget(m_field, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addWidget(history);
    layout->addWidget(close);

    connect(m_field, &QLineEdit::textChanged, this, &FindBar::textChanged);
    connect(previous, &QToolButton::clicked, this, &FindBar::previousRequested);
    connect(next, &QToolButton::clicked, this, &FindBar::nextRequested);
    connect(close, &QToolButton::clicked, this, &FindBar::close);
    connect(history, &QToolButton::clicked, this, [this] { Q_EMIT historySearchRequested(m_field->text()); });

    // Escape closes the bar from anywhere beside it too (the chat, the input line), while it shows.
    m_escape = new QShortcut(QKeySequence(Qt::Key_Escape), parent ? parent : this, this, &FindBar::close,
        Qt::WidgetWithChildrenShortcut);
    m_escape->setEnabled(false);
}

QString FindBar::text() const
{
    return m_field->text();
}

void FindBar::activate()
{
    show();
    m_escape->setEnabled(true);
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void FindBar::showText(const QString& text)
{
    {
        const QSignalBlocker quiet(m_field);
        m_field->setText(text);
    }
    show();
    m_escape->setEnabled(true);
}

void FindBar::setMatches(int matches, int current)
{
    if (m_field->text().isEmpty())
        m_status->clear();
    else if (matches == 0)
        m_status->setText(tr("No matches"));
    else if (current >= 0)
        m_status->setText(tr("%1 of %2").arg(current + 1).arg(matches));
    else
        m_status->setText(matches == 1 ? tr("1 match") : tr("%1 matches").arg(matches));
}

void FindBar::close()
{
    m_escape->setEnabled(false);
    hide();
    Q_EMIT closed();
}

bool FindBar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                Q_EMIT previousRequested();
            else
                Q_EMIT nextRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace securechat
