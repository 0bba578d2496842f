// SPDX-License-Identifier: MIT
#pragma once

#include "cliarguments.h"

namespace securechat::cli {

/// `securechat-cli identity [show | new | import FILE... | export FILE]`. Returns the exit status.
int runIdentityCommand(const Invocation& invocation);

} // namespace securechat::cli
