// SPDX-License-Identifier: MIT
#include "protocol/textsanitizer.h"

#include <array>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

    // The C1 controls' abbreviations (ISO/IEC 6429; U+0080, U+0081 and U+0099 have none there and
    // go by their Unicode aliases).
    constexpr std::array<const char16_t*, 32> C1Names { u"PAD", u"HOP", u"BPH", u"NBH", u"IND", u"NEL",
        u"SSA", u"ESA", u"HTS", u"HTJ", u"VTS", u"PLD", u"PLU", u"RI", u"SS2", u"SS3", u"DCS", u"PU1", u"PU2",
        u"STS", u"CCH", u"MW", u"SPA", u"EPA", u"SOS", u"SGC", u"SCI", u"CSI", u"ST", u"OSC", u"PM", u"APC" };
    constexpr std::array<const char16_t*, 5> BidiEmbeddingNames { u"LRE", u"RLE", u"PDF", u"LRO", u"RLO" };
    constexpr std::array<const char16_t*, 4> BidiIsolateNames { u"LRI", u"RLI", u"FSI", u"PDI" };

    QString namedMark(const char16_t* name)
    {
        return u'\u27E8' + QString::fromUtf16(name) + u'\u27E9';
    }

    void appendVisible(QString& shown, char16_t c)
    {
        if (c < 0x20)
            shown += QChar(static_cast<char16_t>(ControlPictures + c));
        else if (c == 0x7F)
            shown += QChar(SymbolForDelete);
        else if (c <= 0x9F)
            shown += namedMark(C1Names.at(c - 0x80));
        else if (c == 0x2028)
            shown += namedMark(u"LS");
        else if (c == 0x2029)
            shown += namedMark(u"PS");
        else if (c >= 0x202A && c <= 0x202E)
            shown += namedMark(BidiEmbeddingNames.at(c - 0x202A));
        else if (c >= 0x2066 && c <= 0x2069)
            shown += namedMark(BidiIsolateNames.at(c - 0x2066));
        else
            shown += QChar(ReplacementCharacter); // a lone surrogate: the text itself is broken
    }

    // The first index at or after `from` that is not in a run of printable ASCII (0x20 to 0x7E),
    // eight characters at a time: chat text is mostly ASCII, and looking at each character on its
    // own was 4% of the host's CPU relaying a line. SSE2 is part of x86-64; GCC does not vectorise
    // the plain loop, which other processors use.
    qsizetype skipPrintableAscii(const QChar* chars, qsizetype from, qsizetype size)
    {
        constexpr qsizetype Block = 8;
        qsizetype i = from;
#ifdef __SSE2__
        // Signed 16-bit comparisons: units from 0x8000 up are negative, so outside too.
        const __m128i belowPrintable = _mm_set1_epi16(0x1F);
        const __m128i abovePrintable = _mm_set1_epi16(0x7F);
        for (; i + Block <= size; i += Block) {
            const __m128i units = _mm_loadu_si128(reinterpret_cast<const __m128i*>(chars + i));
            const __m128i printable = _mm_and_si128(
                _mm_cmpgt_epi16(units, belowPrintable), _mm_cmpgt_epi16(abovePrintable, units));
            if (_mm_movemask_epi8(printable) != 0xFFFF)
                break;
        }
#else
        for (; i + Block <= size; i += Block) {
            bool outside = false;
            for (qsizetype k = 0; k < Block; ++k)
                outside |= static_cast<char16_t>(chars[i + k].unicode() - 0x20) >= 0x5F;
            if (outside)
                break;
        }
#endif
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
    const QChar* const chars = text.constData();
    QString shown;
    shown.reserve(size + 8);
    qsizetype copied = 0;
    while (i < size) {
        shown.append(chars + copied, i - copied);
        appendVisible(shown, chars[i].unicode());
        copied = i + 1;
        i = nextUnsafe(chars, copied, size, mode);
    }
    shown.append(chars + copied, size - copied);
    return shown;
}

} // namespace securechat
