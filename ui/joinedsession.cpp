// SPDX-License-Identifier: MIT
#include "joinedsession.h"

#include "connectionfailure.h"
#include "discovery/announcedfingerprint.h"

namespace securechat {

JoinedSession::JoinedSession(ClientOptions options, std::unique_ptr<KnownPeers> knownPeers, QObject* parent)
    : ChatSession(parent)
    , m_knownPeers(std::move(knownPeers))
{
    createClient(std::move(options));
}

JoinedSession::~JoinedSession() = default;

void JoinedSession::createClient(ClientOptions options)
{
    m_endpoint = options.endpoint();
    m_ownChain = options.identity.chain();
    m_announcedFingerprint = options.announcedFingerprint;
    options.knownPeers = m_knownPeers.get();
    m_options = options;
    m_reconnector.reset(); // refers to the client it replaces
    m_client = std::make_unique<ChatClient>(std::move(options));
    m_reconnector = std::make_unique<Reconnector>(*m_client);
    for (const auto& [id, text] : std::as_const(m_unacknowledged))
        m_client->resendMessage(id, text);
    watchClient();
    watchReconnector();
}

void JoinedSession::start()
{
    m_furthest = ChatClient::State::Idle;
    m_failure.clear();
    m_failureAdvice.clear();
    m_client->connectToHost();
}

void JoinedSession::restart()
{
    restart(m_options);
}

void JoinedSession::restart(ClientOptions options)
{
    if (phase() != Phase::Ended)
        return;
    // Another tab may have remembered this host meanwhile ("Always trust").
    if (m_knownPeers) {
        if (const Status loaded = m_knownPeers->load(); !loaded)
            Q_EMIT notice(tr("Your known peers could not be read: %1").arg(loaded.error()), true);
    }
    m_endReason.clear();
    createClient(std::move(options));
    start();
}

void JoinedSession::answerTrust(ChatClient::TrustAnswer answer)
{
    m_client->answerTrust(answer);
}

void JoinedSession::cancel()
{
    m_client->cancel();
}

void JoinedSession::watchClient()
{
    ChatClient* client = m_client.get();
    connect(client, &ChatClient::stateChanged, this, [this] {
        if (m_client->state() == ChatClient::State::Joined)
            checkSameHost(); // before phaseChanged: the history follows the host from there
        if (m_client->state() != ChatClient::State::Joining)
            m_waitingForHost = false;
        if (m_client->state() != ChatClient::State::Disconnected)
            m_furthest = std::max(m_furthest, m_client->state());
        // Whether a lost connection ends the session or is reconnected is the Reconnector's to say.
        if (m_client->state() == ChatClient::State::Disconnected)
            return;
        Q_EMIT phaseChanged(phase());
        Q_EMIT statusChanged();
    });
    connect(client, &ChatClient::trustRequired, this, [this](const TrustAssessment& assessment) {
        checkAnnouncement(assessment.presentedSha256);
        Q_EMIT trustRequired(assessment);
    });
    connect(client, &ChatClient::trustRefused, this, [this](const TrustAssessment& assessment) {
        checkAnnouncement(assessment.presentedSha256);
        Q_EMIT trustRefused(assessment);
    });
    connect(client, &ChatClient::waitingForHost, this, [this] {
        m_waitingForHost = true;
        Q_EMIT waitingForHost();
        Q_EMIT statusChanged();
    });
    connect(client, &ChatClient::joined, this, [this] {
        if (const auto chain = hostChain(); !chain.isEmpty())
            checkAnnouncement(CertificateDetails::parseFingerprint(chain.constFirst().sha256Fingerprint));
        if (std::exchange(m_joinedBefore, true) && !m_anotherHost)
            Q_EMIT notice(tr("Reconnected to %1 as %2.").arg(m_endpoint, m_client->nick()), false);
        else
            Q_EMIT notice(tr("Joined %1 as %2.").arg(m_endpoint, m_client->nick()), false);
        if (isPlainTlsServer())
            Q_EMIT notice(tr("This is a plain TLS server, not a SecureChat host: messages are sent as text "
                             "lines, and it does not say who else is there."),
                false);
        Q_EMIT rosterChanged();
        Q_EMIT statusChanged();
    });
    connect(client, &ChatClient::messageReceived, this, &ChatSession::messageReceived);
    connect(client, &ChatClient::messageAcknowledged, this, [this](const QString& id) {
        m_unacknowledged.removeIf([&id](const auto& message) { return message.first == id; });
        Q_EMIT messageDelivered(id);
    });
    connect(client, &ChatClient::messageUnconfirmable, this, [this](const QString& id) {
        m_unacknowledged.removeIf([&id](const auto& message) { return message.first == id; });
        Q_EMIT messageUnconfirmable(id);
    });
    connect(client, &ChatClient::participantJoined, this, &ChatSession::participantJoined);
    connect(client, &ChatClient::participantRejoined, this, &ChatSession::participantRejoined);
    connect(client, &ChatClient::participantLeft, this, &ChatSession::participantLeft);
    connect(client, &ChatClient::participantRenamed, this, &ChatSession::participantRenamed);
    connect(client, &ChatClient::rosterChanged, this, &ChatSession::rosterChanged);
    connect(client, &ChatClient::hostVerified, this, [this] {
        Q_EMIT rosterChanged(); // the host's row reads "verified by you" now
        Q_EMIT statusChanged();
    });
    connect(client, &ChatClient::hostError, this, [this](const QString&, const QString& text) {
        Q_EMIT notice(tr("The host reports: %1").arg(text), true);
    });
}

void JoinedSession::watchReconnector()
{
    Reconnector* reconnector = m_reconnector.get();
    connect(
        reconnector, &Reconnector::reconnectScheduled, this, [this](int seconds, const Disconnect& reason) {
            m_endReason = reason.message.isEmpty() ? tr("the connection closed") : reason.message;
            Q_EMIT notice(
                tr("Connection lost: %1. Reconnecting in %n s.", nullptr, seconds).arg(m_endReason), true);
            Q_EMIT phaseChanged(phase());
            Q_EMIT statusChanged();
            Q_EMIT reconnectCountdown(seconds);
        });
    connect(reconnector, &Reconnector::countdown, this, &JoinedSession::reconnectCountdown);
    connect(reconnector, &Reconnector::reconnected, this, [this] {
        Q_EMIT phaseChanged(phase());
        Q_EMIT statusChanged();
    });
    connect(reconnector, &Reconnector::ended, this, [this](const Disconnect& reason) {
        m_endReason = reason.message.isEmpty() ? tr("the session ended") : reason.message;
        if (m_furthest < ChatClient::State::Joined) {
            m_failure = ConnectionFailure::describe(reason, m_furthest, m_options.host, m_endpoint);
            m_failureAdvice = ConnectionFailure::advice(reason, m_furthest);
        }
        Q_EMIT notice(
            m_failure.isEmpty() ? tr("Disconnected: %1").arg(m_endReason) : m_failure, !reason.isClean());
        Q_EMIT phaseChanged(phase());
        Q_EMIT statusChanged();
        Q_EMIT ended(m_endReason);
    });
}

void JoinedSession::checkAnnouncement(const QByteArray& presentedSha256)
{
    if (const QString warning = AnnouncedFingerprint::takeWarning(m_announcedFingerprint, presentedSha256);
        !warning.isEmpty())
        Q_EMIT notice(warning, true);
}

void JoinedSession::checkSameHost()
{
    // Written to the earlier host, not to this one: it stays pending in that conversation.
    m_anotherHost = m_sameHost.joined(*m_client).has_value();
    if (!m_anotherHost)
        return;
    m_unacknowledged.clear();
    Q_EMIT notice(tr("A different certificate answered on %1: this is a new conversation. The messages "
                     "above were with the earlier host; what it never received is not sent to this one.")
                      .arg(m_endpoint),
        true);
}

QList<CertificateDetails> JoinedSession::hostChain() const
{
    return m_client->sessionDetails().peerChain;
}

QString JoinedSession::ownNick() const
{
    return m_client->nick();
}

QList<Participant> JoinedSession::participants() const
{
    return m_client->participants();
}

ChatSession::Phase JoinedSession::phase() const
{
    const ChatClient::State state = m_client->state();
    if (m_reconnector->isReconnecting() && state != ChatClient::State::AwaitingTrust
        && state != ChatClient::State::Joined)
        return Phase::Reconnecting;
    switch (m_client->state()) {
    case ChatClient::State::Idle:
    case ChatClient::State::Resolving:
    case ChatClient::State::Connecting:
    case ChatClient::State::Securing:
        return Phase::Connecting;
    case ChatClient::State::AwaitingTrust:
        return Phase::AwaitingTrust;
    case ChatClient::State::Joining:
        return Phase::Joining;
    case ChatClient::State::Joined:
    case ChatClient::State::Closing:
        return Phase::Active;
    case ChatClient::State::Disconnected:
        return Phase::Ended;
    }
    return Phase::Ended;
}

ChatSession::Security JoinedSession::security() const
{
    switch (phase()) {
    case Phase::Connecting:
    case Phase::AwaitingTrust:
    case Phase::Joining:
    case Phase::Reconnecting:
        return Security::Pending;
    case Phase::Active:
        // A CA, a pin or the person's own decision: each is how this person chose to trust the host.
        return Security::Verified;
    case Phase::Ended:
        return Security::Insecure;
    }
    return Security::Insecure;
}

QString JoinedSession::summary() const
{
    switch (phase()) {
    case Phase::Connecting:
        return connectingSummary();
    case Phase::AwaitingTrust:
        return tr("Waiting for your decision about the certificate of %1").arg(m_endpoint);
    case Phase::Joining:
        return m_waitingForHost ? tr("Waiting for the host to let you in")
                                : tr("Joining %1…").arg(m_endpoint);
    case Phase::Active:
        return isPlainTlsServer() ? m_client->sessionDetails().summary() + QStringLiteral(" · ")
                + tr("plain TLS server, text lines")
                                  : m_client->sessionDetails().summary();
    case Phase::Reconnecting: {
        const int seconds = m_reconnector->secondsLeft();
        return seconds > 0 ? tr("Connection lost — reconnecting in %n s", nullptr, seconds)
                           : tr("Connection lost — reconnecting now…");
    }
    case Phase::Ended:
        if (wasCancelled())
            return tr("Cancelled");
        if (!m_failure.isEmpty())
            return m_failure;
        return m_endReason.isEmpty() ? tr("Not connected") : tr("Not connected: %1").arg(m_endReason);
    }
    return {};
}

QString JoinedSession::connectingSummary() const
{
    switch (m_client->state()) {
    case ChatClient::State::Resolving:
        return tr("Looking up %1…").arg(m_endpoint);
    case ChatClient::State::Securing:
        return tr("Securing the connection to %1 (TLS handshake)…").arg(m_endpoint);
    default:
        return tr("Connecting to %1…").arg(m_endpoint);
    }
}

QList<CertificateDetails> JoinedSession::certificateChain(const QString& nick) const
{
    QList<CertificateDetails> own;
    if (!nick.isEmpty() && nick == ownNick()) {
        for (const QSslCertificate& certificate : m_ownChain)
            own << CertificateDetails::fromCertificate(certificate);
        return own;
    }
    // Only the host's certificate reaches this side; of other peers, the host tells fingerprints.
    const QList<Participant>& everyone = m_client->participants();
    if (nick.isEmpty() || everyone.isEmpty() || everyone.constFirst().nick == nick)
        return hostChain();
    return {};
}

std::optional<SessionDetails> JoinedSession::connectionDetails(const QString&) const
{
    SessionDetails details = m_client->sessionDetails();
    if (details.protocol.isEmpty())
        return std::nullopt;
    return details;
}

QString JoinedSession::defaultPeer() const
{
    const QList<Participant>& everyone = m_client->participants();
    return everyone.isEmpty() ? QString() : everyone.constFirst().nick;
}

Status JoinedSession::markVerified(const QString& nick)
{
    if (nick != defaultPeer())
        return Status::failure(tr("You can verify only the host: it vouches for the others."));
    return m_client->markHostVerified();
}

bool JoinedSession::isVerified(const QString& nick) const
{
    return nick == defaultPeer() && m_client->hostTrust() == HostTrust::Verified;
}

void JoinedSession::send(const QString& text)
{
    if (phase() == Phase::Ended)
        return;
    const QString id = m_client->sendMessage(text);
    const ChatMessage message { 0, id, m_client->nick(), text, QDateTime::currentDateTimeUtc() };
    const bool confirmable = m_client->isStructured() || phase() != Phase::Active;
    if (confirmable)
        m_unacknowledged.append({ id, text });
    Q_EMIT messageSent(message, confirmable ? Delivery::Awaiting : Delivery::Unconfirmable);
}

void JoinedSession::resendStored(const QString& id, const QString& text)
{
    if (std::none_of(m_unacknowledged.cbegin(), m_unacknowledged.cend(),
            [&id](const auto& message) { return message.first == id; }))
        m_unacknowledged.append({ id, text });
    m_client->resendMessage(id, text);
}

void JoinedSession::end()
{
    if (m_reconnector->isReconnecting())
        m_reconnector->stop();
    else
        m_client->disconnectFromHost();
}

} // namespace securechat
