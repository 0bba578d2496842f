// SPDX-License-Identifier: MIT
#include "discovery/discoveryerrors.h"

#include <QCoreApplication>

#include <avahi-common/error.h>

namespace securechat::DiscoveryErrors {

namespace {
    // Avahi's own text ("Daemon not running"), lower-cased to continue a sentence.
    QString avahiText(int avahiError)
    {
        QString text = QString::fromUtf8(avahi_strerror(avahiError));
        if (!text.isEmpty())
            text[0] = text[0].toLower();
        return text;
    }
} // namespace

QString unavailable(int avahiError)
{
    switch (avahiError) {
    case AVAHI_ERR_NO_DAEMON:
        return QCoreApplication::translate("DiscoveryErrors",
            "Local network discovery is unavailable: avahi-daemon is not running. "
            "Sessions can still be joined by address.");
    case AVAHI_ERR_DISCONNECTED:
        return QCoreApplication::translate("DiscoveryErrors",
            "Local network discovery is unavailable: avahi-daemon stopped. "
            "Sessions can still be joined by address.");
    default:
        return QCoreApplication::translate("DiscoveryErrors",
            "Local network discovery is unavailable: %1. Sessions can still be joined by address.")
            .arg(avahiText(avahiError));
    }
}

QString announcementFailed(int avahiError)
{
    return QCoreApplication::translate(
        "DiscoveryErrors", "This session could not be announced on the local network: %1.")
        .arg(avahiText(avahiError));
}

} // namespace securechat::DiscoveryErrors
