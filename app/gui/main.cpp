// SPDX-License-Identifier: MIT
// securechat: the desktop app. Parses the command line, opens the window, and with --host or
// --connect opens straight into a session.
#include "apppaths.h"
#include "hostedsession.h"
#include "identitystore.h"
#include "mainwindow.h"
#include "nickname.h"
#include "sessiontab.h"
#include "settingsdialog.h"
#include "translations.h"
#include "versioninfo.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

#include <cstdio>

using namespace securechat;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("securechat", text);
}

Result<Identity> storedIdentity(const AppPaths& paths, const QString& nick)
{
    return IdentityStore(paths.identityDirectory()).loadOrCreate(nick);
}

// --host PORT: all addresses, the stored identity, the preferred nickname.
Status hostOnPort(MainWindow& window, const QString& portText)
{
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535)
        return Status::failure(
            tr("--host wants a port number (0 to 65535; 0 picks a free one), not “%1”.").arg(portText));
    HostOptions options;
    options.port = static_cast<quint16>(port);
    options.nick = Nickname::preferred(window.settings());
    auto identity = storedIdentity(window.paths(), options.nick);
    if (!identity)
        return Status::failure(identity.error());
    options.identity = std::move(identity).value();
    const auto hosted = window.host(std::move(options));
    if (!hosted)
        return Status::failure(hosted.error());
    // For scripts that start a host on port 0 and need to know where to connect.
    const auto& session = static_cast<const HostedSession&>(hosted.value()->session());
    std::fputs(qPrintable(QStringLiteral("listening on %1, fingerprint SHA256:%2\n")
                              .arg(session.listeningOn(), session.fingerprint())),
        stdout);
    std::fflush(stdout);
    return succeeded();
}

// --connect HOST:PORT: the stored identity as client certificate, the preferred nickname.
Status connectTo(MainWindow& window, const QString& hostPort)
{
    const qsizetype colon = hostPort.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? hostPort.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535)
        return Status::failure(tr("--connect wants HOST:PORT, e.g. 127.0.0.1:7447, not “%1”.").arg(hostPort));
    ClientOptions options;
    options.host = hostPort.left(colon).remove(u'[').remove(u']');
    options.port = static_cast<quint16>(port);
    options.nick = Nickname::preferred(window.settings());
    auto identity = storedIdentity(window.paths(), options.nick);
    if (!identity)
        return Status::failure(identity.error());
    options.identity = std::move(identity).value();
    window.connectTo(std::move(options));
    return succeeded();
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("securechat"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SECURECHAT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Private text chat over TLS."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption(
        QStringLiteral("version"), tr("Show the versions of SecureChat, Qt and the TLS library."));
    const QCommandLineOption hostOption(QStringLiteral("host"),
        tr("Host a session on PORT at once (0 picks a free port)."), QStringLiteral("PORT"));
    const QCommandLineOption connectOption(
        QStringLiteral("connect"), tr("Connect to HOST:PORT at once."), QStringLiteral("HOST:PORT"));
    const QCommandLineOption nickOption(
        QStringLiteral("nick"), tr("Your nickname (saved in the settings)."), QStringLiteral("NAME"));
    const QCommandLineOption configOption(QStringLiteral("config-dir"),
        tr("Keep identity, known peers and settings in DIR instead of the usual places."),
        QStringLiteral("DIR"));
    parser.addOptions({ versionOption, hostOption, connectOption, nickOption, configOption });

    // --version and --help answer without a display: look for them before QApplication needs one.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    static_cast<void>(parser.parse(rawArguments)); // Qt's own options (-style ...) are not errors yet
    if (parser.isSet(versionOption)) {
        std::fputs(versionText(QStringLiteral("securechat")).toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (parser.isSet(helpOption)) {
        const QString program = QFileInfo(rawArguments.constFirst()).fileName();
        std::fputs(
            parser.helpText().replace(QStringLiteral("<executable_name>"), program).toLocal8Bit().constData(),
            stdout);
        return 0;
    }
    if (parser.isSet(nickOption) && !Nickname::isValid(parser.value(nickOption))) {
        std::fputs(qPrintable(tr("A nickname has 1 to %1 characters, without spaces, < > or *.\n")
                                  .arg(Nickname::MaxLength)),
            stderr);
        return 2;
    }

    QApplication app(argc, argv);
    Translations::install(app);
    QApplication::setApplicationDisplayName(QStringLiteral("SecureChat"));
    QApplication::setDesktopFileName(QStringLiteral("securechat"));
    parser.process(app);

    MainWindow window { AppPaths(parser.value(configOption)) };
    if (parser.isSet(nickOption))
        window.settings().setValue(SettingsDialog::nicknameKey, parser.value(nickOption));
    window.show();

    Status opened = succeeded();
    if (parser.isSet(hostOption))
        opened = hostOnPort(window, parser.value(hostOption));
    if (opened && parser.isSet(connectOption))
        opened = connectTo(window, parser.value(connectOption));
    if (!opened) {
        std::fputs(qPrintable(opened.error() + u'\n'), stderr);
        auto* box = new QMessageBox(
            QMessageBox::Warning, QStringLiteral("SecureChat"), opened.error(), QMessageBox::Ok, &window);
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    return app.exec();
}
