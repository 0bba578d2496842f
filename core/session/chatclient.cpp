// SPDX-License-Identifier: MIT
#include "session/chatclient.h"

#include "protocol/linecodec.h"
#include "session/peerconnection.h"
#include "tls/tlspolicy.h"
#include "trust/knownpeers.h"
#include "trust/trustwords.h"

#include <QHostAddress>
#include <QSslSocket>
#include <QUuid>

namespace securechat {

ChatClient::ChatClient(ClientOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_keepalive(m_options.limits)
    , m_nick(m_options.nick)
{
    connect(&m_keepalive, &Keepalive::pingDue, this,
        [this] { m_connection->sendLine(Protocol::encode(Protocol::ping())); });
    connect(&m_keepalive, &Keepalive::unresponsive, this, [this] {
        m_connection->abort(
            { Disconnect::Kind::Network, tr("the host stopped answering (no reply to a ping)") });
    });
}

ChatClient::~ChatClient() = default;

void ChatClient::connectToHost()
{
    if (m_state != State::Idle && m_state != State::Disconnected)
        return;
    m_closeRequested = false;
    m_cancelled = false;
    m_pendingTrust.reset();
    m_refusal.reset();
    m_hostTrust = HostTrust::Unsettled;
    m_closedByHost = false;
    m_sentThisConnection = 0;
    auto socket = std::make_unique<QSslSocket>();
    socket->setSslConfiguration(
        TlsPolicy::clientConfiguration(m_options.caCertificates, &m_options.identity));
    socket->setPeerVerifyName(m_options.host);
    connect(socket.get(), &QAbstractSocket::stateChanged, this, &ChatClient::onSocketStateChanged);
    m_connection = new PeerConnection(std::move(socket), m_options.limits, this);
    connect(m_connection, &PeerConnection::sslErrors, this, &ChatClient::onSslErrors, Qt::DirectConnection);
    connect(m_connection, &PeerConnection::encrypted, this, &ChatClient::onEncrypted);
    connect(m_connection, &PeerConnection::lineReceived, this, &ChatClient::onLine);
    connect(m_connection, &PeerConnection::lineTooLong, this, [this](const QString& message) {
        m_connection->abort({ Disconnect::Kind::Protocol, tr("the host sent %1").arg(message) });
    });
    connect(m_connection, &PeerConnection::finished, this, &ChatClient::onFinished);
    // An address needs no lookup; a name is looked up before anything is connected.
    setState(QHostAddress(m_options.host).isNull() ? State::Resolving : State::Connecting);
    m_connection->connectToHost(m_options.host, m_options.port);
}

void ChatClient::onSocketStateChanged(QAbstractSocket::SocketState socketState)
{
    // Only the stages before the handshake ends come from the socket; the rest are ours.
    if (m_state != State::Resolving && m_state != State::Connecting)
        return;
    if (socketState == QAbstractSocket::ConnectingState)
        setState(State::Connecting);
    else if (socketState == QAbstractSocket::ConnectedState)
        setState(State::Securing);
}

void ChatClient::onSslErrors(const QList<QSslError>& errors)
{
    TrustInput input;
    input.errors = errors;
    input.peerChain = m_connection->socket().peerCertificateChain();
    input.hostPort = m_options.endpoint();
    input.explicitPin = m_options.pin ? m_options.pin : m_trustedOnce;
    if (m_options.knownPeers)
        input.knownPeer = m_options.knownPeers->find(input.hostPort);
    TrustAssessment assessment = TrustEvaluator::evaluate(input);

    switch (assessment.verdict) {
    case TrustVerdict::PinMatched:
        // A host remembered as always trusted reads the same on every connection as on the first.
        if (!m_options.pin)
            m_hostTrust = m_trustedOnce ? HostTrust::TrustedOnce : HostTrust::TrustedRemembered;
        else
            m_hostTrust = m_options.pinFromInvite ? HostTrust::Invited : HostTrust::Pinned;
        m_connection->ignoreSslErrors(assessment.errorsToIgnore);
        break;
    case TrustVerdict::Unknown:
        // Let the handshake finish so that it cannot time out while the person reads the
        // question; the connection stays held, so nothing flows until the answer.
        m_connection->ignoreSslErrors(assessment.errorsToIgnore);
        m_pendingTrust = std::move(assessment);
        break;
    case TrustVerdict::VerifiedByCa:
        break;
    case TrustVerdict::Changed:
    case TrustVerdict::Refused:
        m_refusal = std::move(assessment); // not ignored: the handshake fails
        break;
    }
}

void ChatClient::onEncrypted()
{
    m_structured = m_connection->socket().sslConfiguration().nextNegotiatedProtocol() == Protocol::Alpn;
    if (m_pendingTrust) {
        setState(State::AwaitingTrust);
        Q_EMIT trustRequired(*m_pendingTrust);
        return;
    }
    if (m_hostTrust == HostTrust::Unsettled && m_options.pin) {
        // No sslErrors() came: a CA vouches for the host. An explicit pin must still match.
        TrustInput input;
        input.peerChain = m_connection->socket().peerCertificateChain();
        input.hostPort = m_options.endpoint();
        input.explicitPin = m_options.pin;
        TrustAssessment assessment = TrustEvaluator::evaluate(input);
        if (assessment.verdict != TrustVerdict::VerifiedByCa) {
            m_refusal = std::move(assessment);
            m_connection->abort({ Disconnect::Kind::Trust, m_refusal->summary });
            return;
        }
    }
    if (m_hostTrust == HostTrust::Unsettled)
        m_hostTrust = HostTrust::CertificateAuthority;
    proceed();
}

void ChatClient::answerTrust(TrustAnswer answer)
{
    if (m_state != State::AwaitingTrust || !m_pendingTrust)
        return;
    const TrustAssessment assessment = *std::exchange(m_pendingTrust, std::nullopt);
    switch (answer) {
    case TrustAnswer::Cancel:
        m_cancelled = true;
        m_connection->abort({ Disconnect::Kind::Trust,
            tr("you did not trust the host's certificate (%1)").arg(assessment.problems.join(u' ')) });
        return;
    case TrustAnswer::AlwaysTrust:
        if (m_options.knownPeers) {
            const Status saved = m_options.knownPeers->remember({ m_options.endpoint(),
                assessment.presentedSha256, QDateTime::currentDateTimeUtc(), QString() });
            if (!saved) {
                Q_EMIT hostError(QStringLiteral("known-peers"), saved.error());
            }
        }
        m_hostTrust = HostTrust::TrustedRemembered;
        break;
    case TrustAnswer::TrustOnce:
        m_hostTrust = HostTrust::TrustedOnce;
        m_trustedOnce = assessment.presentedSha256;
        break;
    }
    proceed();
}

void ChatClient::proceed()
{
    // However the certificate was accepted this time, one the person verified reads so.
    const QList<QSslCertificate> chain = m_connection->socket().peerCertificateChain();
    if (!chain.isEmpty() && isVerifiedKnownPeer(chain.constFirst().digest(QCryptographicHash::Sha256)))
        m_hostTrust = HostTrust::Verified;
    m_connection->open();
    if (m_structured) {
        setState(State::Joining);
        // Having joined before, this is a return: the host may not have noticed the old connection
        // die yet, and gives this one the name rather than making it "bob-2".
        m_connection->sendLine(Protocol::encode(
            Protocol::hello(m_nick, QStringLiteral("securechat/" SECURECHAT_VERSION), m_lastEnd.everJoined)));
        // A text-mode host cannot be pinged: a ping would be a line of chat.
        m_keepalive.start();
    } else {
        enterJoined(); // a text-mode host says nothing first
    }
}

QString ChatClient::sendMessage(const QString& text)
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_unacknowledged << Protocol::message(id, QString(), text, QDateTime::currentMSecsSinceEpoch());
    if (m_state == State::Joined)
        sendQueued();
    return id;
}

void ChatClient::resendMessage(const QString& id, const QString& text)
{
    const bool queued = std::any_of(m_unacknowledged.cbegin(), m_unacknowledged.cend(),
        [&id](const Frame& frame) { return frame.id == id; });
    if (queued)
        return;
    m_unacknowledged << Protocol::message(id, QString(), text, QDateTime::currentMSecsSinceEpoch());
    if (m_state == State::Joined)
        sendQueued();
}

int ChatClient::withdrawQueued()
{
    const auto withdrawn = static_cast<int>(m_unacknowledged.size() - m_sentThisConnection);
    m_unacknowledged.resize(m_sentThisConnection);
    return withdrawn;
}

void ChatClient::requestNick(const QString& nick)
{
    if (m_state == State::Joined && m_structured)
        m_connection->sendLine(Protocol::encode(Protocol::rename(nick)));
    else if (m_state == State::Joined)
        m_connection->sendLine(LineCodec::encode(QStringLiteral("/nick ") + nick));
    else
        m_nick = nick;
}

void ChatClient::disconnectFromHost()
{
    m_closeRequested = true;
    switch (m_state) {
    case State::Joined:
        setState(State::Closing);
        m_keepalive.stop(); // closing takes seconds at most: no ping into a goodbye
        if (m_structured)
            m_connection->sendLine(Protocol::encode(Protocol::bye(QString())));
        m_connection->close();
        break;
    case State::AwaitingTrust:
        answerTrust(TrustAnswer::Cancel);
        break;
    case State::Idle:
    case State::Disconnected:
        setState(State::Disconnected);
        break;
    case State::Resolving:
    case State::Connecting:
    case State::Securing:
    case State::Joining:
    case State::Closing:
        break; // enterJoined() closes once what is queued has been sent
    }
}

void ChatClient::cancel()
{
    if (!m_connection || m_state == State::Joined || m_state == State::Closing)
        return;
    m_cancelled = true;
    m_pendingTrust.reset();
    m_connection->abort({ Disconnect::Kind::Clean, tr("you cancelled connecting") });
}

SessionDetails ChatClient::sessionDetails() const
{
    if (!m_connection || !m_connection->isEncrypted())
        return m_lastSession;
    SessionDetails details
        = SessionDetails::fromSocket(m_connection->socket(), TrustWords::host(m_hostTrust));
    details.connectedSince = m_lastSession.connectedSince;
    return details;
}

void ChatClient::onLine(const QString& line)
{
    m_keepalive.noteActivity();
    if (!m_structured) {
        Q_EMIT messageReceived({ 0, QString(), QString(), line, QDateTime::currentDateTimeUtc() });
        return;
    }
    const auto frame = Protocol::decode(line);
    if (!frame) {
        Q_EMIT hostError(
            QStringLiteral("malformed"), tr("the host sent a malformed frame: %1").arg(frame.error()));
        return;
    }
    onFrame(frame.value());
}

void ChatClient::onFrame(const Frame& frame)
{
    switch (frame.type) {
    case FrameType::Hello:
        m_nick = frame.nick;
        enterJoined();
        break;
    case FrameType::Roster:
        m_participants = frame.participants;
        Q_EMIT rosterChanged();
        break;
    case FrameType::Join:
        for (const Participant& participant : frame.participants) {
            const auto known = std::find_if(m_participants.begin(), m_participants.end(),
                [&participant](const Participant& p) { return p.nick == participant.nick; });
            if (frame.rejoined && known != m_participants.end()) {
                *known = participant;
                Q_EMIT participantRejoined(participant);
            } else {
                m_participants << participant;
                Q_EMIT participantJoined(participant);
            }
        }
        Q_EMIT rosterChanged();
        break;
    case FrameType::Leave:
        m_participants.removeIf([&frame](const Participant& p) { return p.nick == frame.nick; });
        Q_EMIT participantLeft(frame.nick, frame.reason);
        Q_EMIT rosterChanged();
        break;
    case FrameType::Nick:
        for (Participant& participant : m_participants) {
            if (participant.nick == frame.from)
                participant.nick = frame.nick;
        }
        if (frame.from == m_nick)
            m_nick = frame.nick;
        Q_EMIT participantRenamed(frame.from, frame.nick);
        Q_EMIT rosterChanged();
        break;
    case FrameType::Message:
        Q_EMIT messageReceived({ frame.seq, frame.id, frame.from, frame.text,
            QDateTime::fromMSecsSinceEpoch(frame.timestamp, Qt::UTC) });
        break;
    case FrameType::Ack: {
        const auto acknowledged = std::find_if(m_unacknowledged.begin(), m_unacknowledged.end(),
            [&frame](const Frame& sent) { return sent.id == frame.id; });
        if (acknowledged != m_unacknowledged.end()) {
            const auto index = std::distance(m_unacknowledged.begin(), acknowledged);
            m_unacknowledged.erase(acknowledged);
            if (index < m_sentThisConnection)
                --m_sentThisConnection;
            Q_EMIT messageAcknowledged(frame.id, frame.seq);
        }
        break;
    }
    case FrameType::Ping:
        m_connection->sendLine(Protocol::encode(Protocol::pong()));
        break;
    case FrameType::Bye:
        m_byeReason = frame.reason;
        m_byeReceived = true;
        m_closedByHost = true;
        break;
    case FrameType::Error:
        if (m_state == State::Joining && frame.code == QLatin1String("waiting")) {
            Q_EMIT waitingForHost(frame.text);
        } else if (m_state == State::Joining) {
            m_closedByHost = true;
            m_connection->abort({ Disconnect::Kind::Protocol, tr("the host refused: %1").arg(frame.text) });
        } else {
            // The host's last word before it closes: the session does not want this client back now.
            m_closedByHost = m_closedByHost || frame.code == QLatin1String("removed")
                || frame.code == QLatin1String("line-too-long") || frame.code == QLatin1String("replaced");
            Q_EMIT hostError(frame.code, frame.text);
        }
        break;
    case FrameType::Pong:
    case FrameType::Unknown:
        break;
    }
}

void ChatClient::enterJoined()
{
    m_lastEnd.everJoined = true;
    m_lastSession = SessionDetails::fromSocket(m_connection->socket(), TrustWords::host(m_hostTrust));
    setState(State::Joined);
    Q_EMIT joined();
    sendQueued();
    if (m_closeRequested)
        disconnectFromHost();
}

void ChatClient::sendQueued()
{
    if (m_structured) {
        for (qsizetype i = m_sentThisConnection; i < m_unacknowledged.size(); ++i)
            m_connection->sendLine(Protocol::encode(m_unacknowledged.at(i)));
        m_sentThisConnection = m_unacknowledged.size();
    } else {
        // A text-mode host acknowledges nothing: once written, a line is as sent as it gets.
        const QList<Frame> written = std::exchange(m_unacknowledged, {});
        for (const Frame& frame : written) {
            m_connection->sendLine(LineCodec::encode(frame.text));
            Q_EMIT messageUnconfirmable(frame.id);
        }
    }
}

void ChatClient::onFinished(const Disconnect& reason)
{
    Disconnect outcome = reason;
    if (m_cancelled)
        m_refusal.reset(); // the person stopped it: no other reason applies
    if (m_refusal) {
        outcome = { Disconnect::Kind::Trust, m_refusal->summary };
        Q_EMIT trustRefused(*m_refusal);
    } else if (m_byeReceived && reason.isClean()) {
        outcome.message = m_byeReason.isEmpty() ? tr("the host ended the session")
                                                : tr("the host ended the session: %1").arg(m_byeReason);
    } else if (reason.isClean() && m_state == State::Joining && !m_cancelled) {
        // Under TLS 1.3 a host that rejects our certificate does so after our handshake ended.
        outcome = { Disconnect::Kind::Tls,
            tr("the host closed the connection before letting you in (%1); it may require a client "
               "certificate it accepts")
                .arg(m_connection->socket().errorString()) };
    }
    m_keepalive.stop();
    m_lastEnd.kind = outcome.kind;
    m_lastEnd.closedByPerson = m_closeRequested;
    m_lastEnd.closedByHost = m_closedByHost;
    m_connection->deleteLater();
    m_connection = nullptr;
    m_byeReason.clear();
    m_byeReceived = false;
    setState(State::Disconnected);
    Q_EMIT disconnected(outcome);
}

void ChatClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

Status ChatClient::markHostVerified()
{
    const QList<QSslCertificate> chain
        = m_state == State::Joined ? m_connection->socket().peerCertificateChain() : QList<QSslCertificate>();
    if (chain.isEmpty())
        return Status::failure(tr("the host can be verified once you have joined its session"));
    if (!m_options.knownPeers)
        return Status::failure(tr("there is no known peers file to remember the host in"));
    const QByteArray digest = chain.constFirst().digest(QCryptographicHash::Sha256);
    const std::optional<KnownPeer> known = m_options.knownPeers->find(m_options.endpoint());
    const QDateTime firstSeen = known && known->sha256 == digest ? known->firstSeen : QDateTime();
    if (const Status saved = m_options.knownPeers->remember(
            { m_options.endpoint(), digest, firstSeen, KnownPeer::verifiedNote() });
        !saved)
        return saved;
    m_trustedOnce.reset(); // remembered now: a reconnect finds it among the known peers
    m_hostTrust = HostTrust::Verified;
    Q_EMIT hostVerified();
    return succeeded();
}

bool ChatClient::isVerifiedKnownPeer(const QByteArray& sha256) const
{
    const std::optional<KnownPeer> known
        = m_options.knownPeers ? m_options.knownPeers->find(m_options.endpoint()) : std::nullopt;
    return known && known->sha256 == sha256 && known->isVerified();
}

} // namespace securechat
