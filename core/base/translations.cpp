// SPDX-License-Identifier: MIT
#include "base/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace securechat {

namespace {

    // QTranslator tries each of the locale's UI languages in order ("de-AT", then "de"), so an
    // Austrian locale finds securechat_de.qm.
    QTranslator* installFirstFound(
        QCoreApplication& app, const QLocale& locale, const QString& name, const QString& directory)
    {
        auto translator = std::make_unique<QTranslator>();
        if (!translator->load(locale, name, QStringLiteral("_"), directory))
            return nullptr;
        translator->setParent(&app);
        QCoreApplication::installTranslator(translator.get());
        return translator.release();
    }

} // namespace

void Translations::install(QCoreApplication& app)
{
    install(app, QLocale::system());
}

void Translations::install(QCoreApplication& app, const QLocale& locale)
{
    const QTranslator* own
        = installFirstFound(app, locale, QStringLiteral("securechat"), QStringLiteral(":/i18n"));
    if (!own)
        return;
    // Qt's dialogs and messages (QMessageBox buttons, QCommandLineParser's --help) in the same
    // language as SecureChat's, when Debian's qt6-translations-l10n is installed.
    installFirstFound(app, QLocale(own->language()), QStringLiteral("qtbase"),
        QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

} // namespace securechat
