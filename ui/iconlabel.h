// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QWidget>

namespace securechat {

/// An icon on its own, as a label would show a picture of it, but drawn each time it is painted:
/// a line icon takes the palette of the moment, so a change to a dark palette shows at once.
class IconLabel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IconLabel)

public:
    explicit IconLabel(QWidget* parent = nullptr);

    /// size: the side of the square the icon is drawn in, in device-independent pixels.
    void setIcon(const QIcon& icon, int size);
    QIcon icon() const { return m_icon; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QIcon m_icon;
    int m_size = 16;
};

} // namespace securechat
