// SPDX-License-Identifier: MIT
#pragma once

#include "chatsession.h"

#include <QWidget>

class QLabel;

namespace securechat {

class IconLabel;

/// The status bar's account of the current session: a lock icon and one line, e.g.
/// "TLS 1.3 · TLS_AES_256_GCM_SHA384 · X25519 · verified by CA". Only a session whose
/// identities are all checked or trusted by the person gets the closed green lock.
class StatusIndicator final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusIndicator)

public:
    explicit StatusIndicator(QWidget* parent = nullptr);

    void setStatus(ChatSession::Security security, const QString& summary);
    ChatSession::Security security() const { return m_security; }
    QString summary() const;

    /// The icon of a level: a coloured lock, or the accent-coloured line icon while hosting or waiting.
    static QIcon icon(ChatSession::Security security);
    /// What a level means, in words, for the tool tip and screen readers.
    static QString meaning(ChatSession::Security security);

private:
    IconLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    ChatSession::Security m_security = ChatSession::Security::Insecure;
};

} // namespace securechat
