// SPDX-License-Identifier: MIT
#include "chatsession.h"

namespace securechat {

ChatSession::ChatSession(QObject* parent)
    : QObject(parent)
{
    // Counted here, once, so that both kinds of session report the same numbers.
    connect(this, &ChatSession::messageSent, this, [this] { ++m_sent; });
    connect(this, &ChatSession::messageReceived, this, [this] { ++m_received; });
}

ChatSession::~ChatSession() = default;

} // namespace securechat
