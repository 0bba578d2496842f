// SPDX-License-Identifier: MIT
#pragma once

#include "cliarguments.h"

namespace securechat::cli {

/// `securechat-cli history [list | search TEXT... | export [--format text|jsonl] CONVERSATION]`.
/// Returns the exit status.
int runHistoryCommand(const Invocation& invocation);

} // namespace securechat::cli
