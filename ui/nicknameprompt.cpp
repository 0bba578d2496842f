// SPDX-License-Identifier: MIT
#include "nicknameprompt.h"

#include "nickname.h"
#include "nicknamefield.h"
#include "protocol/nicknamerule.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace securechat {

NicknamePrompt::NicknamePrompt(QSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Welcome to SecureChat"));
    setAccessibleName(windowTitle());

    auto* question = new QLabel(tr("What name should others see when you chat?"), this);
    QFont bold = question->font();
    bold.setBold(true);
    question->setFont(bold);
    auto* hint = new QLabel(tr("It is also the name in your certificate. You can change it later in "
                               "Settings."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    m_field = new NicknameField(NicknameRule::accountNameOr(QString()), this);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok, this);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Continue"));
    ok->setEnabled(m_field->isValid());
    connect(m_field, &NicknameField::validityChanged, ok, &QPushButton::setEnabled);
    connect(buttons, &QDialogButtonBox::accepted, this, &NicknamePrompt::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_field);
    layout->addWidget(hint);
    layout->addStretch(1);
    layout->addWidget(buttons);
    m_field->setFocus();
    resize(440, sizeHint().height());
}

void NicknamePrompt::askOnFirstStart(QSettings& settings, QWidget* parent)
{
    if (!Nickname::needsAsking(settings))
        return;
    NicknamePrompt prompt(settings, parent);
    prompt.exec();
}

void NicknamePrompt::accept()
{
    if (!m_field->isValid())
        return;
    Nickname::save(m_settings, m_field->nick());
    QDialog::accept();
}

} // namespace securechat
