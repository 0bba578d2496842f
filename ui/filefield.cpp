// SPDX-License-Identifier: MIT
#include "filefield.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace securechat {

FileField::FileField(const QString& caption, const QString& filter, QWidget* parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_caption(caption)
    , m_filter(filter)
{
    auto* button = new QPushButton(tr("Browse…"), this);
    button->setAccessibleName(tr("Browse for %1").arg(caption));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(button);
    setFocusProxy(m_edit);
    connect(button, &QPushButton::clicked, this, &FileField::browse);
    connect(m_edit, &QLineEdit::textChanged, this, &FileField::pathChanged);
}

QString FileField::path() const
{
    return m_edit->text().trimmed();
}

void FileField::setPath(const QString& path)
{
    m_edit->setText(path);
}

void FileField::setPlaceholderText(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

void FileField::setAccessibleName(const QString& name)
{
    QWidget::setAccessibleName(name);
    m_edit->setAccessibleName(name);
}

void FileField::browse()
{
    const QString chosen = QFileDialog::getOpenFileName(this, m_caption, path(), m_filter);
    if (!chosen.isEmpty())
        m_edit->setText(chosen);
}

} // namespace securechat
