// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat {

/// Makes untrusted text safe to show in a terminal or a widget: each control is shown as a visible
/// mark that names it, so a person sees what was sent instead of a "\uFFFD" that looks like broken
/// encoding.
///
/// Replacements:
///   C0 controls U+0000..U+001F      -> Control Pictures U+2400 + code (ESC shows as U+241B),
///                                      except TAB, and LF in MultiLine mode
///   DEL U+007F                      -> U+2421
///   C1 controls U+0080..U+009F      -> their name in angle brackets: "⟨CSI⟩" for U+009B, a
///                                      one-character ESC [
///   bidi embeddings and overrides U+202A..U+202E, isolates U+2066..U+2069
///                                   -> "⟨LRE⟩" "⟨RLE⟩" "⟨PDF⟩" "⟨LRO⟩" "⟨RLO⟩" "⟨LRI⟩" "⟨RLI⟩" "⟨FSI⟩"
///                                      "⟨PDI⟩" (they reorder what follows: "Trojan Source")
///   line / paragraph separators U+2028, U+2029
///                                   -> "⟨LS⟩" "⟨PS⟩" in SingleLine mode (a widget breaks lines there)
///   lone UTF-16 surrogates (a JSON "\ud800" escape) -> U+FFFD: these are broken encoding
/// A named mark is longer than the character it replaces; the Control Pictures keep the length.
/// So ESC can never start a terminal escape sequence and no message can fake a line of its own.
/// The bidi marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are kept: right-to-left writers
/// need them to place punctuation, and they reorder nothing beyond neutral neighbours.
/// HTML is left alone: escaping it is the job of whatever renders HTML.
class TextSanitizer final {
public:
    enum class Mode { SingleLine, MultiLine };

    static QString forDisplay(const QString& text, Mode mode = Mode::SingleLine);
};

} // namespace securechat
