// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace securechat {

/// What the window shows while no session is open: what the app does and the two ways in.
class WelcomePage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomePage)

public:
    explicit WelcomePage(QWidget* parent = nullptr);

Q_SIGNALS:
    void hostRequested();
    void connectRequested();
};

} // namespace securechat
