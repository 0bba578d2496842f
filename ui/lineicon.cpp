// SPDX-License-Identifier: MIT
#include "lineicon.h"

#include <QAbstractButton>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPaintDevice>
#include <QPainter>
#include <QStyle>

// The icons live in this static library; an icon may be made before any window.
static void initLineIconResources()
{
    Q_INIT_RESOURCE(securechat);
}

namespace securechat {

namespace {

    // Takes the drawing's shape (its alpha) from the SVG and fills it with the palette's colour
    // when asked for pixels, never before: the palette may have changed since the icon was made.
    class LineIconEngine final : public QIconEngine {
    public:
        LineIconEngine(const QString& path, TextTone::Tone tone)
            : m_shape(path)
            , m_tone(tone)
        {
        }

        void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
        {
            const qreal scale = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
            painter->drawPixmap(rect, pixmap(rect.size() * scale, mode, state));
        }

        QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
        {
            QPixmap pixmap = m_shape.pixmap(size, 1.0, QIcon::Normal, state);
            QPainter painter(&pixmap);
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(pixmap.rect(), LineIcon::strokeColor(QGuiApplication::palette(), mode, m_tone));
            return pixmap;
        }

        QIconEngine* clone() const override { return new LineIconEngine(*this); }

    private:
        LineIconEngine(const LineIconEngine&) = default;

        QIcon m_shape;
        TextTone::Tone m_tone;
    };

} // namespace

QIcon LineIcon::icon(const QString& name, TextTone::Tone tone)
{
    initLineIconResources();
    return QIcon(new LineIconEngine(QStringLiteral(":/icons/%1.svg").arg(name), tone));
}

QColor LineIcon::strokeColor(const QPalette& palette, QIcon::Mode mode, TextTone::Tone tone)
{
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::ButtonText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    if (tone != TextTone::Tone::Plain)
        return TextTone::color(tone, palette);
    return palette.color(QPalette::Active, QPalette::ButtonText);
}

void LineIcon::decorateDialogButton(QAbstractButton* button, const QString& name)
{
    // Asked as QDialogButtonBox asks for its standard buttons: of the row's style.
    const QWidget* row = button->parentWidget() ? button->parentWidget() : button;
    if (row->style()->styleHint(QStyle::SH_DialogButtonBox_ButtonsHaveIcons, nullptr, row))
        button->setIcon(icon(name));
}

} // namespace securechat
