// SPDX-License-Identifier: MIT
#pragma once

#include "cliarguments.h"

namespace securechat::cli {

/// `securechat-cli peers [list | forget HOST:PORT]`. Returns the exit status.
int runPeersCommand(const Invocation& invocation);

} // namespace securechat::cli
