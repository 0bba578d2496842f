// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace securechat {

/// The one nickname rule of the host, the client, the dialogs and the command line: 1 to
/// MaxLength printable characters without spaces, "<", ">" or "*" (text-mode peers read
/// "<nick> text" and "* nick joined"). Everyone who refuses a name says why in problem()'s words.
class NicknameRule final {
    Q_DECLARE_TR_FUNCTIONS(securechat::NicknameRule)

public:
    NicknameRule() = delete;

    static constexpr qsizetype MaxLength = 32;

    static bool isValid(const QString& nick);
    /// Empty for a valid nickname; else one sentence: what a nickname may be, and what in this one
    /// is not (never the nickname itself, which may hold control characters).
    static QString problem(const QString& nick);
    /// The account's login name when it is a valid nickname, else fallback.
    static QString accountNameOr(const QString& fallback);
};

} // namespace securechat
