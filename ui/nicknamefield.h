// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace securechat {

/// A nickname line edit that says, under it and as the person types, what NicknameRule does not
/// allow in it. Nothing typed is dropped or changed: a validator that silently ate characters
/// turned "bob smith<x>*" into "bobsmithx".
class NicknameField final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NicknameField)

public:
    explicit NicknameField(const QString& nick, QWidget* parent = nullptr);

    /// What was typed, without leading and trailing spaces.
    QString nick() const;
    void setNick(const QString& nick);
    bool isValid() const;
    /// NicknameRule::problem of nick(): empty when valid.
    QString problem() const;
    /// Shows the problem even before anything was typed (the dialog's OK was pressed), and
    /// puts the cursor in the field to correct it.
    void showProblem();

Q_SIGNALS:
    void validityChanged(bool valid);
    void nickChanged(const QString& nick);

private:
    void update();

    QLineEdit* m_edit = nullptr;
    QLabel* m_problem = nullptr;
    bool m_valid = false;
    bool m_problemShown = false; // typed in, or asked to: an untouched empty field needs no red words
};

} // namespace securechat
