// SPDX-License-Identifier: MIT
#include "cliarguments.h"

#include "protocol/nicknamerule.h"
#include "tr.h"
#include "verification/invitelink.h"

#include <QCommandLineParser>

namespace securechat::cli {

namespace {

    QCommandLineOption option(const QString& name, const QString& description, const QString& valueName = {})
    {
        return QCommandLineOption(name, description, valueName);
    }

    QList<QCommandLineOption> identityFileOptions()
    {
        return {
            option(QStringLiteral("cert"),
                Tr::tr("Certificate (PEM, leaf first, may hold the chain) to use instead of the stored "
                       "identity."),
                QStringLiteral("FILE")),
            option(QStringLiteral("key"), Tr::tr("Private key (PEM) for --cert."), QStringLiteral("FILE")),
            option(QStringLiteral("passphrase-file"),
                Tr::tr("File whose first line is the passphrase of an encrypted key or PKCS#12 file."),
                QStringLiteral("FILE")),
        };
    }

    QCommandLineOption configDirOption()
    {
        return option(QStringLiteral("config-dir"),
            Tr::tr("Keep identity, known peers and settings in DIR instead of the XDG folders."),
            QStringLiteral("DIR"));
    }

    QCommandLineOption noHistoryOption()
    {
        return option(QStringLiteral("no-history"),
            Tr::tr(
                "Keep no history of this session, not even your messages the host has not confirmed yet."));
    }

    QCommandLineOption nickOption()
    {
        return option(
            QStringLiteral("nick"), Tr::tr("Your nickname in the session."), QStringLiteral("NAME"));
    }

    /// A session limit (docs/security.md "Limits") as a host option: a whole number in a unit a person
    /// thinks in, within bounds that keep the host usable.
    struct LimitOption {
        const char* name;
        const char* description; // %1: the default
        qint64 minimum;
        qint64 maximum;
        qint64 (*get)(const SessionLimits&);
        void (*set)(SessionLimits&, qint64);
    };

    using std::chrono::milliseconds;
    using std::chrono::seconds;

    // clang-format off
constexpr LimitOption LimitOptions[] = {
    { "max-peers", QT_TRANSLATE_NOOP("securechat::cli", "Most participants at once besides you; more are refused with a reason (default: %1)."), 1, 100'000,
        [](const SessionLimits& l) -> qint64 { return l.maxPeers; },
        [](SessionLimits& l, qint64 v) { l.maxPeers = static_cast<int>(v); } },
    { "max-line-kib", QT_TRANSLATE_NOOP("securechat::cli", "Longest line or frame a peer may send, in KiB; a longer one disconnects it (default: %1)."), 1, 16 * 1024,
        [](const SessionLimits& l) -> qint64 { return l.maxLineBytes / 1024; },
        [](SessionLimits& l, qint64 v) { l.maxLineBytes = v * 1024; } },
    { "max-queue-kib", QT_TRANSLATE_NOOP("securechat::cli", "Most KiB waiting to be sent to one peer, a hard cap: past it the peer is disconnected (default: %1). Senders are slowed down long before, at a quarter of the default."), 64, 1024 * 1024,
        [](const SessionLimits& l) -> qint64 { return l.maxOutboundBytes / 1024; },
        [](SessionLimits& l, qint64 v) { l.maxOutboundBytes = v * 1024; } },
    { "handshake-timeout", QT_TRANSLATE_NOOP("securechat::cli", "Seconds a TLS handshake may take before the connection is dropped (default: %1)."), 1, 600,
        [](const SessionLimits& l) -> qint64 { return std::chrono::duration_cast<seconds>(l.handshakeTimeout).count(); },
        [](SessionLimits& l, qint64 v) { l.handshakeTimeout = seconds(v); } },
    { "max-handshakes-per-address", QT_TRANSLATE_NOOP("securechat::cli", "TLS handshakes one address may have in progress; further ones are refused (default: %1)."), 1, 10'000,
        [](const SessionLimits& l) -> qint64 { return l.maxHandshakesPerAddress; },
        [](SessionLimits& l, qint64 v) { l.maxHandshakesPerAddress = static_cast<int>(v); } },
    { "stall-timeout", QT_TRANSLATE_NOOP("securechat::cli", "Seconds a peer that holds back the session (its queue is full) may take nothing before it is disconnected (default: %1)."), 1, 3600,
        [](const SessionLimits& l) -> qint64 { return std::chrono::duration_cast<seconds>(l.stallTimeout).count(); },
        [](SessionLimits& l, qint64 v) { l.stallTimeout = seconds(v); } },
    { "max-rate-lines", QT_TRANSLATE_NOOP("securechat::cli", "Lines per second one participant may send, sustained; faster is slowed down, not disconnected (default: %1)."), 1, 1'000'000,
        [](const SessionLimits& l) -> qint64 { return l.maxLinesPerSecond; },
        [](SessionLimits& l, qint64 v) { l.maxLinesPerSecond = static_cast<int>(v); } },
    { "max-rate-kib", QT_TRANSLATE_NOOP("securechat::cli", "KiB of text per second one participant may send, sustained; faster is slowed down, not disconnected (default: %1)."), 1, 1024 * 1024,
        [](const SessionLimits& l) -> qint64 { return l.maxBytesPerSecond / 1024; },
        [](SessionLimits& l, qint64 v) { l.maxBytesPerSecond = v * 1024; } },
    { "idle-ping", QT_TRANSLATE_NOOP("securechat::cli", "Seconds of silence after which a peer is pinged; one that does not answer is dropped (default: %1)."), 5, 24 * 3600,
        [](const SessionLimits& l) -> qint64 { return std::chrono::duration_cast<seconds>(l.idleBeforePing).count(); },
        [](SessionLimits& l, qint64 v) { l.idleBeforePing = seconds(v); } },
};
    // clang-format on

    QList<QCommandLineOption> limitOptions()
    {
        const SessionLimits defaults;
        QList<QCommandLineOption> options;
        for (const LimitOption& limit : LimitOptions) {
            options << option(QString::fromLatin1(limit.name),
                Tr::tr(limit.description).arg(limit.get(defaults)), QStringLiteral("N"));
        }
        return options;
    }

    Status readLimits(const QCommandLineParser& parser, SessionLimits& limits)
    {
        for (const LimitOption& limit : LimitOptions) {
            const QString name = QString::fromLatin1(limit.name);
            if (!parser.isSet(name))
                continue;
            bool ok = false;
            const qint64 value = parser.value(name).toLongLong(&ok);
            if (!ok || value < limit.minimum || value > limit.maximum) {
                return Status::failure(Tr::tr("--%1 takes a whole number from %2 to %3, not %4")
                                           .arg(name)
                                           .arg(limit.minimum)
                                           .arg(limit.maximum)
                                           .arg(parser.value(name)));
            }
            limit.set(limits, value);
        }
        return succeeded();
    }

    Result<quint16> parsePort(const QString& text)
    {
        bool ok = false;
        const uint port = text.toUInt(&ok);
        if (!ok || port > 65535)
            return Result<quint16>::failure(Tr::tr("not a port number: %1 (0 to 65535)").arg(text));
        return Result<quint16>::success(static_cast<quint16>(port));
    }

    // The value of an option the command line gave, else empty. Not every command has every
    // common option, and QCommandLineParser warns about a value asked of an option it lacks.
    QString given(const QCommandLineParser& parser, const QString& name)
    {
        return parser.optionNames().contains(name) ? parser.value(name) : QString();
    }

    Status readCommon(const QCommandLineParser& parser, CommonArguments& common)
    {
        common.configDir = given(parser, QStringLiteral("config-dir"));
        common.nick = given(parser, QStringLiteral("nick"));
        common.certificateFile = given(parser, QStringLiteral("cert"));
        common.keyFile = given(parser, QStringLiteral("key"));
        common.passphraseFile = given(parser, QStringLiteral("passphrase-file"));
        // The rule the host and the desktop app apply: refused here, not renamed "guest" there.
        if (parser.optionNames().contains(QStringLiteral("nick"))) {
            if (const QString problem = NicknameRule::problem(common.nick); !problem.isEmpty())
                return Status::failure(problem);
        }
        return succeeded();
    }

    Status checkCertificatePair(const CommonArguments& common)
    {
        if (common.certificateFile.isEmpty() != common.keyFile.isEmpty()
            && !common.certificateFile.endsWith(QStringLiteral(".p12"))
            && !common.certificateFile.endsWith(QStringLiteral(".pfx")))
            return Status::failure(Tr::tr("--cert and --key go together (a .p12 file needs no --key)"));
        return succeeded();
    }

    Status readHost(const QCommandLineParser& parser, HostArguments& host)
    {
        if (const Status common = readCommon(parser, host); !common)
            return common;
        host.keepHistory = !parser.isSet(QStringLiteral("no-history"));
        if (parser.isSet(QStringLiteral("bind"))
            && !host.bind.setAddress(parser.value(QStringLiteral("bind"))))
            return Status::failure(Tr::tr("not an IP address: %1").arg(parser.value(QStringLiteral("bind"))));
        if (parser.isSet(QStringLiteral("port"))) {
            const auto port = parsePort(parser.value(QStringLiteral("port")));
            if (!port)
                return Status::failure(port.error());
            host.port = port.value();
        }
        host.requireClientCertificate = parser.isSet(QStringLiteral("require-client-cert"));
        host.caFile = parser.value(QStringLiteral("ca"));
        host.allowedFingerprints = parser.values(QStringLiteral("allow"));
        if (host.requireClientCertificate && host.caFile.isEmpty() && host.allowedFingerprints.isEmpty())
            return Status::failure(Tr::tr("--require-client-cert needs --ca FILE or --allow FINGERPRINT"));
        if (!host.requireClientCertificate && (!host.caFile.isEmpty() || !host.allowedFingerprints.isEmpty()))
            return Status::failure(Tr::tr("--ca and --allow only apply with --require-client-cert"));
        if (parser.isSet(QStringLiteral("admit"))) {
            const QString mode = parser.value(QStringLiteral("admit"));
            if (mode == QLatin1String("open"))
                host.admission = Admission::Open;
            else if (mode == QLatin1String("known"))
                host.admission = Admission::Known;
            else if (mode == QLatin1String("ask"))
                host.admission = Admission::Ask;
            else
                return Status::failure(Tr::tr("--admit is open, known or ask, not %1").arg(mode));
        }
        host.announce = parser.isSet(QStringLiteral("announce"));
        if (const Status limits = readLimits(parser, host.limits); !limits)
            return limits;
        if (parser.isSet(QStringLiteral("rejoin-grace"))) {
            bool ok = false;
            const qint64 grace = parser.value(QStringLiteral("rejoin-grace")).toLongLong(&ok);
            if (!ok || grace < 0 || grace > 24 * 3600)
                return Status::failure(Tr::tr("--rejoin-grace takes a whole number from 0 to 86400, not %1")
                                           .arg(parser.value(QStringLiteral("rejoin-grace"))));
            host.rejoinGrace = std::chrono::seconds(grace);
        }
        return checkCertificatePair(host);
    }

    Status readConnect(const QCommandLineParser& parser, ConnectArguments& connect)
    {
        if (const Status common = readCommon(parser, connect); !common)
            return common;
        connect.keepHistory = !parser.isSet(QStringLiteral("no-history"));
        const QStringList positional = parser.positionalArguments();
        connect.caFile = parser.value(QStringLiteral("ca"));
        connect.pin = parser.value(QStringLiteral("pin"));
        connect.trustNew = parser.isSet(QStringLiteral("trust-new"));
        if (parser.isSet(QStringLiteral("discovered"))) {
            if (!positional.isEmpty())
                return Status::failure(
                    Tr::tr("--discovered names the session to join: leave out HOST PORT and invite links"));
            connect.discoveredName = parser.value(QStringLiteral("discovered"));
            return checkCertificatePair(connect);
        }
        if (positional.size() == 1) {
            if (!connect.pin.isEmpty())
                return Status::failure(
                    Tr::tr("an invite link names the certificate to accept: leave out --pin"));
            const auto invite = InviteLink::parse(positional.at(0));
            if (!invite)
                return Status::failure(invite.error());
            connect.host = invite->host();
            connect.port = invite->port();
            connect.pin
                = QStringLiteral("SHA256:") + QString::fromLatin1(invite->certificateSha256().toHex());
            connect.pinFromInvite = true;
            connect.invitingNick = invite->nickname();
            return checkCertificatePair(connect);
        }
        if (positional.size() != 2)
            return Status::failure(
                Tr::tr("connect needs HOST and PORT, an invite link, or --discovered NAME"));
        connect.host = positional.at(0);
        const auto port = parsePort(positional.at(1));
        if (!port || port.value() == 0)
            return Status::failure(port ? Tr::tr("port 0 is not a port one can connect to") : port.error());
        connect.port = port.value();
        return checkCertificatePair(connect);
    }

    Status readDiscover(const QCommandLineParser& parser, DiscoverArguments& discover)
    {
        if (!parser.positionalArguments().isEmpty())
            return Status::failure(Tr::tr("discover takes no arguments besides options"));
        if (!parser.isSet(QStringLiteral("timeout")))
            return succeeded();
        bool ok = false;
        discover.timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || discover.timeoutSeconds < 1 || discover.timeoutSeconds > 3600)
            return Status::failure(Tr::tr("--timeout takes a whole number of seconds from 1 to 3600, not %1")
                                       .arg(parser.value(QStringLiteral("timeout"))));
        return succeeded();
    }

} // namespace

QList<CommandSpec> commandSpecs()
{
    QList<QCommandLineOption> hostOptions {
        option(QStringLiteral("bind"),
            Tr::tr("Address to listen on (default: all addresses, IPv4 and IPv6)."), QStringLiteral("ADDR")),
        option(QStringLiteral("port"), Tr::tr("Port to listen on; 0 picks a free one (default: 7447)."),
            QStringLiteral("N")),
        nickOption(),
        option(QStringLiteral("admit"),
            Tr::tr("Who may join: open (anyone who can reach the port; the default), known (only clients you "
                   "chose to always admit, and --allow/--ca ones) or ask (you are asked about everyone else; "
                   "needs a terminal)."),
            QStringLiteral("MODE")),
        option(QStringLiteral("announce"),
            Tr::tr("Announce the session on the local network (DNS-SD through avahi-daemon), with your "
                   "nickname and certificate fingerprint, so that others find it with discover.")),
        option(QStringLiteral("require-client-cert"),
            Tr::tr("Admit only peers with an accepted client certificate (mutual TLS).")),
        option(QStringLiteral("ca"),
            Tr::tr("With --require-client-cert: accept client certificates issued by this CA (PEM)."),
            QStringLiteral("FILE")),
        option(QStringLiteral("allow"),
            Tr::tr("With --require-client-cert: accept the client certificate with this SHA-256 fingerprint. "
                   "Repeatable."),
            QStringLiteral("FINGERPRINT")),
        option(QStringLiteral("rejoin-grace"),
            Tr::tr("Seconds a participant whose connection was lost keeps its name, for its certificate, so "
                   "that it comes back as itself; 0: not kept (default: %1).")
                .arg(HostOptions().rejoinGrace.count()),
            QStringLiteral("S")),
    };
    hostOptions << limitOptions() << identityFileOptions() << configDirOption() << noHistoryOption();

    QList<QCommandLineOption> connectOptions {
        option(QStringLiteral("ca"),
            Tr::tr("Verify the host with this CA certificate (PEM) instead of the system's CAs."),
            QStringLiteral("FILE")),
        option(QStringLiteral("pin"),
            Tr::tr("Accept exactly the host certificate with this SHA-256 fingerprint."),
            QStringLiteral("FINGERPRINT")),
        option(QStringLiteral("trust-new"),
            Tr::tr("Trust and remember a host never seen before without asking. A changed certificate is "
                   "still refused.")),
        option(QStringLiteral("discovered"),
            Tr::tr("Join the session announced on the local network under this service name (the first "
                   "column of discover). Its certificate is checked as any other; if it is not the one "
                   "announced, you are warned."),
            QStringLiteral("NAME")),
        nickOption(),
    };
    connectOptions << identityFileOptions() << configDirOption() << noHistoryOption();

    return {
        { QStringLiteral("host"), QString(),
            Tr::tr("Host a chat session: listen for peers and relay messages among them."), hostOptions },
        { QStringLiteral("connect"),
            QStringLiteral("HOST PORT | securechat://HOST:PORT/?fp=... | --discovered NAME"),
            Tr::tr("Join the chat session at HOST PORT, the one an invite link names (accepting exactly "
                   "the certificate in the link), or one found on the local network. In the session, "
                   "/verify prints the safety number to compare with the host, and /verify confirm "
                   "remembers the host as verified once the numbers match."),
            connectOptions },
        { QStringLiteral("discover"), QString(),
            Tr::tr("List the sessions announced on the local network, one per line: service name, host, "
                   "address:port, nickname and the start of the fingerprint. A hint where to connect, not "
                   "a reason to trust."),
            { option(QStringLiteral("timeout"), Tr::tr("Seconds to listen for announcements (default: 3)."),
                QStringLiteral("S")) } },
        { QStringLiteral("identity"), QStringLiteral("[show | new | import FILE... | export FILE]"),
            Tr::tr("Show, regenerate, import or export your identity (certificate and key)."),
            { nickOption(),
                option(QStringLiteral("passphrase-file"),
                    Tr::tr("Passphrase for an imported encrypted key or PKCS#12 file (first line)."),
                    QStringLiteral("FILE")),
                configDirOption() } },
        { QStringLiteral("peers"), QStringLiteral("[list | forget HOST:PORT | forget SHA256:FINGERPRINT]"),
            Tr::tr("List the hosts you chose to always trust or verified, then the participants your hosted "
                   "sessions always admit, verified or block (lines starting with \"client\"); or forget "
                   "one."),
            { configDirOption() } },
        { QStringLiteral("history"),
            QStringLiteral("[list | search TEXT | export [--format text|jsonl] CONVERSATION]"),
            Tr::tr("List the stored conversations, search every one, or export one (to stdout)."),
            { option(QStringLiteral("format"), Tr::tr("Export as text (the default) or jsonl (JSON lines)."),
                  QStringLiteral("FORMAT")),
                configDirOption() } },
    };
}

QString usageText()
{
    QString text = Tr::tr("Usage: securechat-cli COMMAND [OPTIONS]\n\nPrivate text chat over TLS, without a "
                          "window.\n\nCommands:\n");
    for (const CommandSpec& spec : commandSpecs())
        text += QStringLiteral("  %1 %2\n      %3\n").arg(spec.name, spec.synopsis, spec.summary);
    text += Tr::tr("\nEach line read on stdin is a message; each message received is printed on stdout as\n"
                   "\"<nick> text\", notices as \"* ...\"; status and errors go to stderr.\n\n"
                   "Exit status: 0 done, 1 other failure, 2 TLS or trust failure, 3 network failure,\n"
                   "64 bad usage.\n\n"
                   "securechat-cli COMMAND --help shows the options of a command;\n"
                   "securechat-cli --version shows the versions of SecureChat, Qt and the TLS library.\n");
    return text;
}

QString commandHelp(const CommandSpec& spec)
{
    QString text = Tr::tr("Usage: securechat-cli %1 [OPTIONS] %2\n\n%3\n\nOptions:\n")
                       .arg(spec.name, spec.synopsis, spec.summary);
    for (const QCommandLineOption& option : spec.options) {
        const QString name = QStringLiteral("--") + option.names().constFirst()
            + (option.valueName().isEmpty() ? QString() : u' ' + option.valueName());
        text += QStringLiteral("  %1\n      %2\n").arg(name, option.description());
    }
    return text;
}

Result<Invocation> parseArguments(const QStringList& arguments)
{
    Invocation invocation;
    if (arguments.size() < 2)
        return Result<Invocation>::failure(Tr::tr("no command given; try securechat-cli --help"));
    invocation.command = arguments.at(1);
    const QList<CommandSpec> specs = commandSpecs();
    const auto spec = std::find_if(specs.cbegin(), specs.cend(),
        [&invocation](const CommandSpec& s) { return s.name == invocation.command; });
    if (spec == specs.cend())
        return Result<Invocation>::failure(
            Tr::tr("unknown command: %1; try securechat-cli --help").arg(invocation.command));

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(spec->options);
    QStringList rest = arguments;
    rest.removeAt(1);
    if (!parser.parse(rest))
        return Result<Invocation>::failure(parser.errorText());
    invocation.positional = parser.positionalArguments();

    Status read = succeeded();
    if (invocation.command == QStringLiteral("host")) {
        read = invocation.positional.isEmpty()
            ? readHost(parser, invocation.host)
            : Status::failure(Tr::tr("host takes no arguments besides options"));
    } else if (invocation.command == QStringLiteral("connect")) {
        read = readConnect(parser, invocation.connect);
    } else if (invocation.command == QStringLiteral("discover")) {
        read = readDiscover(parser, invocation.discover);
    } else if (invocation.command == QStringLiteral("history")) {
        invocation.common.configDir = parser.value(QStringLiteral("config-dir"));
        if (parser.isSet(QStringLiteral("format")))
            invocation.historyFormat = parser.value(QStringLiteral("format"));
    } else {
        read = readCommon(parser, invocation.common);
    }
    if (!read)
        return Result<Invocation>::failure(read.error());
    return Result<Invocation>::success(std::move(invocation));
}

} // namespace securechat::cli
