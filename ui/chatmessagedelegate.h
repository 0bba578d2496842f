// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QStyledItemDelegate>

#include <optional>

class QPalette;
class QTextLayout;

namespace securechat {

/// Draws one row of a ChatMessageModel: time, nickname in its own colour, the text wrapped to
/// the view's width, and a delivery mark on the person's own messages.
///
/// The text is laid out with QTextLayout as plain characters: nothing is ever parsed as HTML or
/// rich text, so "<b>x</b>" shows those eight characters and "<img src=...>" loads nothing.
class ChatMessageDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatMessageDelegate)

public:
    explicit ChatMessageDelegate(QObject* parent = nullptr);

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    /// Text to mark in every row (the find bar's); empty marks nothing.
    void setHighlight(const QString& text);

    /// The same nickname always gets the same colour, readable on the palette's base colour.
    static QColor nickColor(const QString& nick, const QPalette& palette);

private:
    struct Columns {
        int time = 0; // left edge of each column
        int nick = 0;
        int text = 0;
        int textWidth = 0;
        int mark = 0;
    };
    Columns columns(const QFont& font, int left, int width) const;
    int availableWidth(const QStyleOptionViewItem& option) const;
    /// Lays out text in width; returns the height it takes.
    qreal layoutText(QTextLayout& layout, int width) const;
    void drawDeliveryMark(QPainter* painter, const QRect& rect, int delivery, const QColor& color) const;

    QString m_highlight;
    mutable std::optional<QFont> m_measuredFont; // what the two widths below were measured in
    mutable int m_timeColumnWidth = 0;
    mutable int m_averageCharWidth = 0;
};

} // namespace securechat
