// SPDX-License-Identifier: MIT
#pragma once

#include "cliarguments.h"

namespace securechat::cli {

/// `securechat-cli peers [list | forget HOST:PORT | forget SHA256:FINGERPRINT]`: the known peers
/// (hosts joined) and the known clients (of hosted sessions), saying which were verified. Returns
/// the exit status.
int runPeersCommand(const Invocation& invocation);

} // namespace securechat::cli
