// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat::cli {

/// securechat-cli(1) in roff, made from the same command and option definitions as --help, so
/// the two never drift. The build writes it with `securechat-cli --generate-man-page`.
QString manPage();

} // namespace securechat::cli
