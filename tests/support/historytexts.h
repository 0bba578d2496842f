// SPDX-License-Identifier: MIT
#pragma once

#include "history/historymessage.h"

#include <QList>
#include <QStringList>

namespace securechat::test {

/// The texts of stored messages, in their order: what a test compares with what was typed.
inline QStringList textsOf(const QList<HistoryMessage>& messages)
{
    QStringList texts;
    for (const HistoryMessage& message : messages)
        texts << message.text;
    return texts;
}

} // namespace securechat::test
