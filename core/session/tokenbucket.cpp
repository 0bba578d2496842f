// SPDX-License-Identifier: MIT
#include "session/tokenbucket.h"

#include <algorithm>
#include <cmath>

namespace securechat {

TokenBucket::TokenBucket(double perSecond, double burst)
    : m_perSecond(perSecond)
    , m_burst(burst)
    , m_tokens(burst)
{
    m_sinceRefill.start();
}

std::chrono::milliseconds TokenBucket::take(double amount)
{
    const double elapsedSeconds = static_cast<double>(m_sinceRefill.restart()) / 1000.0;
    m_tokens = std::min(m_burst, m_tokens + elapsedSeconds * m_perSecond) - amount;
    if (m_tokens >= 0)
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(static_cast<qint64>(std::ceil(-m_tokens / m_perSecond * 1000.0)));
}

} // namespace securechat
