// SPDX-License-Identifier: MIT
#pragma once

#include <QApplication>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace securechat::test {

/// Answers a modal dialog that the code under test opens with exec() (QFileDialog,
/// QMessageBox, QInputDialog), from the event loop that exec() runs: handler is called once with
/// the next active modal widget of type T. Chain dialogs by calling whenModal again in handler.
template <typename T>
void whenModal(std::function<void(T*)> handler)
{
    auto* timer = new QTimer(qApp);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, handler = std::move(handler)] {
        auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        handler(dialog);
    });
    timer->start();
}

} // namespace securechat::test
