// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace securechat {

/// Returns the memory a burst of traffic used once the burst is over: when at least `burstBytes`
/// passed since the last release and a whole check interval went by without any, it calls
/// `release` (returnFreedMemoryToSystem by default). One timer tick per interval, nothing per
/// message beyond adding to a counter, so relaying pays nothing measurable for it.
class QuietMemoryRelease final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuietMemoryRelease)

public:
    using Release = std::function<void()>;

    QuietMemoryRelease(std::chrono::milliseconds checkInterval, qint64 burstBytes, Release release,
        QObject* parent = nullptr);
    explicit QuietMemoryRelease(QObject* parent = nullptr);

    void noteTraffic(qint64 bytes) { m_traffic += bytes; }

private:
    void check();

    Release m_release;
    qint64 m_burstBytes;
    QTimer m_timer;
    qint64 m_traffic = 0;
    qint64 m_trafficAtLastCheck = 0;
    qint64 m_trafficAtLastRelease = 0;
};

} // namespace securechat
