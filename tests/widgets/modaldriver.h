// SPDX-License-Identifier: MIT
#pragma once

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLineEdit>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <chrono>
#include <functional>
#include <memory>

namespace securechat::test {

/// How long whenModal waits for its dialog before it gives up (a loaded machine is slow, but
/// never this slow).
inline constexpr std::chrono::seconds ModalPatience { 30 };

/// Closes every modal dialog that is open, innermost first, naming each: a modal nobody answers
/// would block the test in exec() until ctest kills it, with no word on which dialog it was.
inline void rejectOpenModals(const char* why)
{
    while (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
        if (!dialog->isVisible())
            break;
        qWarning("%s: closing \"%s\" (%s), which nobody answered", why, qPrintable(dialog->windowTitle()),
            dialog->metaObject()->className());
        dialog->reject();
    }
}

/// Chooses `path` in a QFileDialog (Qt's own, as under the offscreen platform) and accepts it.
/// selectFile() is not enough: it leaves the file name field alone once the field has the keyboard
/// focus, which the dialog gets at a moment of its own on a loaded machine; accept() then saw no
/// file and stayed open.
inline void chooseFile(QFileDialog* dialog, const QString& path)
{
    auto* fileName = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    if (!fileName)
        qFatal("QFileDialog has no fileNameEdit: not Qt's own dialog?");
    fileName->setText(path);
    static_cast<QDialog*>(dialog)->accept();
}

/// Answers a modal dialog that the code under test opens with exec() (QFileDialog,
/// QMessageBox, QInputDialog), from the event loop that exec() runs: handler is called once with
/// the next active modal widget of type T. Chain dialogs by calling whenModal again in handler.
/// If no such dialog shows within ModalPatience, or it is still open that long after handler (a
/// failed check inside handler returns before answering), whatever modal is open is closed, so
/// the test fails on its own checks rather than hanging.
template <typename T> void whenModal(std::function<void(T*)> handler)
{
    auto* timer = new QTimer(qApp);
    timer->setInterval(10);
    auto waiting = std::make_shared<QElapsedTimer>();
    waiting->start();
    QObject::connect(timer, &QTimer::timeout, timer, [timer, waiting, handler = std::move(handler)] {
        auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
        const bool shown = dialog && dialog->isVisible();
        if (!shown && !waiting->hasExpired(std::chrono::milliseconds(ModalPatience).count()))
            return;
        timer->stop();
        timer->deleteLater();
        if (!shown) {
            rejectOpenModals("the expected dialog never showed");
            return;
        }
        QPointer<T> answered = dialog;
        handler(dialog);
        QTimer::singleShot(ModalPatience, qApp, [answered] {
            if (answered && answered->isVisible())
                rejectOpenModals("a dialog was left unanswered");
        });
    });
    timer->start();
}

} // namespace securechat::test
