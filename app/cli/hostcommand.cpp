// SPDX-License-Identifier: MIT
#include "hostcommand.h"

#include "base/apppaths.h"
#include "console.h"
#include "discovery/sessionannouncer.h"
#include "exitcode.h"
#include "history/conversationkey.h"
#include "historyrecorder.h"
#include "hostcommands.h"
#include "identitysource.h"
#include "protocol/protocol.h"
#include "session/chathost.h"
#include "session/tlsselfcheck.h"
#include "signalwatcher.h"
#include "stdinreader.h"
#include "tls/certificatedetails.h"
#include "tls/endpoint.h"
#include "trust/knownclients.h"
#include "trust/trustwords.h"

#include <unistd.h>

namespace securechat::cli {

HostCommand::HostCommand(HostArguments arguments, QObject* parent)
    : QObject(parent)
    , m_arguments(std::move(arguments))
{
}

HostCommand::~HostCommand() = default;

int HostCommand::start()
{
    if (m_arguments.admission == Admission::Ask && !::isatty(STDIN_FILENO)) {
        Console::error(
            tr("--admit ask asks you on the terminal, and stdin is not one: use --admit known or open"));
        return ExitUsage;
    }
    HostOptions options;
    options.admission = m_arguments.admission;
    options.knownClientsFile = AppPaths(m_arguments.configDir).knownClientsFile();
    options.address = m_arguments.bind;
    options.port = m_arguments.port;
    options.limits = m_arguments.limits;
    options.rejoinGrace = m_arguments.rejoinGrace;
    if (!m_arguments.nick.isEmpty())
        options.nick = m_arguments.nick;
    auto identity = resolveIdentity(m_arguments, options.nick);
    if (!identity) {
        Console::error(identity.error());
        return ExitFailure;
    }
    options.identity = std::move(identity).value();
    options.requireClientCertificates = m_arguments.requireClientCertificate;
    if (!m_arguments.caFile.isEmpty()) {
        auto cas = readCertificates(m_arguments.caFile);
        if (!cas) {
            Console::error(cas.error());
            return ExitFailure;
        }
        options.clientCaCertificates = cas.value();
    }
    for (const QString& text : std::as_const(m_arguments.allowedFingerprints)) {
        const QByteArray digest = CertificateDetails::parseFingerprint(text);
        if (digest.isEmpty()) {
            Console::error(tr("not a SHA-256 fingerprint: %1").arg(text));
            return ExitUsage;
        }
        options.allowedClientFingerprints << digest;
    }

    auto* check = new TlsSelfCheck(options.identity, this);
    connect(check, &TlsSelfCheck::finished, this, [this, check, options](bool passed, const QString& detail) {
        check->deleteLater();
        if (!passed) {
            Console::error(detail);
            Q_EMIT finished(ExitTlsOrTrust);
            return;
        }
        startHost(options);
    });
    check->start();
    return -1;
}

void HostCommand::startHost(const HostOptions& options)
{
    m_host = new ChatHost(options, this);
    if (const Status started = m_host->start(); !started) {
        Console::error(started.error());
        Q_EMIT finished(ExitNetwork);
        return;
    }
    m_history = std::make_unique<HistoryRecorder>();
    if (m_arguments.keepHistory) {
        m_history->open(AppPaths(m_arguments.configDir).historyFile());
        m_history->setConversation(
            ConversationKey::hosted(m_host->fingerprint()), tr("Hosting on port %1").arg(m_host->port()));
    }
    watchHost();
    Console::status(tr("listening on %1").arg(describeEndpoint(m_host->address(), m_host->port())));
    Console::status(
        tr("fingerprint SHA256:%1").arg(CertificateDetails::groupedFingerprint(m_host->fingerprint())));
    switch (options.admission) {
    case Admission::Open:
        Console::status(tr("open session: anyone who can reach this port can join"));
        break;
    case Admission::Known:
        Console::status(tr("only participants you know can join"));
        break;
    case Admission::Ask:
        Console::status(tr("you will be asked about anyone you do not know yet"));
        break;
    }
    if (m_arguments.announce)
        announce(options);
}

void HostCommand::announce(const HostOptions& options)
{
    // Lives as long as the host: the session is withdrawn from the network when the command ends.
    auto* announcer = new SessionAnnouncer(this);
    connect(announcer, &SessionAnnouncer::announced, this, [](const QString& serviceName) {
        Console::status(tr("announced on the local network as \"%1\"").arg(serviceName));
    });
    connect(announcer, &SessionAnnouncer::unavailable, this,
        [](const QString& reason) { Console::status(reason); });
    connect(
        announcer, &SessionAnnouncer::failed, this, [](const QString& reason) { Console::error(reason); });
    const Status started = announcer->start(
        { options.nick, m_host->port(), QString::number(Protocol::Version), m_host->fingerprint(), {} });
    if (!started)
        Console::error(started.error());
}

void HostCommand::watchHost()
{
    connect(m_host, &ChatHost::messageReceived, this, [this](const ChatMessage& message) {
        Console::message(message.from, message.text);
        QString fingerprint;
        for (const Participant& participant : m_host->participants()) {
            if (participant.nick == message.from)
                fingerprint = participant.fingerprint;
        }
        m_history->incoming(message, fingerprint);
    });
    connect(m_host, &ChatHost::participantJoined, this, [this](const Participant& participant) {
        const QString trust = TrustWords::participant(participant, Viewer::Host);
        Console::notice(participant.fingerprint.isEmpty()
                ? tr("%1 joined (%2)").arg(participant.nick, trust)
                : tr("%1 joined (%2, SHA256:%3)")
                      .arg(participant.nick, trust,
                          CertificateDetails::groupedFingerprint(participant.fingerprint)));
        KnownClients known(AppPaths(m_arguments.configDir).knownClientsFile());
        const auto other = known.load() ? known.admittedUnderNickWithOtherCertificate(participant.nick,
                               CertificateDetails::parseFingerprint(participant.fingerprint))
                                        : std::nullopt;
        if (!other)
            return;
        Console::status(other->verdict == KnownClient::Verdict::Verified
                ? tr(
                    "warning: %1 joined with another certificate than the %1 you verified: it may be someone "
                    "else using the name; compare the safety number (/verify %1) before trusting them")
                      .arg(participant.nick)
                : tr("warning: %1 joined with another certificate than the %1 you always admit: it may be "
                     "someone else using the name")
                      .arg(participant.nick));
    });
    connect(m_host, &ChatHost::participantRejoined, this,
        [](const Participant& participant) { Console::notice(tr("%1 reconnected").arg(participant.nick)); });
    connect(m_host, &ChatHost::participantLeft, this, [](const QString& nick, const QString& reason) {
        Console::notice(reason.isEmpty() ? tr("%1 left").arg(nick) : tr("%1 left (%2)").arg(nick, reason));
    });
    connect(m_host, &ChatHost::participantRenamed, this, [](const QString& oldNick, const QString& newNick) {
        Console::notice(tr("%1 is now known as %2").arg(oldNick, newNick));
    });
    connect(m_host, &ChatHost::peerRejected, this, [](const QString& who, const QString& reason) {
        Console::status(tr("dropped %1: %2").arg(who, reason));
    });
    connect(m_host, &ChatHost::joinRequested, this, [](const JoinRequest& request) {
        const QString identity = request.fingerprint.isEmpty()
            ? request.check
            : QStringLiteral("SHA256:%1, %2")
                  .arg(CertificateDetails::groupedFingerprint(request.fingerprint), request.check);
        Console::status(
            tr("request %1: %2 wants to join from %3 (%4); %5")
                .arg(request.id)
                .arg(request.nick, request.endpoint, identity, HostCommands::howToAnswer(request.id)));
    });
    connect(m_host, &ChatHost::stopped, this, [this] { Q_EMIT finished(ExitOk); });

    auto* input = new StdinReader(SessionLimits().maxLineBytes, this);
    connect(input, &StdinReader::lineRead, m_host, [this](const QString& line) {
        if (HostCommands(*m_host).run(line))
            return;
        const ChatMessage sent = m_host->sendMessage(line);
        m_history->outgoing(sent.id, sent.from, sent.text, false); // the host's own: in the order at once
    });
    connect(input, &StdinReader::finished, this, [](const QString& error) {
        if (!error.isEmpty())
            Console::error(error);
    });
    auto* terminationSignals = new SignalWatcher(this);
    connect(terminationSignals, &SignalWatcher::terminationRequested, this, [this] {
        Console::status(tr("closing the session"));
        m_host->stop();
    });
}

} // namespace securechat::cli
