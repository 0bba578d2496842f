// SPDX-License-Identifier: MIT
#include "nicknamefield.h"

#include "protocol/nicknamerule.h"
#include "texttone.h"

#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace securechat {

NicknameField::NicknameField(const QString& nick, QWidget* parent)
    : QWidget(parent)
{
    m_edit = new QLineEdit(nick, this);
    m_edit->setObjectName(QStringLiteral("nicknameEdit"));
    m_edit->setAccessibleName(tr("Nickname"));
    m_edit->setPlaceholderText(tr("How others see you in a chat"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("nicknameProblem"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    TextTone::apply(m_problem, TextTone::Tone::Warning);
    setFocusProxy(m_edit);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_problem);
    connect(m_edit, &QLineEdit::textChanged, this, &NicknameField::update);
    update();
}

QString NicknameField::nick() const
{
    return m_edit->text().trimmed();
}

void NicknameField::setNick(const QString& nick)
{
    m_edit->setText(nick);
}

bool NicknameField::isValid() const
{
    return m_valid;
}

QString NicknameField::problem() const
{
    return NicknameRule::problem(nick());
}

void NicknameField::showProblem()
{
    m_problemShown = true;
    update();
    m_edit->setFocus();
}

void NicknameField::update()
{
    const QString problem = this->problem();
    m_problem->setText(problem);
    m_problemShown = m_problemShown || !m_edit->text().isEmpty();
    m_problem->setVisible(!problem.isEmpty() && m_problemShown);
    m_edit->setAccessibleDescription(problem);
    const bool valid = problem.isEmpty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
    Q_EMIT nickChanged(nick());
}

} // namespace securechat
