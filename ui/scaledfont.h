// SPDX-License-Identifier: MIT
#pragma once

#include <QFont>

namespace securechat {

/// font, factor times as large: headings and big digits. A font may be sized in points or in
/// pixels (then pointSizeF() is -1, and scaling it would ask for a negative size).
QFont scaledFont(QFont font, qreal factor);

} // namespace securechat
