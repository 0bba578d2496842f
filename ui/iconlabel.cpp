// SPDX-License-Identifier: MIT
#include "iconlabel.h"

#include <QPainter>

namespace securechat {

IconLabel::IconLabel(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void IconLabel::setIcon(const QIcon& icon, int size)
{
    m_icon = icon;
    if (size != m_size) {
        m_size = size;
        updateGeometry();
    }
    update();
}

QSize IconLabel::sizeHint() const
{
    return QSize(m_size, m_size);
}

QSize IconLabel::minimumSizeHint() const
{
    return sizeHint();
}

void IconLabel::paintEvent(QPaintEvent* /*event*/)
{
    QPainter painter(this);
    m_icon.paint(&painter, QRect(QPoint(0, 0), sizeHint()), Qt::AlignCenter,
        isEnabled() ? QIcon::Normal : QIcon::Disabled);
}

} // namespace securechat
