// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat::DiscoveryErrors {

/// "Local network discovery is unavailable: ...", for an Avahi error code (AVAHI_ERR_*).
QString unavailable(int avahiError);

/// "This session could not be announced on the local network: ...", for an Avahi error code.
QString announcementFailed(int avahiError);

} // namespace securechat::DiscoveryErrors
