// SPDX-License-Identifier: MIT
#pragma once

#include "session/chathost.h"

#include <QFrame>

class QPushButton;

namespace securechat {

/// One person waiting to join a hosted session, as the host sees it: "bob wants to join", where
/// from and how their certificate was checked, its fingerprint in the groups used everywhere
/// else, and the three answers. Everything in it comes from the peer: plain text only.
class JoinRequestCard final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JoinRequestCard)

public:
    enum class Answer { AdmitOnce, AlwaysAdmit, Refuse };
    Q_ENUM(Answer)

    explicit JoinRequestCard(const JoinRequest& request, QWidget* parent = nullptr);

    int requestId() const { return m_requestId; }
    QPushButton* button(Answer answer) const;

Q_SIGNALS:
    void answered(securechat::JoinRequestCard::Answer answer);

private:
    QPushButton* addAnswer(Answer answer, const QString& text, const QString& objectName);

    int m_requestId = 0;
    QList<QPushButton*> m_buttons; // in the order of Answer
};

} // namespace securechat
