// SPDX-License-Identifier: MIT
#include "textsanitizer.h"

namespace securechat {

namespace {

    constexpr char16_t ReplacementCharacter = 0xFFFD;
    constexpr char16_t ControlPictures = 0x2400;
    constexpr char16_t SymbolForDelete = 0x2421;

    bool isUnsafe(char16_t c, TextSanitizer::Mode mode)
    {
        if (c < 0x20)
            return !(c == u'\t' || (c == u'\n' && mode == TextSanitizer::Mode::MultiLine));
        if (c < 0x7F)
            return false; // the common case: printable ASCII costs two comparisons
        if (c <= 0x9F)
            return true; // DEL and C1
        if (c < 0x2028)
            return false;
        if (c <= 0x2029)
            return mode == TextSanitizer::Mode::SingleLine;
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    char16_t visibleFor(char16_t c)
    {
        if (c < 0x20)
            return static_cast<char16_t>(ControlPictures + c);
        if (c == 0x7F)
            return SymbolForDelete;
        return ReplacementCharacter;
    }

    // The first index at or after `from` that is not in a run of printable ASCII, eight characters
    // at a time with no branch inside a block: chat text is mostly ASCII, and looking at each
    // character on its own was 4% of the host's CPU relaying a line.
    qsizetype skipPrintableAscii(const QChar* chars, qsizetype from, qsizetype size)
    {
        constexpr qsizetype Block = 8;
        qsizetype i = from;
        for (; i + Block <= size; i += Block) {
            bool outside = false;
            for (qsizetype k = 0; k < Block; ++k)
                outside |= static_cast<char16_t>(chars[i + k].unicode() - 0x20) >= 0x5F;
            if (outside)
                break;
        }
        return i;
    }

    // The index of the next character to replace at or after `from`, or `size` if none. Valid
    // surrogate pairs (emoji, CJK extensions) are stepped over whole.
    qsizetype nextUnsafe(const QChar* chars, qsizetype from, qsizetype size, TextSanitizer::Mode mode)
    {
        for (qsizetype i = skipPrintableAscii(chars, from, size); i < size; ++i) {
            const char16_t c = chars[i].unicode();
            if (QChar::isSurrogate(c)) {
                if (QChar::isHighSurrogate(c) && i + 1 < size && chars[i + 1].isLowSurrogate()) {
                    ++i;
                    continue;
                }
                return i;
            }
            if (isUnsafe(c, mode))
                return i;
        }
        return size;
    }

} // namespace

QString TextSanitizer::forDisplay(const QString& text, Mode mode)
{
    const qsizetype size = text.size();
    qsizetype i = nextUnsafe(text.constData(), 0, size, mode);
    if (i == size)
        return text; // nothing to do: shares the data, no allocation
    QString result = text;
    QChar* const chars = result.data();
    while (i < size) {
        chars[i] = QChar(visibleFor(chars[i].unicode()));
        i = nextUnsafe(chars, i + 1, size, mode);
    }
    return result;
}

} // namespace securechat
