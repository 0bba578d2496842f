// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLineEdit;

namespace securechat {

/// A file path: a line edit to type or paste it, and "Browse…" to pick it.
class FileField final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileField)

public:
    /// caption: the file dialog's title; filter: its name filter ("Certificates (*.pem *.crt)").
    FileField(const QString& caption, const QString& filter, QWidget* parent = nullptr);

    QString path() const;
    void setPath(const QString& path);
    void setPlaceholderText(const QString& text);
    /// Names the line edit for screen readers (the label beside it does not reach it).
    void setAccessibleName(const QString& name);

Q_SIGNALS:
    void pathChanged(const QString& path);

private:
    void browse();

    QLineEdit* m_edit = nullptr;
    QString m_caption;
    QString m_filter;
};

} // namespace securechat
