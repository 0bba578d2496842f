// SPDX-License-Identifier: MIT
// Translations: every .ts file is complete, the embedded German .qm is loaded for a German
// locale, and securechat-cli speaks German when the environment asks for it.
#include "base/translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace securechat;

namespace {

// One <message> of a .ts file, as lupdate wrote it and a translator filled it in.
struct TsMessage {
    QString context;
    QString source;
    QString translation;
    QString type; ///< "unfinished", "vanished", "obsolete", or empty when done
};

QList<TsMessage> readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QList<TsMessage> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            messages.append({ context, {}, {}, {} });
        } else if (xml.name() == u"source") {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            messages.last().type = xml.attributes().value(QLatin1String("type")).toString();
            messages.last().translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QString describe(const TsMessage& message)
{
    return message.context + QStringLiteral(": ")
        + message.source.left(60).replace(u'\n', QStringLiteral("\\n"));
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression placeholder(QStringLiteral("%[1-9]"));
    QSet<QString> found;
    for (const QRegularExpressionMatch& match : placeholder.globalMatch(text))
        found.insert(match.captured());
    return found;
}

// "&Host…" has an accelerator; "Q&A" would too, "Tom && Jerry" would not.
bool hasAccelerator(const QString& text)
{
    static const QRegularExpression accelerator(QStringLiteral("(^|[^&])&[^&\\s]"));
    return accelerator.match(text).hasMatch();
}

QStringList tsFiles()
{
    const QDir directory(QStringLiteral(SECURECHAT_SOURCE_DIR "/translations"));
    QStringList files;
    for (const QString& name : directory.entryList({ QStringLiteral("*.ts") }, QDir::Files))
        files << directory.filePath(name);
    return files;
}

QStringList installedTranslatorFiles()
{
    QStringList files;
    for (const QTranslator* translator : qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly))
        files << QFileInfo(translator->filePath()).fileName();
    return files;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void everyMessageTranslated_data();
    void everyMessageTranslated();
    void placeholdersAndAcceleratorsKept_data();
    void placeholdersAndAcceleratorsKept();
    void installsForLanguage_data();
    void installsForLanguage();
    void germanTextForKnownStrings_data();
    void germanTextForKnownStrings();
    void helpFollowsEnvironment_data();
    void helpFollowsEnvironment();

private:
    static void addTsRows();
};

void TestTranslations::cleanup()
{
    // A deleted QTranslator removes itself from the application.
    qDeleteAll(qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly));
}

void TestTranslations::addTsRows()
{
    QTest::addColumn<QString>("path");
    const QStringList files = tsFiles();
    QVERIFY2(!files.isEmpty(), "no .ts file in translations/");
    for (const QString& path : files)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestTranslations::everyMessageTranslated_data()
{
    addTsRows();
}

// Unfinished: a new string nobody translated yet. Vanished or obsolete: lupdate ran without
// -no-obsolete, or someone edited the .ts by hand. Refresh with the securechat_lupdate target.
void TestTranslations::everyMessageTranslated()
{
    QFETCH(QString, path);
    const QList<TsMessage> messages = readTs(path);
    QVERIFY(!messages.isEmpty());
    QStringList problems;
    for (const TsMessage& message : messages) {
        if (!message.type.isEmpty())
            problems << describe(message) + QStringLiteral(" [%1]").arg(message.type);
        else if (message.translation.isEmpty())
            problems << describe(message) + QStringLiteral(" [empty]");
    }
    const QString summary
        = QStringLiteral("%1 of %2 messages not done:\n").arg(problems.size()).arg(messages.size());
    QVERIFY2(problems.isEmpty(), qPrintable(summary + problems.join(u'\n')));
}

void TestTranslations::placeholdersAndAcceleratorsKept_data()
{
    addTsRows();
}

void TestTranslations::placeholdersAndAcceleratorsKept()
{
    QFETCH(QString, path);
    QStringList problems;
    for (const TsMessage& message : readTs(path)) {
        if (placeholders(message.source) != placeholders(message.translation))
            problems << describe(message) + QStringLiteral(" [placeholders differ]");
        if (hasAccelerator(message.source) != hasAccelerator(message.translation))
            problems << describe(message) + QStringLiteral(" [accelerator lost or added]");
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestTranslations::installsForLanguage_data()
{
    // Qt's own German comes with Debian's qt6-translations-l10n, when it is installed.
    QStringList german { QStringLiteral("securechat_de.qm") };
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm")))
        german << QStringLiteral("qtbase_de.qm");
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany) << german;
    QTest::newRow("Austrian German falls back to German")
        << QLocale(QLocale::German, QLocale::Austria) << german;
    QTest::newRow("English: the source language")
        << QLocale(QLocale::English, QLocale::UnitedStates) << QStringList();
    QTest::newRow("French: no translation, and not Qt's alone")
        << QLocale(QLocale::French, QLocale::France) << QStringList();
}

void TestTranslations::installsForLanguage()
{
    QFETCH(QLocale, locale);
    QFETCH(QStringList, expected);
    Translations::install(*qApp, locale);
    QCOMPARE(installedTranslatorFiles(), expected);
}

void TestTranslations::germanTextForKnownStrings_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("german");
    QTest::newRow("main window: Host action")
        << QStringLiteral("securechat::MainWindow") << QStringLiteral("&Host…") << QStringLiteral("&Hosten…");
    QTest::newRow("trust prompt: Always trust")
        << QStringLiteral("securechat::TrustPromptDialog") << QStringLiteral("&Always trust")
        << QStringLiteral("&Immer vertrauen");
    QTest::newRow("core: expired certificate")
        << QStringLiteral("securechat::TrustEvaluator") << QStringLiteral("The certificate has expired.")
        << QStringLiteral("Das Zertifikat ist abgelaufen.");
    QTest::newRow("CLI: usage line") << QStringLiteral("securechat::cli")
                                     << QStringLiteral(
                                            "Usage: securechat-cli COMMAND [OPTIONS]\n\n"
                                            "Private text chat over TLS, without a window.\n\nCommands:\n")
                                     << QStringLiteral(
                                            "Aufruf: securechat-cli BEFEHL [OPTIONEN]\n\n"
                                            "Privater Text-Chat über TLS, ohne Fenster.\n\nBefehle:\n");
}

void TestTranslations::germanTextForKnownStrings()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, german);
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/securechat_de.qm")));
    Translations::install(*qApp, QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), german);
}

void TestTranslations::helpFollowsEnvironment_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("expected");
    const QString cli = QStringLiteral("securechat-cli");
    const QString germanCli = QStringLiteral("Aufruf: securechat-cli BEFEHL [OPTIONEN]");
    const QString englishCli = QStringLiteral("Usage: securechat-cli COMMAND [OPTIONS]");
    QTest::newRow("cli, LANGUAGE=de LANG=de_DE.UTF-8")
        << cli << QStringLiteral("de") << QStringLiteral("de_DE.UTF-8") << germanCli;
    QTest::newRow("cli, LANG=de_DE.UTF-8 alone")
        << cli << QString() << QStringLiteral("de_DE.UTF-8") << germanCli;
    QTest::newRow("cli, LANGUAGE=fr:de: the first one SecureChat speaks")
        << cli << QStringLiteral("fr:de") << QStringLiteral("fr_FR.UTF-8") << germanCli;
    QTest::newRow("cli, LANG=C.UTF-8") << cli << QString() << QStringLiteral("C.UTF-8") << englishCli;
    QTest::newRow("cli, LANG=fr_FR.UTF-8: no French, so English")
        << cli << QString() << QStringLiteral("fr_FR.UTF-8") << englishCli;
    // The desktop app answers --help before it opens a window, with no display needed.
    const QString app = QStringLiteral("securechat");
    QTest::newRow("app, LANG=de_DE.UTF-8") << app << QString() << QStringLiteral("de_DE.UTF-8")
                                           << QStringLiteral("Sofort mit HOST:PORT verbinden.");
    QTest::newRow("app, LANG=C.UTF-8")
        << app << QString() << QStringLiteral("C.UTF-8") << QStringLiteral("Connect to HOST:PORT at once.");
}

// End to end: the .qm is embedded in each program and picked up from the environment.
void TestTranslations::helpFollowsEnvironment()
{
    QFETCH(QString, program);
    QFETCH(QString, language);
    QFETCH(QString, lang);
    QFETCH(QString, expected);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& name :
        { QStringLiteral("LC_ALL"), QStringLiteral("LC_MESSAGES"), QStringLiteral("LANGUAGE"),
            QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("QT_QPA_PLATFORM") })
        environment.remove(name);
    if (!language.isEmpty())
        environment.insert(QStringLiteral("LANGUAGE"), language);
    environment.insert(QStringLiteral("LANG"), lang);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SECURECHAT_BINARY_DIR "/app/") + program, { QStringLiteral("--help") });
    QVERIFY2(process.waitForFinished(10000), qPrintable(process.errorString()));
    QCOMPARE(process.exitCode(), 0);
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(output.contains(expected), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
