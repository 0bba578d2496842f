// SPDX-License-Identifier: MIT
#pragma once

/*
 * SecureChat wire format. Everything travels inside TLS; ALPN picks the mode.
 *
 *   stream      = *line [final-line]
 *   line        = content terminator
 *   terminator  = LF / CR LF                ; the terminator is not part of the content
 *   final-line  = content [CR]              ; unterminated, delivered once at end of stream
 *   content     = *(any byte except LF)     ; at most maxLineBytes (default 65536), UTF-8
 *
 * A CR not followed by LF is content, not a terminator (the display makes it visible).
 * Invalid UTF-8 in content (overlong forms, surrogates, truncated sequences, stray continuation
 * bytes) decodes as U+FFFD and the stream goes on; a byte-order mark opening a line is dropped.
 * A line longer than the limit is a fatal stream error: the sender is misbehaving or hostile.
 *
 * Text mode (no ALPN: openssl s_client, ncat, a Python ssl socket):
 *   peer -> host   content = "/nick" SP new-nick / message-text
 *   host -> peer   content = "<" nick ">" SP message-text / "* " notice-text
 *
 * Structured mode (ALPN "securechat/1" agreed):
 *   content = one compact JSON object with a string member "type"; frames are listed in
 *   protocol.h. JSON escapes every control character, so a frame is always exactly one line.
 */

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <optional>

namespace securechat {

/// Splits a received byte stream into UTF-8 lines, incrementally, with a hard line length limit.
class LineCodec final {
    Q_DECLARE_TR_FUNCTIONS(securechat::LineCodec)

public:
    static constexpr qsizetype DefaultMaxLineBytes = 64 * 1024;

    /// maxLineBytes counts content bytes only (no terminator); it must not be negative.
    explicit LineCodec(qsizetype maxLineBytes = DefaultMaxLineBytes);

    /// Appends received bytes; returns every line they complete, terminator stripped.
    /// Lines completed before an over-long line in the same call are still returned; after it,
    /// hasError() is true, the buffer is dropped and every later call returns nothing.
    QStringList feed(QByteArrayView bytes);

    /// End of stream: the final unterminated line (a trailing CR stripped), delivered once;
    /// std::nullopt if there is none or the stream is in error.
    std::optional<QString> finish();

    bool hasError() const { return m_error; }
    QString errorString() const;
    qsizetype maxLineBytes() const { return m_maxLineBytes; }
    /// Bytes of the incomplete line held back; never more than maxLineBytes() + 1.
    qsizetype bufferedBytes() const { return m_buffer.size(); }

    /// One line ready to send: UTF-8 plus LF. Each CR or LF inside `line` becomes a space, so a
    /// sender can never inject a second line (text-mode peers have no way to receive one line
    /// spanning several; structured frames never contain a raw CR or LF anyway).
    static QByteArray encode(const QString& line);

private:
    void fail();
    QString decode(QByteArrayView content);

    qsizetype m_maxLineBytes;
    QByteArray m_buffer; // the incomplete line, raw bytes, all already scanned for LF
    // Stateless: each line decodes on its own, so a truncated sequence at the end of one line
    // becomes U+FFFD instead of waiting for (and corrupting) the next line.
    QStringDecoder m_decoder { QStringDecoder::Utf8, QStringDecoder::Flag::Stateless };
    bool m_error = false;
};

} // namespace securechat
