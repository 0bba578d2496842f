// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

#include <avahi-common/watch.h>

namespace securechat {

/// Runs libavahi-client on the Qt event loop of the thread that makes it: Avahi's watches become
/// QSocketNotifiers and its timeouts single-shot QTimers (avahi-qt, which does this, is Qt 5 only).
///
/// Pass api() to avahi_client_new(); the poll must outlive the client, since avahi_client_free()
/// frees its watches and timeouts through it.
class AvahiQtPoll final {
public:
    AvahiQtPoll();
    Q_DISABLE_COPY_MOVE(AvahiQtPoll)

    const AvahiPoll* api() const { return &m_api; }

private:
    AvahiPoll m_api;
};

} // namespace securechat
