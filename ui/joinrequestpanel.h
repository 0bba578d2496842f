// SPDX-License-Identifier: MIT
#pragma once

#include "joinrequestcard.h"
#include "session/chathost.h"

#include <QHash>
#include <QWidget>

class QScrollArea;
class QVBoxLayout;

namespace securechat {

/// The host's lobby, above the chat: one card for each person waiting to join, answered with
/// Admit once, Always admit or Refuse. Nothing here is modal, so several people can wait while
/// the host talks; a request that ends elsewhere (it timed out, or its peer left) disappears.
/// Hidden while nobody waits.
class JoinRequestPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JoinRequestPanel)

public:
    explicit JoinRequestPanel(ChatHost& host, QWidget* parent = nullptr);
    ~JoinRequestPanel() override;

    /// The cards shown, oldest first.
    QList<JoinRequestCard*> cards() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

Q_SIGNALS:
    /// Someone new waits for an answer.
    void requestShown();
    /// An answer could not be carried out as chosen (the known clients could not be written, ...).
    void failed(const QString& reason);

private:
    void add(const JoinRequest& request);
    void drop(int requestId);
    void answer(int requestId, JoinRequestCard::Answer chosen);
    void fitHeight();

    ChatHost& m_host;
    QScrollArea* m_scroll = nullptr;
    QVBoxLayout* m_list = nullptr;
    QHash<int, JoinRequestCard*> m_cards; // by request id
};

} // namespace securechat
