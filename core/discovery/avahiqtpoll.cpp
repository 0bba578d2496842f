// SPDX-License-Identifier: MIT
#include "discovery/avahiqtpoll.h"

#include <QSocketNotifier>
#include <QTimer>

#include <avahi-common/timeval.h>
#include <poll.h>

#include <limits>
#include <memory>

// Avahi declares these two types opaque and lets each AvahiPoll implementation define them.
struct AvahiWatch {
    int fd = -1;
    AvahiWatchEvent happened {}; ///< what the last callback was called for
    AvahiWatchCallback callback = nullptr;
    void* userdata = nullptr;
    std::unique_ptr<QSocketNotifier> readable;
    std::unique_ptr<QSocketNotifier> writable;
};

struct AvahiTimeout {
    QTimer timer;
    AvahiTimeoutCallback callback = nullptr;
    void* userdata = nullptr;
};

namespace securechat {

namespace {

    AvahiWatchEvent operator|(AvahiWatchEvent a, AvahiWatchEvent b)
    {
        return static_cast<AvahiWatchEvent>(static_cast<int>(a) | static_cast<int>(b));
    }

    // What holds on the descriptor right now. A notifier only says "readable" or "writable", while
    // the D-Bus glue behind avahi-client also wants to hear of errors and hang-ups.
    AvahiWatchEvent eventsNow(int fd, AvahiWatchEvent fallback)
    {
        pollfd descriptor { fd, POLLIN | POLLOUT, 0 };
        if (::poll(&descriptor, 1, 0) != 1)
            return fallback;
        AvahiWatchEvent events {};
        if (descriptor.revents & POLLIN)
            events = events | AVAHI_WATCH_IN;
        if (descriptor.revents & POLLOUT)
            events = events | AVAHI_WATCH_OUT;
        if (descriptor.revents & POLLERR)
            events = events | AVAHI_WATCH_ERR;
        if (descriptor.revents & POLLHUP)
            events = events | AVAHI_WATCH_HUP;
        return events;
    }

    void dispatch(AvahiWatch* watch, AvahiWatchEvent notified)
    {
        // Only what was asked for, plus errors and hang-ups, which poll(2) always reports.
        const AvahiWatchEvent wanted = (watch->readable ? AVAHI_WATCH_IN : AvahiWatchEvent {})
            | (watch->writable ? AVAHI_WATCH_OUT : AvahiWatchEvent {}) | AVAHI_WATCH_ERR | AVAHI_WATCH_HUP;
        AvahiWatchEvent events = static_cast<AvahiWatchEvent>(eventsNow(watch->fd, notified) & wanted);
        if (events == 0)
            events = notified;
        watch->happened = events;
        // The callback may free the watch: nothing may touch it afterwards.
        watch->callback(watch, watch->fd, events, watch->userdata);
    }

    std::unique_ptr<QSocketNotifier> makeNotifier(AvahiWatch* watch, QSocketNotifier::Type type)
    {
        auto notifier = std::make_unique<QSocketNotifier>(watch->fd, type);
        const AvahiWatchEvent notified = type == QSocketNotifier::Read ? AVAHI_WATCH_IN : AVAHI_WATCH_OUT;
        QObject::connect(notifier.get(), &QSocketNotifier::activated, notifier.get(),
            [watch, notified] { dispatch(watch, notified); });
        return notifier;
    }

    void watchUpdate(AvahiWatch* watch, AvahiWatchEvent events)
    {
        // Deleting a notifier from inside its own activated() signal is safe in Qt 6; keep the
        // ones that stay wanted, so a read in progress is not torn down by a write update.
        if (!(events & AVAHI_WATCH_IN))
            watch->readable.reset();
        else if (!watch->readable)
            watch->readable = makeNotifier(watch, QSocketNotifier::Read);
        if (!(events & AVAHI_WATCH_OUT))
            watch->writable.reset();
        else if (!watch->writable)
            watch->writable = makeNotifier(watch, QSocketNotifier::Write);
    }

    AvahiWatch* watchNew(
        const AvahiPoll*, int fd, AvahiWatchEvent events, AvahiWatchCallback callback, void* userdata)
    {
        auto* watch = new AvahiWatch;
        watch->fd = fd;
        watch->callback = callback;
        watch->userdata = userdata;
        watchUpdate(watch, events);
        return watch;
    }

    AvahiWatchEvent watchGetEvents(AvahiWatch* watch)
    {
        return watch->happened;
    }

    void watchFree(AvahiWatch* watch)
    {
        delete watch;
    }

    void timeoutUpdate(AvahiTimeout* timeout, const timeval* when)
    {
        timeout->timer.stop();
        if (!when)
            return;
        // avahi_age() is negative while `when` (gettimeofday time) is still ahead; round up so
        // the callback never runs before the moment Avahi asked for.
        const AvahiUsec ahead = -avahi_age(when);
        const AvahiUsec milliseconds = ahead > 0 ? (ahead + 999) / 1000 : 0;
        timeout->timer.start(
            static_cast<int>(qMin<AvahiUsec>(milliseconds, std::numeric_limits<int>::max())));
    }

    AvahiTimeout* timeoutNew(
        const AvahiPoll*, const timeval* when, AvahiTimeoutCallback callback, void* userdata)
    {
        auto* timeout = new AvahiTimeout;
        timeout->callback = callback;
        timeout->userdata = userdata;
        timeout->timer.setSingleShot(true);
        timeout->timer.setTimerType(Qt::PreciseTimer);
        // The callback may free the timeout: nothing may touch it afterwards.
        QObject::connect(&timeout->timer, &QTimer::timeout, &timeout->timer,
            [timeout] { timeout->callback(timeout, timeout->userdata); });
        timeoutUpdate(timeout, when);
        return timeout;
    }

    void timeoutFree(AvahiTimeout* timeout)
    {
        delete timeout;
    }

} // namespace

AvahiQtPoll::AvahiQtPoll()
    : m_api { nullptr, watchNew, watchUpdate, watchGetEvents, watchFree, timeoutNew, timeoutUpdate,
        timeoutFree }
{
}

} // namespace securechat
