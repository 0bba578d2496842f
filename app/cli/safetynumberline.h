// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace securechat::cli {

/// What `/verify` prints on either side of a connection: the safety number of the host's and the
/// participant's certificates, the same digits in the same groups as the desktop app's Verify
/// dialog, or why there is none.
QString safetyNumberLine(
    const QString& peer, const QByteArray& hostSha256, const QByteArray& participantSha256);

} // namespace securechat::cli
