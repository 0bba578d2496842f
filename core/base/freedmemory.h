// SPDX-License-Identifier: MIT
#pragma once

namespace securechat {

/// Hands heap pages that were freed back to the system. glibc keeps them for later otherwise, so
/// a host that queued megabytes during a flood would stay that large for good once it ended.
/// Walks the heap: call it once after a burst, not per message. Does nothing elsewhere.
void returnFreedMemoryToSystem();

} // namespace securechat
