// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QPersistentModelIndex>
#include <QStyledItemDelegate>
#include <QTextLayout>

#include <optional>

class QPalette;

namespace securechat {

/// Draws one row of a ChatMessageModel: time, nickname in its own colour, the text wrapped to
/// the view's width (at most a readable line length), and on the person's own messages a tint,
/// an accent bar and a delivery mark.
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
    /// The row the find bar landed on: its matches are marked more strongly than the others.
    void setCurrentMatch(const QModelIndex& index);

    /// The same nickname always gets the same colour: one of a few clearly different hues,
    /// readable on the palette's base colour, light or dark.
    static QColor nickColor(const QString& nick, const QPalette& palette);
    /// Behind the person's own messages: the base colour with a trace of the highlight colour.
    static QColor ownMessageTint(const QPalette& palette);
    /// The marker behind found text: in the row the find bar landed on, or in any other.
    static QColor findMarker(bool currentMatch);

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
    /// pending: the hollow dot's colour; delivered: the check mark's.
    void drawDeliveryMark(QPainter* painter, const QRect& rect, int delivery, const QColor& pending,
        const QColor& delivered) const;
    void drawNick(QPainter* painter, const QRect& rect, const QString& nick, bool currentMatch) const;
    QList<QTextLayout::FormatRange> findRanges(const QString& text, bool currentMatch) const;

    QString m_highlight;
    QPersistentModelIndex m_currentMatch;
    mutable std::optional<QFont> m_measuredFont; // what the two widths below were measured in
    mutable int m_timeColumnWidth = 0;
    mutable int m_averageCharWidth = 0;
};

} // namespace securechat
