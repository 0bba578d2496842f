// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>

#include <chrono>

namespace securechat {

/// A sustained rate with room for a burst: each take() spends from a budget that refills at
/// `perSecond` up to `burst`. An overdrawn budget says how long until it is back in credit.
class TokenBucket final {
public:
    TokenBucket(double perSecond, double burst);

    /// Spends `amount`; returns how long the spender should wait (zero while in credit).
    std::chrono::milliseconds take(double amount);

private:
    double m_perSecond;
    double m_burst;
    double m_tokens;
    QElapsedTimer m_sinceRefill;
};

} // namespace securechat
