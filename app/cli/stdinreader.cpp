// SPDX-License-Identifier: MIT
#include "stdinreader.h"

#include <cerrno>
#include <unistd.h>

namespace securechat::cli {

StdinReader::StdinReader(qsizetype maxLineBytes, QObject* parent)
    : QObject(parent)
    , m_codec(maxLineBytes)
    , m_notifier(STDIN_FILENO, QSocketNotifier::Read)
{
    connect(&m_notifier, &QSocketNotifier::activated, this, &StdinReader::onReadable);
}

void StdinReader::onReadable()
{
    char buffer[64 * 1024];
    const ssize_t count = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (count < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (count <= 0) {
        m_notifier.setEnabled(false);
        if (const auto last = m_codec.finish())
            Q_EMIT lineRead(*last);
        Q_EMIT finished(count < 0 ? QString::fromLocal8Bit(strerror(errno)) : QString());
        return;
    }
    for (const QString& line : m_codec.feed(QByteArrayView(buffer, count)))
        Q_EMIT lineRead(line);
    if (m_codec.hasError()) {
        m_notifier.setEnabled(false);
        Q_EMIT finished(tr("input %1: it was not sent").arg(m_codec.errorString()));
    }
}

} // namespace securechat::cli
