// SPDX-License-Identifier: MIT
#include "history/conversationkey.h"

namespace securechat::ConversationKey {

QString joined(const QString& hostSha256Fingerprint)
{
    return QStringLiteral("client:SHA256:") + hostSha256Fingerprint;
}

QString hosted(const QString& ownSha256Fingerprint)
{
    return QStringLiteral("host:SHA256:") + ownSha256Fingerprint;
}

QString connecting(const QString& endpoint)
{
    return QStringLiteral("connecting:") + endpoint;
}

} // namespace securechat::ConversationKey
