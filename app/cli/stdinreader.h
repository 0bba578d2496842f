// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/linecodec.h"

#include <QObject>
#include <QSocketNotifier>

namespace securechat::cli {

/// Reads standard input without blocking the event loop, one line at a time.
class StdinReader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StdinReader)

public:
    explicit StdinReader(qsizetype maxLineBytes, QObject* parent = nullptr);

Q_SIGNALS:
    void lineRead(const QString& line);
    /// The input ended; error is empty unless it ended because of bad input.
    void finished(const QString& error);

private:
    void onReadable();

    LineCodec m_codec;
    QSocketNotifier m_notifier;
};

} // namespace securechat::cli
