// SPDX-License-Identifier: MIT
#include "focusring.h"

#include <QApplication>
#include <QFocusEvent>
#include <QPainter>
#include <QWidget>

namespace securechat {

namespace {

    constexpr int RingWidth = 2;
    constexpr int Gap = 1; // between the widget's edge and the ring, so the ring hides nothing

    // Drawn above the window's other children, transparent inside and to the mouse.
    class RingWidget final : public QWidget {
    public:
        explicit RingWidget(QWidget* window)
            : QWidget(window)
        {
            setObjectName(QStringLiteral("focusRing"));
            setAttribute(Qt::WA_TransparentForMouseEvents);
            setFocusPolicy(Qt::NoFocus);
        }

    protected:
        void paintEvent(QPaintEvent*) override
        {
            QPainter painter(this);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(QPen(palette().color(QPalette::Active, QPalette::Highlight), RingWidth));
            const qreal inset = RingWidth / 2.0;
            painter.drawRoundedRect(QRectF(rect()).adjusted(inset, inset, -inset, -inset), 3, 3);
        }
    };

    bool byKeyboard(Qt::FocusReason reason)
    {
        return reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason;
    }

} // namespace

FocusRing::FocusRing(QObject* parent)
    : QObject(parent)
{
    qApp->installEventFilter(this);
}

FocusRing::~FocusRing()
{
    delete m_ring;
}

QWidget* FocusRing::ring() const
{
    return m_ring && m_ring->isVisible() ? m_ring.data() : nullptr;
}

bool FocusRing::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::FocusIn: {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (!widget)
            break; // the window's own focus event, which a widget's follows
        const Qt::FocusReason reason = static_cast<QFocusEvent*>(event)->reason();
        if (byKeyboard(reason))
            m_keyboard = true;
        else if (reason == Qt::MouseFocusReason)
            m_keyboard = false;
        follow(widget);
        break;
    }
    case QEvent::MouseButtonPress:
        if (m_keyboard) {
            m_keyboard = false;
            follow(m_target);
        }
        break;
    // The focused widget, or anything around it, moved, resized, appeared or went away.
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
        if (m_target && watched != m_ring && watched->isWidgetType())
            place();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void FocusRing::follow(QWidget* target)
{
    m_target = target;
    if (!target || !target->hasFocus() || target->isWindow()) {
        if (m_ring)
            m_ring->hide();
        return;
    }
    QWidget* window = target->window();
    if (!m_ring)
        m_ring = new RingWidget(window);
    else if (m_ring->parentWidget() != window)
        m_ring->setParent(window);
    place();
}

void FocusRing::place()
{
    if (!m_ring)
        return;
    const bool shown = m_keyboard && m_target && m_target->isVisible() && m_target->hasFocus()
        && m_ring->parentWidget() == m_target->window();
    if (!shown) {
        m_ring->hide();
        return;
    }
    const int outset = RingWidth + Gap;
    const QPoint topLeft = m_target->mapTo(m_target->window(), QPoint(0, 0));
    m_ring->setGeometry(QRect(topLeft, m_target->size()).adjusted(-outset, -outset, outset, outset));
    m_ring->raise();
    m_ring->show();
}

} // namespace securechat
