// SPDX-License-Identifier: MIT
#include "screenfit.h"

#include <QApplication>
#include <QScreen>
#include <QWidget>

namespace securechat {

namespace {

    // Title bar and borders, which the window manager adds outside the window's own geometry.
    constexpr int FrameAllowance = 40;

} // namespace

ScreenFit::ScreenFit(QObject* parent)
    : QObject(parent)
{
    qApp->installEventFilter(this);
}

void ScreenFit::fit(QWidget* window)
{
    const QRect available = window->screen()->availableGeometry();
    const QSize room = available.size() - QSize(FrameAllowance / 2, FrameAllowance);
    // An explicit minimum larger than the screen gives way; what the layout needs does not.
    window->setMinimumSize(window->minimumSize().boundedTo(room));
    if (window->width() > room.width() || window->height() > room.height())
        window->resize(window->size().boundedTo(room));
    if (!available.contains(window->geometry())) {
        QRect centred = window->geometry();
        centred.moveCenter(available.center());
        window->move(centred.topLeft());
    }
}

bool ScreenFit::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show && watched->isWidgetType()) {
        auto* widget = static_cast<QWidget*>(watched);
        const Qt::WindowType type = widget->windowType();
        if (widget->isWindow() && (type == Qt::Window || type == Qt::Dialog))
            fit(widget);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace securechat
