// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace securechat {

/// A ring in the highlight colour around the widget that has the keyboard focus, in every window
/// of the app, once the person moves the focus with Tab (and until they click): styles mark focus
/// faintly or not at all on item views and flat buttons, so a keyboard user loses their place.
class FocusRing final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FocusRing)

public:
    explicit FocusRing(QObject* parent = nullptr);
    ~FocusRing() override;

    /// The ring's widget while it is shown (tests look at where it is); null otherwise.
    QWidget* ring() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void follow(QWidget* target);
    void place();

    QPointer<QWidget> m_ring;
    QPointer<QWidget> m_target;
    bool m_keyboard = false; // the focus last moved by Tab: show where it went
};

} // namespace securechat
