// SPDX-License-Identifier: MIT
#include "session/samehostcheck.h"

#include "session/chatclient.h"

#include <utility>

namespace securechat {

std::optional<int> SameHostCheck::joined(ChatClient& client)
{
    const QList<CertificateDetails> chain = client.sessionDetails().peerChain;
    const QString presented = chain.isEmpty() ? QString() : chain.constFirst().sha256Fingerprint;
    const QString earlier = std::exchange(m_lastHost, presented);
    if (earlier.isEmpty() || presented == earlier)
        return std::nullopt;
    return client.withdrawQueued();
}

} // namespace securechat
