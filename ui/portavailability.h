// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace securechat {

/// Whether a port can be listened on right now, and one that can, so that the Host dialog says
/// so while the person can still change it (a moment later another program may take either).
class PortAvailability final {
    Q_DECLARE_TR_FUNCTIONS(PortAvailability)

public:
    /// Fails with a sentence when port is taken on address (0, any free port, always succeeds).
    static Status check(const QHostAddress& address, quint16 port);
    /// The first free port after port (within a hundred), else any free one; 0 if none is.
    static quint16 freeNear(const QHostAddress& address, quint16 port);
};

} // namespace securechat
