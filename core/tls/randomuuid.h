// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat {

/// A random (version 4) UUID, drawn cheaply enough to give every relayed message one.
QString randomUuid();

} // namespace securechat
