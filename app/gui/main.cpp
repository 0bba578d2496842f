// SPDX-License-Identifier: MIT
// securechat: the desktop app. Parses the command line, opens the window, and with --host or
// --connect opens straight into a session.
#include "base/apppaths.h"
#include "base/translations.h"
#include "focusring.h"
#include "hostdialog.h"
#include "hostedsession.h"
#include "lineiconstyle.h"
#include "mainwindow.h"
#include "nickname.h"
#include "nicknameprompt.h"
#include "protocol/nicknamerule.h"
#include "screenfit.h"
#include "sessiontab.h"
#include "tls/versioninfo.h"
#include "trust/identitystore.h"
#include "verification/invitelink.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

#include <cstdio>

using namespace securechat;

namespace {

/// The translation context of this file: lupdate gives no context to a plain Tr::tr() outside a class.
struct Tr final {
    Q_DECLARE_TR_FUNCTIONS(securechat::gui)
};

Result<Identity> storedIdentity(const AppPaths& paths, const QString& nick)
{
    return IdentityStore(paths.identityDirectory()).loadOrCreate(nick);
}

// --host PORT: all addresses, the stored identity, the preferred nickname, who may join as last
// chosen in the Host dialog.
Status hostOnPort(MainWindow& window, const QString& portText)
{
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535)
        return Status::failure(
            Tr::tr("--host wants a port number (0 to 65535; 0 picks a free one), not “%1”.").arg(portText));
    HostOptions options;
    options.port = static_cast<quint16>(port);
    options.nick = Nickname::preferred(window.settings());
    options.admission = HostDialog::rememberedAdmission(window.settings());
    auto identity = storedIdentity(window.paths(), options.nick);
    if (!identity)
        return Status::failure(identity.error());
    options.identity = std::move(identity).value();
    // For scripts that start a host on port 0 and need to know where to connect.
    QObject::connect(
        &window, &MainWindow::hostingStarted, &window,
        [](SessionTab* tab) {
            const auto& session = static_cast<const HostedSession&>(tab->session());
            std::fputs(qPrintable(QStringLiteral("listening on %1, fingerprint SHA256:%2\n")
                                      .arg(session.listeningOn(), session.fingerprint())),
                stdout);
            std::fflush(stdout);
        },
        Qt::SingleShotConnection);
    QObject::connect(
        &window, &MainWindow::hostingFailed, &window,
        [](const QString& reason) { std::fputs(qPrintable(reason + u'\n'), stderr); },
        Qt::SingleShotConnection);
    window.startHosting(std::move(options)); // after its TLS self-check, which says what failed
    return succeeded();
}

// Connects with the preferred nickname and the stored identity as client certificate.
Status connectAsThisPerson(MainWindow& window, ClientOptions options)
{
    options.nick = Nickname::preferred(window.settings());
    auto identity = storedIdentity(window.paths(), options.nick);
    if (!identity)
        return Status::failure(identity.error());
    options.identity = std::move(identity).value();
    window.connectTo(std::move(options));
    return succeeded();
}

// --connect HOST:PORT.
Status connectTo(MainWindow& window, const QString& hostPort)
{
    const qsizetype colon = hostPort.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? hostPort.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535)
        return Status::failure(
            Tr::tr("--connect wants HOST:PORT, e.g. 127.0.0.1:7447, not “%1”.").arg(hostPort));
    ClientOptions options;
    options.host = hostPort.left(colon).remove(u'[').remove(u']');
    options.port = static_cast<quint16>(port);
    return connectAsThisPerson(window, std::move(options));
}

// securechat://HOST:PORT/?fp=...: exactly the certificate the link names, no question asked.
Status openInvite(MainWindow& window, const QString& link)
{
    auto invite = InviteLink::parse(link);
    if (!invite)
        return Status::failure(invite.error());
    ClientOptions options;
    options.host = invite->host();
    options.port = invite->port();
    options.pin = invite->certificateSha256();
    options.pinFromInvite = true;
    return connectAsThisPerson(window, std::move(options));
}

/// The desktop app's options. Built after the translation is installed, so --help speaks the
/// person's language.
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption help = parser.addHelpOption();
    QCommandLineOption version { QStringLiteral("version"),
        Tr::tr("Show the versions of SecureChat, Qt and the TLS library.") };
    QCommandLineOption host { QStringLiteral("host"),
        Tr::tr("Host a session on PORT at once (0 picks a free port)."), QStringLiteral("PORT") };
    QCommandLineOption connect { QStringLiteral("connect"), Tr::tr("Connect to HOST:PORT at once."),
        QStringLiteral("HOST:PORT") };
    QCommandLineOption nick { QStringLiteral("nick"), Tr::tr("Your nickname (saved in the settings)."),
        QStringLiteral("NAME") };
    QCommandLineOption configDir { QStringLiteral("config-dir"),
        Tr::tr("Keep identity, known peers and settings in DIR instead of the usual places."),
        QStringLiteral("DIR") };

    CommandLine()
    {
        parser.setApplicationDescription(Tr::tr("Private text chat over TLS."));
        parser.addOptions({ version, host, connect, nick, configDir });
        parser.addPositionalArgument(QStringLiteral("link"),
            Tr::tr("An invite link, securechat://HOST:PORT/?fp=SHA256:..., to join at once."),
            QStringLiteral("[securechat://...]"));
    }
};

// --version, --help and a bad --nick are answered without a display, hence before QApplication:
// under a QCoreApplication of their own, which is what the translation needs. -1: go on.
int answerWithoutWindow(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    Translations::install(app);
    CommandLine commandLine;
    static_cast<void>(commandLine.parser.parse(
        QCoreApplication::arguments())); // Qt's own options (-style ...) are not errors yet
    if (commandLine.parser.isSet(commandLine.version)) {
        std::fputs(versionText(QStringLiteral("securechat")).toLocal8Bit().constData(), stdout);
        return 0;
    }
    if (commandLine.parser.isSet(commandLine.help)) {
        const QString program = QFileInfo(QCoreApplication::arguments().constFirst()).fileName();
        std::fputs(commandLine.parser.helpText()
                       .replace(QStringLiteral("<executable_name>"), program)
                       .toLocal8Bit()
                       .constData(),
            stdout);
        return 0;
    }
    if (commandLine.parser.isSet(commandLine.nick)) {
        if (const QString problem = NicknameRule::problem(commandLine.parser.value(commandLine.nick));
            !problem.isEmpty()) {
            std::fputs(qPrintable(problem + u'\n'), stderr);
            return 2;
        }
    }
    return -1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("securechat"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SECURECHAT_VERSION));
    if (const int answered = answerWithoutWindow(argc, argv); answered >= 0)
        return answered;

    QApplication app(argc, argv);
    Translations::install(app);
    QApplication::setStyle(new LineIconStyle(QApplication::style()->name())); // the app takes it
    const FocusRing focusRing;
    const ScreenFit screenFit; // dialogs too, at any scale factor
    QApplication::setApplicationDisplayName(QStringLiteral("SecureChat"));
    QApplication::setDesktopFileName(QStringLiteral("securechat"));
    CommandLine commandLine;
    commandLine.parser.process(app);
    const QCommandLineParser& parser = commandLine.parser;

    MainWindow window { AppPaths(parser.value(commandLine.configDir)) };
    // The window may close into the tray while a dialog stays: the app ends when the window does.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&window, &MainWindow::closed, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    if (parser.isSet(commandLine.nick))
        Nickname::save(window.settings(), parser.value(commandLine.nick));
    window.show();
    NicknamePrompt::askOnFirstStart(window.settings(), &window);

    Status opened = succeeded();
    if (parser.isSet(commandLine.host))
        opened = hostOnPort(window, parser.value(commandLine.host));
    if (opened && parser.isSet(commandLine.connect))
        opened = connectTo(window, parser.value(commandLine.connect));
    for (const QString& link : parser.positionalArguments()) {
        if (opened)
            opened = openInvite(window, link);
    }
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
