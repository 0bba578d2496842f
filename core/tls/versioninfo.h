// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat {

/// What --version prints: this program's version, Qt's, and the TLS library's, one per line.
QString versionText(const QString& program);

} // namespace securechat
