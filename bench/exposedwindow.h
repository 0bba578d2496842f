// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QWidget>
#include <QWindow>

namespace securechat::bench {

/// Processes events until widget's window is exposed (at most 10 s); whether it is.
inline bool waitExposed(QWidget& widget)
{
    QElapsedTimer timer;
    timer.start();
    while (!(widget.windowHandle() && widget.windowHandle()->isExposed()) && timer.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return widget.windowHandle() && widget.windowHandle()->isExposed();
}

} // namespace securechat::bench
