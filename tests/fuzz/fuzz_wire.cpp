// SPDX-License-Identifier: MIT
// libFuzzer entry point for the wire layer: bytes from a peer go through LineCodec, and every
// line through Protocol::decode and TextSanitizer, checking the promises those classes make.
// tst_fuzz_corpus calls the same function on the committed corpus.
#include "protocol/linecodec.h"
#include "protocol/protocol.h"
#include "protocol/textsanitizer.h"

#include <QtGlobal>

#include <cstddef>
#include <cstdint>

using namespace securechat;

#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition))                                                                                    \
            qFatal("fuzz_wire: broken promise: %s (line %d)", #condition, __LINE__);                         \
    } while (false)

namespace {

// Chunk sizes must be reproducible from the input alone, so they come from a hash of it.
class ChunkSizes final {
public:
    explicit ChunkSizes(QByteArrayView bytes)
    {
        for (const char byte : bytes)
            m_state = (m_state ^ static_cast<std::uint8_t>(byte)) * 1099511628211ULL; // FNV-1a
    }
    qsizetype next()
    {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        const std::uint64_t pick = m_state >> 33;
        // Mostly tiny pieces (split UTF-8 and CRLF), sometimes big ones.
        return static_cast<qsizetype>(pick % 8 == 0 ? 1 + pick % 4096 : 1 + pick % 5);
    }

private:
    std::uint64_t m_state = 14695981039346656037ULL;
};

struct Outcome {
    QStringList lines;
    std::optional<QString> finalLine;
    bool error = false;
};

Outcome readStream(QByteArrayView stream, qsizetype limit, ChunkSizes* chunks)
{
    LineCodec codec(limit);
    Outcome outcome;
    qsizetype offset = 0;
    while (offset < stream.size()) {
        const qsizetype size
            = chunks ? std::min(chunks->next(), stream.size() - offset) : stream.size() - offset;
        const QStringList lines = codec.feed(stream.sliced(offset, size));
        FUZZ_CHECK(codec.bufferedBytes() <= limit + 1);
        outcome.lines += lines;
        offset += size;
    }
    outcome.finalLine = codec.finish();
    outcome.error = codec.hasError();
    FUZZ_CHECK(codec.bufferedBytes() == 0);
    FUZZ_CHECK(codec.finish() == std::nullopt);
    return outcome;
}

bool isUnsafeForDisplay(const QString& text, qsizetype i, TextSanitizer::Mode mode)
{
    const char16_t c = text.at(i).unicode();
    if (c < 0x20)
        return c != u'\t' && !(c == u'\n' && mode == TextSanitizer::Mode::MultiLine);
    if ((c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        return true;
    if (c == 0x2028 || c == 0x2029)
        return mode == TextSanitizer::Mode::SingleLine;
    if (QChar::isHighSurrogate(c))
        return i + 1 == text.size() || !text.at(i + 1).isLowSurrogate();
    if (QChar::isLowSurrogate(c))
        return i == 0 || !text.at(i - 1).isHighSurrogate();
    return false;
}

void checkSanitizer(const QString& text)
{
    for (const TextSanitizer::Mode mode :
        { TextSanitizer::Mode::SingleLine, TextSanitizer::Mode::MultiLine }) {
        const QString shown = TextSanitizer::forDisplay(text, mode);
        // Every character stays or becomes a mark at least as long (⟨RLO⟩, U+FFFD): nothing is dropped.
        FUZZ_CHECK(shown.size() >= text.size());
        for (qsizetype i = 0; i < shown.size(); ++i)
            FUZZ_CHECK(!isUnsafeForDisplay(shown, i, mode));
        FUZZ_CHECK(TextSanitizer::forDisplay(shown, mode) == shown);
    }
}

void checkReencoding(const QString& line)
{
    const QByteArray encoded = LineCodec::encode(line);
    FUZZ_CHECK(encoded.endsWith('\n') && encoded.count('\n') == 1);
    LineCodec codec(encoded.size());
    const QStringList lines = codec.feed(encoded);
    FUZZ_CHECK(lines.size() == 1 && !codec.hasError());
    QString expected = line;
    expected.replace(u'\r', u' ').replace(u'\n', u' ');
    // A leading U+FEFF reads as a byte-order mark and is dropped.
    FUZZ_CHECK(lines.first() == expected
        || (expected.startsWith(QChar(0xFEFF)) && lines.first() == expected.sliced(1)));
}

void checkFrame(const QString& line)
{
    const Result<Frame> frame = Protocol::decode(line);
    if (!frame) {
        FUZZ_CHECK(!frame.error().isEmpty());
        return;
    }
    checkSanitizer(frame->text);
    checkSanitizer(frame->from);
    checkSanitizer(frame->nick);
    const QByteArray encoded = Protocol::encode(frame.value());
    FUZZ_CHECK(encoded.endsWith('\n') && encoded.count('\n') == 1 && !encoded.contains('\r'));
    const Result<Frame> again = Protocol::decode(QString::fromUtf8(encoded.chopped(1)));
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again.value() == frame.value());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView stream(data, static_cast<qsizetype>(size));

    const Outcome whole = readStream(stream, LineCodec::DefaultMaxLineBytes, nullptr);
    ChunkSizes chunkSizes(stream);
    const Outcome chunked = readStream(stream, LineCodec::DefaultMaxLineBytes, &chunkSizes);
    FUZZ_CHECK(whole.lines == chunked.lines);
    FUZZ_CHECK(whole.finalLine == chunked.finalLine);
    FUZZ_CHECK(whole.error == chunked.error);

    // A small limit reaches the over-long paths; what it delivers is what the large one did.
    const qsizetype smallLimit = static_cast<qsizetype>(size % 61);
    const Outcome limited = readStream(stream, smallLimit, &chunkSizes);
    FUZZ_CHECK(limited.lines == whole.lines.first(std::min(limited.lines.size(), whole.lines.size())));
    if (!limited.error)
        FUZZ_CHECK(limited.lines == whole.lines && limited.finalLine == whole.finalLine);
    for (const QString& line : limited.lines)
        FUZZ_CHECK(line.size() <= smallLimit);
    FUZZ_CHECK(!limited.finalLine || limited.finalLine->size() <= smallLimit);

    QStringList lines = whole.lines;
    if (whole.finalLine)
        lines.append(*whole.finalLine);
    for (const QString& line : std::as_const(lines)) {
        FUZZ_CHECK(!line.contains(u'\n'));
        checkSanitizer(line);
        checkReencoding(line);
        checkFrame(line);
    }
    return 0;
}
