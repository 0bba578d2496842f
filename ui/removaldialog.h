// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLineEdit;

namespace securechat {

/// Asks the host to confirm removing a participant, with an optional reason that the participant
/// is told. "Remove and block" also refuses their certificate from then on.
class RemovalDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovalDialog)

public:
    /// Long enough for a sentence, short enough to fit any frame the host sends.
    static constexpr int MaxReasonLength = 200;

    RemovalDialog(const QString& nick, bool block, QWidget* parent = nullptr);

    QString nick() const { return m_nick; }
    bool blocks() const { return m_block; }
    /// What the participant is told; empty for the host's default words.
    QString reason() const;
    void setReason(const QString& reason);

private:
    QString m_nick;
    bool m_block = false;
    QLineEdit* m_reason = nullptr;
};

} // namespace securechat
