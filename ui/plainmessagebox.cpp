// SPDX-License-Identifier: MIT
#include "plainmessagebox.h"

#include <QMessageBox>

namespace securechat {

namespace {

    int run(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
        QMessageBox::StandardButtons buttons, QMessageBox::StandardButton byDefault)
    {
        QMessageBox box(icon, title, text, buttons, parent);
        box.setTextFormat(Qt::PlainText);
        box.setDefaultButton(byDefault);
        return box.exec();
    }

} // namespace

bool PlainMessageBox::confirm(QWidget* parent, const QString& title, const QString& text)
{
    return run(parent, QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::Cancel,
               QMessageBox::Cancel)
        == QMessageBox::Yes;
}

void PlainMessageBox::warn(QWidget* parent, const QString& title, const QString& text)
{
    run(parent, QMessageBox::Warning, title, text, QMessageBox::Ok, QMessageBox::Ok);
}

} // namespace securechat
