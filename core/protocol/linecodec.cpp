// SPDX-License-Identifier: MIT
#include "protocol/linecodec.h"

#include <QtGlobal>

#include <cstring>

namespace securechat {

LineCodec::LineCodec(qsizetype maxLineBytes)
    : m_maxLineBytes(maxLineBytes)
{
    Q_ASSERT(maxLineBytes >= 0);
}

QStringList LineCodec::feed(QByteArrayView bytes)
{
    QStringList lines;
    if (m_error)
        return lines;

    const char* const data = bytes.data();
    const qsizetype size = bytes.size();
    qsizetype start = 0;
    // Each byte is scanned exactly once: the buffer only ever holds bytes already known to
    // contain no LF, so a long line arriving in many fragments costs O(n), not O(n^2).
    while (start < size) {
        const void* const hit = std::memchr(data + start, '\n', static_cast<size_t>(size - start));
        if (!hit)
            break;
        const qsizetype end = static_cast<const char*>(hit) - data;
        const QByteArrayView piece(data + start, end - start);
        // Check the length before joining, so an over-long line is never copied.
        const qsizetype joined = m_buffer.size() + piece.size();
        const bool endsWithCr
            = !piece.isEmpty() ? piece.back() == '\r' : !m_buffer.isEmpty() && m_buffer.back() == '\r';
        if (joined - (endsWithCr ? 1 : 0) > m_maxLineBytes) {
            fail();
            return lines;
        }
        QByteArrayView content = piece;
        if (!m_buffer.isEmpty()) {
            m_buffer.append(piece);
            content = m_buffer;
        }
        if (endsWithCr)
            content.chop(1);
        lines.append(decode(content));
        m_buffer.clear();
        start = end + 1;
    }

    const QByteArrayView tail = bytes.sliced(start);
    if (tail.isEmpty())
        return lines;
    // The buffer may hold one byte past the limit only if it is a CR: the LF of a CRLF
    // terminator may still be on its way.
    const qsizetype pending = m_buffer.size() + tail.size();
    if (pending - 1 > m_maxLineBytes || (pending - 1 == m_maxLineBytes && tail.back() != '\r')) {
        fail();
        return lines;
    }
    m_buffer.append(tail);
    return lines;
}

std::optional<QString> LineCodec::finish()
{
    if (m_error || m_buffer.isEmpty())
        return std::nullopt;
    QByteArrayView content = m_buffer;
    // A CR at the very end is half a CRLF whose LF never came, not content.
    if (content.back() == '\r')
        content.chop(1);
    QString line = decode(content);
    m_buffer.clear();
    return line;
}

QString LineCodec::errorString() const
{
    if (!m_error)
        return {};
    return LineCodec::tr("line longer than %1 bytes").arg(m_maxLineBytes);
}

QByteArray LineCodec::encode(const QString& line)
{
    QByteArray bytes = line.toUtf8();
    // In UTF-8 the bytes 0x0A and 0x0D only ever stand for LF and CR themselves.
    for (char& byte : bytes) {
        if (byte == '\n' || byte == '\r')
            byte = ' ';
    }
    bytes.append('\n');
    return bytes;
}

void LineCodec::fail()
{
    m_error = true;
    m_buffer.clear(); // releases the memory too
}

QString LineCodec::decode(QByteArrayView content)
{
    return m_decoder.decode(content);
}

} // namespace securechat
