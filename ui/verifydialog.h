// SPDX-License-Identifier: MIT
#pragma once

#include "verification/safetynumber.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace securechat {

class ChatSession;

/// "Verify…": the safety number of this side's and the peer's certificates, in twelve groups of
/// five digits, the same on both screens. The person compares it (read aloud, or pasted into the
/// field to be checked) and then chooses "Mark as verified"; what marking records is the
/// caller's business (markedVerified()).
class VerifyDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VerifyDialog)

public:
    /// peer: the nickname shown (text from the network, shown as text).
    VerifyDialog(
        const QString& peer, const SafetyNumber& number, bool alreadyVerified, QWidget* parent = nullptr);
    ~VerifyDialog() override;

    /// The number of the person's and the peer's certificates in a session, when both have one
    /// and this side knows the peer's (a joiner knows only the host's).
    static std::optional<SafetyNumber> numberFor(const ChatSession& session, const QString& peer);

    QString shownNumber() const;

Q_SIGNALS:
    /// The person said the numbers are the same.
    void markedVerified();

private:
    void compareTyped();

    SafetyNumber m_number;
    QLabel* m_digits = nullptr;
    QLineEdit* m_theirs = nullptr;
    QLabel* m_comparison = nullptr;
    QPushButton* m_mark = nullptr;
};

} // namespace securechat
