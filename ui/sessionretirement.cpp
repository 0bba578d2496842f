// SPDX-License-Identifier: MIT
#include "sessionretirement.h"

#include "chatsession.h"

#include <QTimer>

namespace securechat {

SessionRetirement::SessionRetirement(QObject* parent)
    : QObject(parent)
{
}

SessionRetirement::~SessionRetirement()
{
    for (ChatSession* session : findChildren<ChatSession*>(Qt::FindDirectChildrenOnly)) {
        session->disconnect(this);
        delete session;
    }
}

void SessionRetirement::retire(std::unique_ptr<ChatSession> session)
{
    if (session->phase() != ChatSession::Phase::Active)
        return;
    ChatSession* ending = session.release();
    ending->setParent(this);
    ++m_ending;
    connect(ending, &QObject::destroyed, this, [this] {
        // Queued: not from inside the last session's destructor.
        if (--m_ending == 0)
            QMetaObject::invokeMethod(this, &SessionRetirement::allEnded, Qt::QueuedConnection);
    });
    connect(ending, &ChatSession::ended, ending, &QObject::deleteLater);
    QTimer::singleShot(GoodbyeTimeoutMs, ending, &QObject::deleteLater);
    ending->end();
}

} // namespace securechat
