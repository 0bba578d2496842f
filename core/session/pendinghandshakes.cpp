// SPDX-License-Identifier: MIT
#include "session/pendinghandshakes.h"

#include <QCoreApplication>

namespace securechat {

PendingHandshakes::PendingHandshakes(int maxPerAddress)
    : m_quota(maxPerAddress)
{
}

// The words are the listener's (lupdate reads the context as written).

Status PendingHandshakes::admit(const QHostAddress& address)
{
    if (m_quota.tryTake(address))
        return succeeded();
    return Status::failure(QCoreApplication::translate(
        "securechat::TlsListener", "refused: %1 TLS handshakes already in progress from that address")
                               .arg(m_quota.inProgress(address)));
}

void PendingHandshakes::cancel(const QHostAddress& address)
{
    m_quota.release(address);
}

void PendingHandshakes::track(Key connection, const QHostAddress& address, const QString& who)
{
    m_tracked.insert(connection, Handshake { address, who, {} });
}

bool PendingHandshakes::fail(Key connection, const QString& reason)
{
    const auto it = m_tracked.find(connection);
    if (it == m_tracked.end())
        return false;
    if (it->failure.isEmpty())
        it->failure = reason;
    return true;
}

void PendingHandshakes::handedOut(Key connection)
{
    const auto it = m_tracked.constFind(connection);
    if (it == m_tracked.cend())
        return;
    m_quota.release(it->address);
    m_tracked.erase(it);
}

std::optional<PendingHandshakes::Rejection> PendingHandshakes::gone(Key connection)
{
    const auto it = m_tracked.constFind(connection);
    if (it == m_tracked.cend())
        return std::nullopt;
    const Handshake handshake = *it; // NOLINT(performance-unnecessary-copy-initialization): erased next
    m_tracked.erase(it);
    m_quota.release(handshake.address);
    // Qt drops a connection whose first byte is not a TLS handshake record without a signal.
    return Rejection { handshake.who,
        handshake.failure.isEmpty() ? QCoreApplication::translate(
            "securechat::TlsListener", "not TLS: the first bytes were not a TLS handshake")
                                    : handshake.failure };
}

} // namespace securechat
