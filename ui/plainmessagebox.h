// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QWidget;

namespace securechat {

/// QMessageBox questions and warnings whose text is always plain: they quote paths, host names,
/// error messages and certificate names, any of which may contain "<" or worse, and
/// QMessageBox's default (Qt::AutoText) would render such text as HTML.
class PlainMessageBox final {
public:
    PlainMessageBox() = delete;

    /// Yes / Cancel, Cancel the default; true for Yes.
    static bool confirm(QWidget* parent, const QString& title, const QString& text);
    static void warn(QWidget* parent, const QString& title, const QString& text);
};

} // namespace securechat
