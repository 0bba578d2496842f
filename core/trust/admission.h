// SPDX-License-Identifier: MIT
#pragma once

namespace securechat {

/// Who may join a hosted session without a question.
enum class Admission {
    Open, ///< anyone who can reach the port
    Known, ///< only known clients, allowed fingerprints and CA-verified client certificates
    Ask, ///< those, and whoever the host admits when asked
};

} // namespace securechat
