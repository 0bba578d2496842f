// SPDX-License-Identifier: MIT
#include "connectcommand.h"

#include "base/apppaths.h"
#include "console.h"
#include "discovery/announcedfingerprint.h"
#include "discovery/sessionbrowser.h"
#include "exitcode.h"
#include "history/conversationkey.h"
#include "historyrecorder.h"
#include "identitysource.h"
#include "protocol/nicknamerule.h"
#include "protocol/textsanitizer.h"
#include "safetynumberline.h"
#include "session/chatclient.h"
#include "session/reconnector.h"
#include "stdinreader.h"
#include "tls/certificatedetails.h"
#include "trust/knownpeers.h"
#include "trust/trustwords.h"

#include <QTimer>

#include <unistd.h>

namespace securechat::cli {

namespace {

    /// How long --discovered waits for the session's announcement.
    constexpr std::chrono::seconds DiscoveryWait { 5 };

} // namespace

ConnectCommand::ConnectCommand(ConnectArguments arguments, QObject* parent)
    : QObject(parent)
    , m_arguments(std::move(arguments))
{
}

ConnectCommand::~ConnectCommand() = default;

int ConnectCommand::start()
{
    if (m_arguments.discoveredName.isEmpty())
        return startConnecting();
    findDiscovered();
    return -1;
}

void ConnectCommand::findDiscovered()
{
    const QString name = m_arguments.discoveredName;
    Console::status(tr("looking for \"%1\" on the local network").arg(name));
    auto* browser = new SessionBrowser(this);
    auto* deadline = new QTimer(this);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, name] {
        Console::error(tr("no session called \"%1\" was found on the local network within %n s; "
                          "securechat-cli discover lists the sessions it finds",
            nullptr, static_cast<int>(DiscoveryWait.count()))
                           .arg(name));
        Q_EMIT finished(ExitNetwork);
    });
    connect(browser, &SessionBrowser::unavailable, this, [this, deadline](const QString& reason) {
        deadline->stop();
        Console::error(reason);
        Q_EMIT finished(ExitNetwork);
    });
    connect(browser, &SessionBrowser::sessionFound, this,
        [this, name, browser, deadline](const DiscoveredSession& session) {
            if (session.serviceName != name || !deadline->isActive())
                return;
            deadline->stop();
            browser->deleteLater();
            m_arguments.host = session.address;
            m_arguments.port = session.port;
            m_announcedFingerprint = session.fingerprint;
            // Anyone can announce anything: this only says where to connect.
            Console::status(
                tr("found \"%1\" at %2:%3, announced by %4; its certificate is checked as any "
                   "other")
                    .arg(TextSanitizer::forDisplay(name), session.address, QString::number(session.port),
                        TextSanitizer::forDisplay(session.nickname)));
            if (!session.hasFingerprint())
                Console::status(AnnouncedFingerprint::check(QString(), QString()).message);
            if (const int failed = startConnecting(); failed >= 0)
                Q_EMIT finished(failed);
        });
    deadline->start(DiscoveryWait);
    browser->start();
}

void ConnectCommand::checkAnnouncement(const QByteArray& presentedSha256)
{
    if (const QString warning = AnnouncedFingerprint::takeWarning(m_announcedFingerprint, presentedSha256);
        !warning.isEmpty())
        Console::status(tr("warning: %1").arg(warning));
}

int ConnectCommand::startConnecting()
{
    ClientOptions options;
    options.host = m_arguments.host;
    options.port = m_arguments.port;
    options.nick = m_arguments.nick.isEmpty() ? NicknameRule::accountNameOr(QStringLiteral("guest"))
                                              : m_arguments.nick;
    if (!m_arguments.caFile.isEmpty()) {
        auto cas = readCertificates(m_arguments.caFile);
        if (!cas) {
            Console::error(cas.error());
            return ExitFailure;
        }
        options.caCertificates = cas.value();
    }
    if (!m_arguments.pin.isEmpty()) {
        const QByteArray pin = CertificateDetails::parseFingerprint(m_arguments.pin);
        if (pin.isEmpty()) {
            Console::error(tr("not a SHA-256 fingerprint: %1").arg(m_arguments.pin));
            return ExitUsage;
        }
        options.pin = pin;
        options.pinFromInvite = m_arguments.pinFromInvite;
    }
    if (m_arguments.pinFromInvite) {
        Console::status(m_arguments.invitingNick.isEmpty()
                ? tr("invite link to %1:%2: only the certificate it names is accepted")
                      .arg(m_arguments.host, QString::number(m_arguments.port))
                : tr("invite link from %1 to %2:%3: only the certificate it names is accepted")
                      .arg(TextSanitizer::forDisplay(m_arguments.invitingNick), m_arguments.host,
                          QString::number(m_arguments.port)));
    }
    auto identity = resolveIdentity(m_arguments, options.nick);
    if (!identity) {
        Console::error(identity.error());
        return ExitFailure;
    }
    options.identity = std::move(identity).value();
    m_ownSha256 = options.identity.certificate().digest(QCryptographicHash::Sha256);
    m_knownPeers = std::make_unique<KnownPeers>(AppPaths(m_arguments.configDir).knownPeersFile());
    if (const Status loaded = m_knownPeers->load(); !loaded) {
        Console::error(loaded.error());
        return ExitFailure;
    }
    for (const QString& warning : m_knownPeers->warnings())
        Console::status(tr("known peers file: %1").arg(warning));
    options.knownPeers = m_knownPeers.get();
    m_endpoint = options.endpoint();
    m_history = std::make_unique<HistoryRecorder>();
    if (m_arguments.keepHistory)
        m_history->open(AppPaths(m_arguments.configDir).historyFile());
    m_history->setConnecting(m_endpoint);

    m_client = new ChatClient(std::move(options), this);
    m_reconnector = new Reconnector(*m_client, this);
    watchClient();
    m_client->connectToHost();
    return -1;
}

void ConnectCommand::watchClient()
{
    connect(m_client, &ChatClient::trustRequired, this, &ConnectCommand::onTrustRequired);
    connect(m_client, &ChatClient::trustRefused, this,
        [this](const TrustAssessment& assessment) { checkAnnouncement(assessment.presentedSha256); });
    connect(m_client, &ChatClient::joined, this, [this] {
        if (const auto chain = m_client->sessionDetails().peerChain; !chain.isEmpty())
            checkAnnouncement(CertificateDetails::parseFingerprint(chain.constFirst().sha256Fingerprint));
        const std::optional<int> withdrawn = m_sameHost.joined(*m_client);
        if (withdrawn)
            Console::status(
                tr("a different certificate answered on %1 (SHA256:%2): this is a new conversation; "
                   "%n unsent message(s) stay for the earlier host",
                    nullptr, *withdrawn)
                    .arg(m_endpoint, CertificateDetails::groupedFingerprint(m_sameHost.lastHost())));
        const bool rejoined = std::exchange(m_joinedBefore, true) && !withdrawn;
        const QString joined
            = rejoined ? tr("reconnected to %1:%2 as %3 (%4)") : tr("joined %1:%2 as %3 (%4)");
        Console::status(joined.arg(m_arguments.host, QString::number(m_arguments.port), m_client->nick(),
            m_client->sessionDetails().summary()));
        openConversation();
    });
    // Queued: after the client has sent what waited for the connection.
    connect(
        m_client, &ChatClient::joined, this,
        [this] {
            if (m_leaveWhenBack)
                m_client->disconnectFromHost();
        },
        Qt::QueuedConnection);
    connect(m_reconnector, &Reconnector::reconnectScheduled, this, [](int seconds, const Disconnect& reason) {
        const QString why = reason.message.isEmpty() ? tr("the connection closed") : reason.message;
        Console::status(tr("connection lost (%1) — reconnecting in %n s", nullptr, seconds).arg(why));
    });
    connect(m_client, &ChatClient::messageAcknowledged, this,
        [this](const QString& id) { m_history->acknowledged(id); });
    // A text-mode host acknowledges nothing: what it was written is as sent as it gets.
    connect(m_client, &ChatClient::messageUnconfirmable, this,
        [this](const QString& id) { m_history->acknowledged(id); });
    connect(m_client, &ChatClient::messageReceived, this, [this](const ChatMessage& message) {
        QString fingerprint;
        for (const Participant& participant : m_client->participants()) {
            if (participant.nick == message.from)
                fingerprint = participant.fingerprint;
        }
        m_history->incoming(message, fingerprint);
        if (m_client->isStructured())
            Console::message(message.from, message.text);
        else
            Console::line(message.text);
    });
    connect(m_client, &ChatClient::participantJoined, this, [](const Participant& participant) {
        Console::notice(
            tr("%1 joined (%2)").arg(participant.nick, TrustWords::participant(participant, Viewer::Joiner)));
    });
    connect(m_client, &ChatClient::participantRejoined, this,
        [](const Participant& participant) { Console::notice(tr("%1 reconnected").arg(participant.nick)); });
    connect(m_client, &ChatClient::participantLeft, this, [](const QString& nick, const QString& reason) {
        Console::notice(reason.isEmpty() ? tr("%1 left").arg(nick) : tr("%1 left (%2)").arg(nick, reason));
    });
    connect(
        m_client, &ChatClient::participantRenamed, this, [](const QString& oldNick, const QString& newNick) {
            Console::notice(tr("%1 is now known as %2").arg(oldNick, newNick));
        });
    // Said, so that a person kept waiting knows why nothing happens (what is typed meanwhile is kept).
    connect(m_client, &ChatClient::waitingForHost, this,
        [](const QString& text) { Console::status(tr("host: %1").arg(text)); });
    connect(m_client, &ChatClient::hostError, this, [this](const QString& code, const QString& text) {
        Console::status(tr("host: %1").arg(text));
        // Held back by the host: say how many of ours are still on their way, so none seems lost.
        if (code == QLatin1String("slow-down"))
            Console::status(
                tr("%n of your messages not delivered yet", nullptr, m_client->unacknowledgedCount()));
    });
    connect(m_reconnector, &Reconnector::ended, this, [this](const Disconnect& reason) {
        if (!reason.isClean())
            Console::error(reason.message);
        else if (!reason.message.isEmpty())
            Console::status(reason.message);
        if (const int kept = m_history->keptWhileConnecting(); kept > 0)
            Console::status(tr("%n message(s) you typed could not be sent; they are kept in the history "
                               "and sent when you next join %1",
                nullptr, kept)
                                .arg(m_endpoint));
        Q_EMIT finished(m_inputError ? m_inputError : exitCodeFor(reason));
    });

    auto* input = new StdinReader(SessionLimits().maxLineBytes, this);
    connect(input, &StdinReader::lineRead, this, &ConnectCommand::onInputLine);
    connect(input, &StdinReader::finished, this, [this](const QString& error) {
        if (!error.isEmpty()) {
            Console::error(error);
            m_inputError = ExitFailure;
        }
        if (!m_reconnector->isReconnecting())
            m_client->disconnectFromHost();
        else if (m_client->unacknowledgedCount() > 0)
            m_leaveWhenBack = true;
        else
            m_reconnector->stop();
    });
}

void ConnectCommand::openConversation()
{
    if (m_sameHost.lastHost().isEmpty())
        return;
    // A rejoin of the same host continues its conversation; another certificate starts its own.
    const QString key = ConversationKey::joined(m_sameHost.lastHost());
    if (key == m_history->conversation())
        return;
    // Typed in an earlier session (or an earlier run that never joined) and never acknowledged:
    // sent again under their own ids, so the host shows each once.
    const QList<HistoryMessage> pending = m_history->setConversation(key, m_endpoint);
    if (!pending.isEmpty())
        Console::status(tr("sending %n message(s) from an earlier session that the host had not confirmed",
            nullptr, static_cast<int>(pending.size())));
    for (const HistoryMessage& message : pending)
        m_client->resendMessage(message.messageId, message.text);
}

void ConnectCommand::onTrustRequired(const TrustAssessment& assessment)
{
    checkAnnouncement(assessment.presentedSha256);
    Console::status(assessment.summary);
    for (const QString& problem : assessment.problems)
        Console::status(QStringLiteral("  - ") + problem);
    const auto chain = m_client->sessionDetails().peerChain;
    if (!chain.isEmpty()) {
        const CertificateDetails& peer = chain.constFirst();
        Console::status(tr("  subject: %1").arg(peer.subject));
        Console::status(tr("  issuer:  %1").arg(peer.issuer));
        Console::status(tr("  valid until %1 (%2 days left)")
                            .arg(peer.notAfter.toString(Qt::ISODate))
                            .arg(peer.daysLeft));
    }
    Console::status(tr("  fingerprint SHA256:%1")
                        .arg(CertificateDetails::groupedFingerprint(
                            CertificateDetails::formatFingerprint(assessment.presentedSha256))));

    if (m_arguments.trustNew) {
        Console::status(tr("trusting it and remembering it (--trust-new)"));
        m_client->answerTrust(ChatClient::TrustAnswer::AlwaysTrust);
    } else if (::isatty(STDIN_FILENO)) {
        Console::status(
            tr("Check the fingerprint with the host's owner. Trust it? [o]nce, [a]lways, [N]o: "));
        m_askingTrust = true;
    } else {
        Console::status(tr("not trusted: check the fingerprint with the host's owner, then run again with "
                           "--pin SHA256:%1 (this time) or --trust-new (and remember it)")
                            .arg(CertificateDetails::formatFingerprint(assessment.presentedSha256)));
        m_client->answerTrust(ChatClient::TrustAnswer::Cancel);
    }
}

void ConnectCommand::onInputLine(const QString& line)
{
    if (!m_askingTrust) {
        if (line.trimmed() == QLatin1String("/verify")) {
            printSafetyNumber();
            return;
        }
        if (line.simplified() == QLatin1String("/verify confirm")) {
            markHostVerified();
            return;
        }
        const QString id = m_client->sendMessage(line);
        // A text-mode host acknowledges nothing: once joined, a written line is as sent as it gets.
        const bool awaiting = m_client->state() != ChatClient::State::Joined || m_client->isStructured();
        m_history->outgoing(id, m_client->nick(), line, awaiting);
        return;
    }
    m_askingTrust = false;
    const QString answer = line.trimmed().toLower();
    if (answer == QStringLiteral("o") || answer == QStringLiteral("once"))
        m_client->answerTrust(ChatClient::TrustAnswer::TrustOnce);
    else if (answer == QStringLiteral("a") || answer == QStringLiteral("always"))
        m_client->answerTrust(ChatClient::TrustAnswer::AlwaysTrust);
    else
        m_client->answerTrust(ChatClient::TrustAnswer::Cancel);
}

void ConnectCommand::printSafetyNumber()
{
    const auto chain = m_client->sessionDetails().peerChain;
    if (m_client->state() != ChatClient::State::Joined || chain.isEmpty()) {
        Console::error(tr("/verify needs a joined session"));
        return;
    }
    Console::status(safetyNumberLine(tr("the host"),
        CertificateDetails::parseFingerprint(chain.constFirst().sha256Fingerprint), m_ownSha256));
    Console::status(
        tr("if the host's person reads the same number, type /verify confirm to remember the host "
           "as verified"));
}

void ConnectCommand::markHostVerified()
{
    if (const Status marked = m_client->markHostVerified(); !marked) {
        Console::error(marked.error());
        return;
    }
    Console::status(
        tr("you verified the host with the safety number; a changed certificate will be refused"));
}

} // namespace securechat::cli
