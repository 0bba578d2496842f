// SPDX-License-Identifier: MIT
#include "removaldialog.h"

#include "protocol/textsanitizer.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace securechat {

RemovalDialog::RemovalDialog(const QString& nick, bool block, QWidget* parent)
    : QDialog(parent)
    , m_nick(nick)
    , m_block(block)
{
    const QString shown = TextSanitizer::forDisplay(nick, TextSanitizer::Mode::SingleLine);
    setWindowTitle(block ? tr("Remove and Block %1").arg(shown) : tr("Remove %1").arg(shown));
    setAccessibleName(windowTitle());

    auto* explanation = new QLabel(block
            ? tr("%1 is told why and disconnected, and their certificate is refused from now on, whatever "
                 "the session admits. You can unblock it in Settings.")
                  .arg(shown)
            : tr("%1 is told why and disconnected. They can come back, as the session admits.").arg(shown),
        this);
    explanation->setTextFormat(Qt::PlainText); // a nickname is never markup
    explanation->setWordWrap(true);

    m_reason = new QLineEdit(this);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("optional; they see it"));
    m_reason->setMaxLength(MaxReasonLength);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(block ? tr("Remove and &Block") : tr("&Remove"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("R&eason:"), m_reason);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(440, sizeHint().height());
}

QString RemovalDialog::reason() const
{
    return m_reason->text().trimmed();
}

void RemovalDialog::setReason(const QString& reason)
{
    m_reason->setText(reason);
}

} // namespace securechat
