// SPDX-License-Identifier: MIT
#pragma once

class QCoreApplication;
class QLocale;

namespace securechat {

/// Installs SecureChat's translation (embedded as :/i18n/securechat_<lang>.qm) and Qt's own.
class Translations final {
public:
    /// For the language of QLocale::system(): on Linux, what LANGUAGE, LC_ALL, LC_MESSAGES or
    /// LANG ask for.
    static void install(QCoreApplication& app);
    /// For the languages of `locale`, most preferred first. The translators become children of
    /// `app`. A language SecureChat has no translation for installs nothing, not even Qt's own
    /// translation: the person sees one language, English, rather than a mix.
    static void install(QCoreApplication& app, const QLocale& locale);
};

} // namespace securechat
