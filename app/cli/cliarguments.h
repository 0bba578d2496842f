// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "session/hostoptions.h"
#include "session/sessionlimits.h"
#include "trust/admission.h"

#include <QCommandLineOption>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace securechat::cli {

/// A subcommand and its options: the single definition behind parsing, --help and the man page.
struct CommandSpec final {
    QString name;
    QString synopsis; ///< positional arguments, e.g. "HOST PORT"
    QString summary;
    QList<QCommandLineOption> options;
};

/// Every subcommand of securechat-cli.
QList<CommandSpec> commandSpecs();
QString usageText();
QString commandHelp(const CommandSpec& spec);

inline constexpr quint16 DefaultPort = 7447;

struct CommonArguments {
    QString configDir; ///< empty: the XDG folders
    QString certificateFile;
    QString keyFile;
    QString passphraseFile;
    QString nick;
    bool keepHistory = true; ///< host and connect: store the conversation (--no-history: do not)
};

struct HostArguments : CommonArguments {
    QHostAddress bind = QHostAddress::Any;
    quint16 port = DefaultPort;
    bool requireClientCertificate = false;
    QString caFile;
    QStringList allowedFingerprints;
    Admission admission = Admission::Open; ///< the CLI's default, so that scripts keep working
    bool announce = false; ///< announce the session on the local network (DNS-SD)
    SessionLimits limits;
    std::chrono::seconds rejoinGrace = HostOptions().rejoinGrace;
};

struct ConnectArguments : CommonArguments {
    QString host;
    quint16 port = DefaultPort;
    QString caFile;
    QString pin;
    bool pinFromInvite = false; ///< host, port and pin came from an invite link
    QString invitingNick; ///< the nickname the invite link names, or empty
    QString discoveredName; ///< --discovered: the service name of a session found on the local network
    bool trustNew = false;
};

struct DiscoverArguments {
    int timeoutSeconds = 3;
};

/// The parsed command line: which command, its arguments, and what is left for it.
struct Invocation {
    QString command;
    QStringList positional;
    CommonArguments common; ///< for the commands other than host and connect
    HostArguments host;
    ConnectArguments connect;
    DiscoverArguments discover;
    QString historyFormat = QStringLiteral("text"); ///< history export: text or jsonl
};

/// arguments: the whole argv. Failure: a message for stderr, for exit status 64.
Result<Invocation> parseArguments(const QStringList& arguments);

} // namespace securechat::cli
