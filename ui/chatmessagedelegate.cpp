// SPDX-License-Identifier: MIT
#include "chatmessagedelegate.h"

#include "chatmessagemodel.h"
#include "texttone.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

namespace securechat {

namespace {

    constexpr int HorizontalMargin = 10;
    constexpr int VerticalPadding = 3;
    constexpr int ColumnGap = 10;
    constexpr int MarkWidth = 18;
    constexpr int NickColumnCharacters = 10;
    constexpr int MaxLineCharacters = 80; // a readable line; a wider window leaves the rest empty
    constexpr int OwnAccentWidth = 3;
    constexpr int FallbackWidth = 600; // without a view (tests), lay out as if the view were this wide

    QString timeText(QTime time)
    {
        return QLocale().toString(time, QLocale::ShortFormat);
    }

    // QTextLayout does not break at '\n'; the line separator is what it understands.
    QString layoutString(QString text)
    {
        text.replace(u'\n', QChar::LineSeparator);
        return text;
    }

    bool isNotice(ChatMessageModel::Kind kind)
    {
        return kind == ChatMessageModel::Kind::Notice || kind == ChatMessageModel::Kind::Problem;
    }

    ChatMessageModel::Kind kindOf(const QModelIndex& index)
    {
        return static_cast<ChatMessageModel::Kind>(index.data(ChatMessageModel::KindRole).toInt());
    }

    // Notices and a text-mode host's lines (which carry their own "<nick>") have no nick column:
    // their text starts where the nick would be.
    bool spansNickColumn(const QModelIndex& index)
    {
        return isNotice(kindOf(index)) || index.data(ChatMessageModel::NickRole).toString().isEmpty();
    }

    QFont bodyFont(QFont font, const QModelIndex& index)
    {
        font.setItalic(isNotice(kindOf(index)));
        return font;
    }

    // Hues far enough apart to tell two people by colour alone, each dark enough on a light base
    // and light enough on a dark one for a contrast of at least 4.5:1 (WCAG AA).
    struct NickHue {
        QRgb onLight;
        QRgb onDark;
    };
    constexpr NickHue NickHues[] = {
        { 0xc62828, 0xff8a80 }, // red
        { 0xb45309, 0xffb74d }, // orange
        { 0x5f7000, 0xcddc39 }, // olive
        { 0x2e7d32, 0x81c784 }, // green
        { 0x00796b, 0x4db6ac }, // teal
        { 0x1565c0, 0x64b5f6 }, // blue
        { 0x6a3fb5, 0xb39ddb }, // violet
        { 0xad1457, 0xf48fb1 }, // magenta
    };

    bool isDark(const QPalette& palette)
    {
        return palette.color(QPalette::Base).lightnessF() < 0.5;
    }

    // FNV-1a: stable across runs, processes and Qt versions, unlike qHash with a random seed.
    quint32 stableHash(const QString& text)
    {
        quint32 hash = 2166136261u;
        for (const QChar c : text) {
            hash ^= c.unicode();
            hash *= 16777619u;
        }
        return hash;
    }

} // namespace

ChatMessageDelegate::ChatMessageDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

void ChatMessageDelegate::setHighlight(const QString& text)
{
    m_highlight = text;
}

void ChatMessageDelegate::setCurrentMatch(const QModelIndex& index)
{
    m_currentMatch = index;
}

QColor ChatMessageDelegate::nickColor(const QString& nick, const QPalette& palette)
{
    const NickHue& hue = NickHues[stableHash(nick) % std::size(NickHues)];
    return QColor(isDark(palette) ? hue.onDark : hue.onLight);
}

QColor ChatMessageDelegate::ownMessageTint(const QPalette& palette)
{
    constexpr float AccentShare = 0.12f;
    const QColor base = palette.color(QPalette::Base);
    const QColor accent = palette.color(QPalette::Highlight);
    auto mix = [&](float from, float to) { return from + (to - from) * AccentShare; };
    return QColor::fromRgbF(mix(base.redF(), accent.redF()), mix(base.greenF(), accent.greenF()),
        mix(base.blueF(), accent.blueF()));
}

QColor ChatMessageDelegate::findMarker(bool currentMatch)
{
    // Opaque and light on any palette, under black text: readable on a selected row too.
    return currentMatch ? QColor(255, 150, 40) : QColor(255, 226, 90);
}

QList<QTextLayout::FormatRange> ChatMessageDelegate::findRanges(const QString& text, bool currentMatch) const
{
    QList<QTextLayout::FormatRange> ranges;
    if (m_highlight.isEmpty())
        return ranges;
    QTextCharFormat marked;
    marked.setBackground(findMarker(currentMatch));
    marked.setForeground(QColor(Qt::black));
    for (qsizetype at = text.indexOf(m_highlight, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(m_highlight, at + m_highlight.size(), Qt::CaseInsensitive))
        ranges.append({ static_cast<int>(at), static_cast<int>(m_highlight.size()), marked });
    return ranges;
}

ChatMessageDelegate::Columns ChatMessageDelegate::columns(const QFont& font, int left, int width) const
{
    // Measuring the time column shapes text: once per font, not once per row (100,000 rows).
    if (!m_measuredFont || *m_measuredFont != font) {
        const QFontMetrics metrics(font);
        m_measuredFont = font;
        m_timeColumnWidth = metrics.horizontalAdvance(timeText(QTime(23, 59)));
        m_averageCharWidth = metrics.averageCharWidth();
    }
    Columns columns;
    columns.time = left + HorizontalMargin;
    columns.nick = columns.time + m_timeColumnWidth + ColumnGap;
    columns.text = columns.nick + m_averageCharWidth * NickColumnCharacters + ColumnGap;
    const int room = left + width - HorizontalMargin - MarkWidth - ColumnGap / 2 - columns.text;
    columns.textWidth
        = std::max(m_averageCharWidth * 8, std::min(room, m_averageCharWidth * MaxLineCharacters));
    columns.mark = columns.text + columns.textWidth + ColumnGap / 2; // next to the text, not far off
    return columns;
}

int ChatMessageDelegate::availableWidth(const QStyleOptionViewItem& option) const
{
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : FallbackWidth;
}

qreal ChatMessageDelegate::layoutText(QTextLayout& layout, int width) const
{
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(textOption);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    return height;
}

QSize ChatMessageDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const int width = availableWidth(option);
    const Columns cols = columns(option.font, 0, width);
    const QFont font = bodyFont(option.font, index);
    const QFontMetrics metrics(font);
    const QString text = index.data(Qt::DisplayRole).toString();
    const int textWidth = cols.textWidth + (spansNickColumn(index) ? cols.text - cols.nick : 0);
    // Most messages are one short line: measure those without a text layout (100,000 rows).
    const bool oneLine = !text.contains(u'\n') && metrics.horizontalAdvance(text) <= textWidth;
    int textHeight = metrics.height();
    if (!oneLine) {
        QTextLayout layout(layoutString(text), font);
        textHeight = std::max(textHeight, static_cast<int>(std::ceil(layoutText(layout, textWidth))));
    }
    return { width, textHeight + 2 * VerticalPadding };
}

void ChatMessageDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem panel = option;
    initStyleOption(&panel, index);
    panel.text.clear(); // the style draws only the background; the text is drawn below, as plain text
    panel.icon = QIcon();
    const ChatMessageModel::Kind kind = kindOf(index);
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QPalette& palette = option.palette;
    const bool own = kind == ChatMessageModel::Kind::OwnMessage;
    if (own && !selected)
        painter->fillRect(option.rect, ownMessageTint(palette));
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &panel, painter, widget);
    if (own)
        painter->fillRect(QRect(option.rect.topLeft(), QSize(OwnAccentWidth, option.rect.height())),
            palette.color(QPalette::Highlight));
    const bool currentMatch = !m_highlight.isEmpty() && m_currentMatch == index;
    const QColor textColor = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quietColor = textColor;
    quietColor.setAlphaF(selected ? 0.8f : 0.55f);

    const QFontMetrics metrics(option.font);
    const Columns cols = columns(option.font, option.rect.left(), option.rect.width());
    const int top = option.rect.top() + VerticalPadding;
    const int lineHeight = metrics.height();

    painter->save();
    painter->setFont(option.font);
    painter->setPen(quietColor);
    const QDateTime time = index.data(ChatMessageModel::TimestampRole).toDateTime();
    painter->drawText(QRect(cols.time, top, cols.nick - cols.time, lineHeight),
        Qt::AlignLeft | Qt::AlignVCenter, timeText(time.time()));

    QColor bodyColor = textColor;
    if (isNotice(kind))
        bodyColor = kind == ChatMessageModel::Kind::Problem && !selected
            ? TextTone::color(TextTone::Tone::Warning, palette, QPalette::Base)
            : quietColor;
    const QString nick = index.data(ChatMessageModel::NickRole).toString();
    const bool wide = spansNickColumn(index);
    if (!wide) {
        painter->setPen(selected ? textColor : nickColor(nick, palette));
        drawNick(painter, QRect(cols.nick, top, cols.text - cols.nick - ColumnGap, lineHeight), nick,
            currentMatch);
    }

    const int textLeft = wide ? cols.nick : cols.text;
    const int textWidth = cols.textWidth + (wide ? cols.text - cols.nick : 0);
    QTextLayout layout(layoutString(index.data(Qt::DisplayRole).toString()), bodyFont(option.font, index));
    layout.setFormats(findRanges(layout.text(), currentMatch));
    layoutText(layout, textWidth);
    painter->setPen(bodyColor);
    layout.draw(painter, QPointF(textLeft, top));

    const auto delivery = index.data(ChatMessageModel::DeliveryRole).toInt();
    drawDeliveryMark(painter, QRect(cols.mark, top, MarkWidth, lineHeight), delivery,
        selected ? textColor : quietColor,
        selected ? textColor : TextTone::color(TextTone::Tone::AllClear, palette, QPalette::Base));
    painter->restore();
}

void ChatMessageDelegate::drawNick(
    QPainter* painter, const QRect& rect, const QString& nick, bool currentMatch) const
{
    QFont nickFont = painter->font();
    nickFont.setBold(true);
    // A text layout rather than drawText: the find bar may have matched the nickname.
    QTextLayout layout(QFontMetrics(nickFont).elidedText(nick, Qt::ElideRight, rect.width()), nickFont);
    layout.setFormats(findRanges(layout.text(), currentMatch));
    QTextOption alignRight(Qt::AlignRight);
    alignRight.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(alignRight);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(rect.width());
    line.setPosition(QPointF(0, (rect.height() - line.height()) / 2));
    layout.endLayout();
    layout.draw(painter, rect.topLeft());
}

void ChatMessageDelegate::drawDeliveryMark(
    QPainter* painter, const QRect& rect, int delivery, const QColor& pending, const QColor& delivered) const
{
    const auto state = static_cast<ChatMessageModel::Delivery>(delivery);
    if (state == ChatMessageModel::Delivery::None)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    const QPointF center = QRectF(rect).center();
    if (state == ChatMessageModel::Delivery::Pending) {
        // A hollow dot: sent, not yet confirmed by the host.
        painter->setPen(QPen(pending, 1.2));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(center, 3.5, 3.5);
        return;
    }
    QPainterPath check;
    check.moveTo(center + QPointF(-5, 0));
    check.lineTo(center + QPointF(-1.5, 3.5));
    check.lineTo(center + QPointF(5, -4));
    painter->setPen(QPen(delivered, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(check);
}

} // namespace securechat
