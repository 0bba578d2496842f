// SPDX-License-Identifier: MIT
#include "session/chathost.h"

#include "protocol/nicknamerule.h"
#include "protocol/textmodeformat.h"
#include "session/hostedpeer.h"
#include "session/listenfailure.h"
#include "session/peerconnection.h"
#include "session/tlslistener.h"
#include "tls/certificatedetails.h"
#include "tls/randomuuid.h"
#include "tls/tlspolicy.h"
#include "trust/trustevaluator.h"
#include "trust/trustwords.h"

#include <QCryptographicHash>
#include <QTimer>

namespace securechat {

namespace {

    constexpr size_t RememberedMessageIds = 4096;
    // A relayed "msg" frame without its strings: {"type":"msg","id":"","text":"","from":"","ts":N,"seq":N}
    // is under 100 bytes even with both numbers at their longest.
    constexpr qsizetype RelayedFrameOverheadBytes = 128;

} // namespace

ChatHost::ChatHost(HostOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_knownClients(m_options.knownClientsFile)
{
    // Counted here, so that every drop, whoever reports it, is counted exactly once.
    connect(this, &ChatHost::peerRejected, this, [this] { ++m_rejectedConnections; });
}

ChatHost::~ChatHost() = default;

Status ChatHost::start()
{
    if (const Status loaded = m_knownClients.load(); !loaded)
        return loaded;
    const auto clientCertificates = m_options.requireClientCertificates
        ? TlsPolicy::ClientCertificates::Required
        : TlsPolicy::ClientCertificates::NotRequested;
    m_listener = new TlsListener(
        TlsPolicy::hostConfiguration(m_options.identity, clientCertificates, m_options.clientCaCertificates),
        m_options.limits, this);
    if (m_options.requireClientCertificates && !m_options.allowedClientFingerprints.isEmpty()) {
        m_listener->setClientErrorFilter(
            [this](const QList<QSslError>& errors) { return acceptableClientErrors(errors); });
    }
    connect(m_listener, &TlsListener::peerEncrypted, this, &ChatHost::onPeerEncrypted);
    connect(m_listener, &TlsListener::peerRejected, this, &ChatHost::peerRejected);
    if (!m_listener->listen(m_options.address, m_options.port)) {
        const QString error = ListenFailure::describe(*m_listener, m_options.address, m_options.port);
        delete m_listener;
        m_listener = nullptr;
        return Status::failure(error);
    }
    return succeeded();
}

void ChatHost::stop(const QString& reason)
{
    if (m_stopping)
        return;
    m_stopping = true;
    for (const Reservation& reserved : std::as_const(m_reserved))
        delete reserved.expiry;
    m_reserved.clear();
    if (m_listener)
        m_listener->close();
    // No reason given, none sent: the client says "the host ended the session" once, in its words.
    const Frame bye = Protocol::bye(reason);
    for (HostedPeer* peer : std::as_const(m_peers))
        peer->closeWith(bye);
    if (m_peers.isEmpty())
        QMetaObject::invokeMethod(this, &ChatHost::stopped, Qt::QueuedConnection);
}

QHostAddress ChatHost::address() const
{
    return m_listener ? m_listener->serverAddress() : QHostAddress();
}

quint16 ChatHost::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

QString ChatHost::fingerprint() const
{
    return CertificateDetails::fingerprintSha256(m_options.identity.certificate());
}

QList<Participant> ChatHost::participants() const
{
    QList<Participant> everyone { { m_options.nick, fingerprint(), true, true } };
    for (const HostedPeer* peer : m_peers) {
        if (peer->hasJoined())
            everyone << peer->participant();
    }
    // Still in the session for everyone else while their name is kept: they are expected back.
    for (const Reservation& reserved : m_reserved)
        everyone << reserved.participant;
    return everyone;
}

HostedPeer* ChatHost::joinedPeer(const QString& nick) const
{
    const auto found = std::find_if(m_peers.cbegin(), m_peers.cend(),
        [&nick](const HostedPeer* peer) { return peer->hasJoined() && peer->nick() == nick; });
    return found != m_peers.cend() ? *found : nullptr;
}

QList<QSslCertificate> ChatHost::certificateChainOf(const QString& nick) const
{
    const HostedPeer* peer = joinedPeer(nick);
    return peer ? peer->connection().socket().peerCertificateChain() : QList<QSslCertificate>();
}

std::optional<SessionDetails> ChatHost::sessionDetailsOf(const QString& nick) const
{
    const HostedPeer* peer = joinedPeer(nick);
    if (!peer)
        return std::nullopt;
    return SessionDetails::fromSocket(
        peer->connection().socket(), TrustWords::participant(peer->participant(), Viewer::Host));
}

ChatMessage ChatHost::sendMessage(const QString& text)
{
    const ChatMessage message = sequence(randomUuid(), m_options.nick, text);
    Frame frame
        = Protocol::message(message.id, message.from, message.text, message.timestamp.toMSecsSinceEpoch());
    frame.seq = message.seq;
    broadcast(frame);
    return message;
}

void ChatHost::onPeerEncrypted(PeerConnection* connection)
{
    auto* peer = new HostedPeer(connection, describePeer(*connection), m_options.limits, this);
    connect(
        peer, &HostedPeer::frameReceived, this, [this, peer](const Frame& frame) { onFrame(peer, frame); });
    connect(peer, &HostedPeer::malformedFrame, this,
        [peer](const QString& error) { peer->send(Protocol::error(QStringLiteral("malformed"), error)); });
    connect(peer, &HostedPeer::finished, this,
        [this, peer](const Disconnect& reason) { onPeerFinished(peer, reason); });
    connect(peer, &HostedPeer::congested, this, [this, peer] { m_congested.insert(peer); });
    connect(peer, &HostedPeer::drained, this, [this, peer] { onDrained(peer); });
    peer->start();

    // Every admitted peer holds a slot, joined or still about to say hello: counting only the
    // joined ones let peers that arrived together all join past the limit (8 of 3, measured).
    if (m_stopping || m_peers.size() >= m_options.limits.maxPeers) {
        const QString why = m_stopping
            ? tr("the session is closing")
            : tr("the session is full (%1 participants)").arg(m_options.limits.maxPeers);
        Q_EMIT peerRejected(peer->endpoint(), tr("refused: %1").arg(why));
        peer->closeWith(Protocol::error(QStringLiteral("session-full"), why));
        return;
    }
    m_peers << peer;
    if (!peer->isStructured())
        requestJoin(peer, peer->nick());
}

void ChatHost::onFrame(HostedPeer* peer, const Frame& frame)
{
    // Once stopping, every peer is being closed and gets nothing more: accepting a message now
    // would acknowledge it to its sender and deliver it to nobody. Unacknowledged, it is resent.
    if (m_stopping || !m_peers.contains(peer))
        return;
    m_quietMemoryRelease.noteTraffic(frame.text.size());
    if (!peer->hasJoined()) {
        if (peer->isWaiting())
            return; // nothing of the session, either way, before the host's answer
        if (frame.type == FrameType::Hello)
            requestJoin(peer, frame.nick, frame.rejoined);
        else
            peer->send(Protocol::error(QStringLiteral("hello-first"), tr("say hello before anything else")));
        return;
    }
    switch (frame.type) {
    case FrameType::Hello:
        peer->send(Protocol::error(QStringLiteral("duplicate-hello"), tr("you have already said hello")));
        break;
    case FrameType::Message:
        relay(peer, frame);
        break;
    case FrameType::Nick:
        rename(peer, frame.nick);
        break;
    case FrameType::Bye:
        peer->closeWith(Protocol::bye(QString()));
        break;
    default:
        break; // nothing a client may tell the host; unknown types are ignored on purpose
    }
}

void ChatHost::onPeerFinished(HostedPeer* peer, const Disconnect& reason)
{
    peer->deleteLater();
    onDrained(peer); // a dropped stalled reader holds nobody back any more
    if (!m_peers.removeOne(peer))
        return;
    if (peer->isWaiting()) {
        const auto waiting = std::find_if(m_waiting.cbegin(), m_waiting.cend(),
            [peer](const Waiting& entry) { return entry.peer == peer; });
        if (waiting != m_waiting.cend())
            takeWaiting(waiting.key());
    }
    if (peer->hasJoined() && reserve(peer, reason)) {
        // Nobody is told: the others see "bob reconnected", or "bob left" once the grace is over.
    } else if (peer->hasJoined()) {
        const QString why = reason.message;
        broadcast(Protocol::leave(peer->nick(), why));
        Q_EMIT participantLeft(peer->nick(), why);
        Q_EMIT rosterChanged();
    } else if (!reason.isClean()) {
        Q_EMIT peerRejected(peer->endpoint(), reason.message);
    }
    if (m_stopping && m_peers.isEmpty())
        Q_EMIT stopped();
}

QList<JoinRequest> ChatHost::joinRequests() const
{
    QList<JoinRequest> requests;
    for (const Waiting& waiting : m_waiting)
        requests << waiting.request;
    std::sort(requests.begin(), requests.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return requests;
}

Status ChatHost::admit(int requestId, bool remember)
{
    const auto it = m_waiting.constFind(requestId);
    if (it == m_waiting.cend())
        return Status::failure(tr("nobody is waiting with request %1").arg(requestId));
    const QString nick = it->request.nick;
    HostedPeer* peer = takeWaiting(requestId);
    if (remember) {
        const QByteArray digest = certificateDigest(*peer);
        if (digest.isEmpty())
            return Status::failure(tr("%1 has no certificate to remember; admitted this once").arg(nick));
        if (const Status saved = m_knownClients.remember({ digest, KnownClient::Verdict::Admit, nick });
            !saved) {
            join(peer, nick);
            return saved;
        }
        peer->markKnownToHost();
    }
    join(peer, nick);
    return succeeded();
}

Status ChatHost::refuse(int requestId, const QString& reason)
{
    if (!m_waiting.contains(requestId))
        return Status::failure(tr("nobody is waiting with request %1").arg(requestId));
    HostedPeer* peer = takeWaiting(requestId);
    // The host's own answer: told to the peer, not reported back to the host as a dropped connection.
    const QString why = reason.isEmpty() ? tr("the host did not let you in")
                                         : tr("the host did not let you in: %1").arg(reason);
    peer->closeWith(Protocol::error(QStringLiteral("not-admitted"), why));
    return succeeded();
}

Status ChatHost::remove(const QString& nick, const QString& reason, bool block)
{
    const auto it = std::find_if(m_peers.cbegin(), m_peers.cend(),
        [&nick](const HostedPeer* peer) { return peer->hasJoined() && peer->nick() == nick; });
    if (it == m_peers.cend())
        return removeReserved(nick, reason, block);
    HostedPeer* peer = *it;
    Status blocked = succeeded();
    if (block) {
        const QByteArray digest = certificateDigest(*peer);
        blocked = digest.isEmpty()
            ? Status::failure(tr("%1 has no certificate to block; removed only").arg(nick))
            : m_knownClients.remember({ digest, KnownClient::Verdict::Block, nick });
    }
    const QString why
        = reason.isEmpty() ? tr("removed by the host") : tr("removed by the host: %1").arg(reason);
    peer->closeWith(Protocol::error(QStringLiteral("removed"), why), { Disconnect::Kind::Clean, why });
    return blocked;
}

Status ChatHost::markVerified(const QString& nick)
{
    HostedPeer* peer = joinedPeer(nick);
    if (!peer)
        return Status::failure(tr("nobody called %1 is in the session").arg(nick));
    const QByteArray digest = certificateDigest(*peer);
    if (digest.isEmpty())
        return Status::failure(tr("%1 presented no certificate, so there is nothing to verify").arg(nick));
    if (const Status saved = m_knownClients.remember({ digest, KnownClient::Verdict::Verified, nick });
        !saved)
        return saved;
    peer->markKnownToHost(true);
    // SecureChat clients update their lists; a text-mode peer is told in a line, as of a join.
    const Frame roster = Protocol::roster(participants());
    const QByteArray told = TextModeFormat::verified(peer->nick());
    for (HostedPeer* other : std::as_const(m_peers)) {
        if (!other->hasJoined())
            continue;
        if (other->isStructured())
            other->send(roster);
        else
            other->sendTextLine(told);
    }
    Q_EMIT rosterChanged();
    return succeeded();
}

void ChatHost::requestJoin(HostedPeer* peer, const QString& requestedNick, bool rejoining)
{
    const QByteArray digest = certificateDigest(*peer);
    // Read again each time: Settings, or another session hosted here, may have changed it.
    if (const Status loaded = m_knownClients.load(); !loaded)
        qWarning("%s", qPrintable(loaded.error()));
    const std::optional<KnownClient> known = digest.isEmpty() ? std::nullopt : m_knownClients.find(digest);
    if (known && known->verdict == KnownClient::Verdict::Block) {
        refuseEntry(peer, tr("the host has blocked your certificate"));
        return;
    }
    if (known)
        peer->markKnownToHost(known->verdict == KnownClient::Verdict::Verified);
    if (m_reserved.contains(digest)) {
        rejoin(peer, digest); // admitted before, and back within the grace period
        return;
    }
    if (HostedPeer* stale = rejoining ? staleConnection(peer, digest, requestedNick) : nullptr) {
        replace(stale, peer); // back before its lost connection was noticed here
        return;
    }
    const bool vouchedFor
        = known || peer->participant().verified || m_options.allowedClientFingerprints.contains(digest);
    if (m_options.admission == Admission::Open || vouchedFor)
        join(peer, requestedNick);
    else if (m_options.admission == Admission::Known)
        refuseEntry(peer, tr("this session admits only participants the host knows"));
    else
        wait(peer, requestedNick);
}

void ChatHost::wait(HostedPeer* peer, const QString& requestedNick)
{
    const QHostAddress address = peer->connection().socket().peerAddress();
    const auto fromAddress
        = std::count_if(m_waiting.cbegin(), m_waiting.cend(), [&address](const Waiting& waiting) {
              return waiting.peer->connection().socket().peerAddress() == address;
          });
    if (m_waiting.size() >= m_options.limits.maxWaiting
        || fromAddress >= m_options.limits.maxWaitingPerAddress) {
        refuseEntry(peer, tr("too many people are waiting to join; try again later"));
        return;
    }
    const Participant& participant = peer->participant();
    JoinRequest request { ++m_lastRequestId,
        NicknameRule::isValid(requestedNick) ? requestedNick : QStringLiteral("guest"), peer->endpoint(),
        participant.fingerprint, QString() };
    if (participant.fingerprint.isEmpty())
        request.check = tr("no certificate: a text-mode client such as openssl or ncat");
    else if (participant.verified)
        request.check = tr("certificate issued by a CA this session trusts");
    else
        request.check = tr("certificate nobody vouches for: compare its fingerprint with its owner");
    auto* timeout = new QTimer(peer);
    timeout->setSingleShot(true);
    const int id = request.id;
    connect(timeout, &QTimer::timeout, this, [this, id] {
        if (HostedPeer* expired = takeWaiting(id))
            refuseEntry(expired, tr("the host did not answer in time"));
    });
    timeout->start(m_options.limits.waitTimeout);
    peer->markWaiting();
    m_waiting.insert(id, Waiting { peer, request, timeout });
    peer->send(Protocol::error(QStringLiteral("waiting"), tr("waiting for the host to let you in")));
    Q_EMIT joinRequested(request);
}

void ChatHost::refuseEntry(HostedPeer* peer, const QString& why)
{
    Q_EMIT peerRejected(peer->endpoint(), tr("refused: %1").arg(why));
    peer->closeWith(Protocol::error(QStringLiteral("not-admitted"), why));
}

HostedPeer* ChatHost::takeWaiting(int requestId)
{
    const auto it = m_waiting.find(requestId);
    if (it == m_waiting.end())
        return nullptr;
    HostedPeer* peer = it->peer;
    delete it->timeout;
    m_waiting.erase(it);
    peer->markWaiting(false);
    Q_EMIT joinRequestEnded(requestId);
    return peer;
}

QByteArray ChatHost::certificateDigest(const HostedPeer& peer)
{
    const QSslCertificate certificate = peer.connection().socket().peerCertificate();
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

void ChatHost::join(HostedPeer* peer, const QString& requestedNick)
{
    peer->setNick(uniqueNick(NicknameRule::isValid(requestedNick) ? requestedNick : QStringLiteral("guest")));
    peer->markJoined();
    if (peer->isStructured())
        peer->send(Protocol::hello(peer->nick(), QStringLiteral("securechat-host/" SECURECHAT_VERSION)));
    peer->send(Protocol::roster(participants()));
    broadcast(Protocol::join(peer->participant()), peer);
    Q_EMIT participantJoined(peer->participant());
    Q_EMIT rosterChanged();
}

bool ChatHost::reserve(HostedPeer* peer, const Disconnect& reason)
{
    // Only a certificate proves it is the same person coming back: a text-mode peer without one
    // leaves at once, as before, and its name is free for anyone.
    const QByteArray digest = certificateDigest(*peer);
    const bool lost = reason.kind == Disconnect::Kind::Clean || reason.kind == Disconnect::Kind::Network;
    if (m_stopping || !lost || peer->isClosedByHost() || digest.isEmpty()
        || m_options.rejoinGrace.count() <= 0 || m_reserved.contains(digest))
        return false;
    auto* expiry = new QTimer(this);
    expiry->setSingleShot(true);
    connect(expiry, &QTimer::timeout, this, [this, digest] { expireReservation(digest); });
    expiry->start(m_options.rejoinGrace);
    m_reserved.insert(digest, Reservation { peer->participant(), expiry });
    return true;
}

Status ChatHost::removeReserved(const QString& nick, const QString& reason, bool block)
{
    const auto it = std::find_if(m_reserved.begin(), m_reserved.end(),
        [&nick](const Reservation& reserved) { return reserved.participant.nick == nick; });
    if (it == m_reserved.end())
        return Status::failure(tr("nobody called %1 is in the session").arg(nick));
    const Status blocked
        = block ? m_knownClients.remember({ it.key(), KnownClient::Verdict::Block, nick }) : succeeded();
    delete it->expiry;
    m_reserved.erase(it);
    // Away, so told nothing; the others see the removal.
    const QString why
        = reason.isEmpty() ? tr("removed by the host") : tr("removed by the host: %1").arg(reason);
    broadcast(Protocol::leave(nick, why));
    Q_EMIT participantLeft(nick, why);
    Q_EMIT rosterChanged();
    return blocked;
}

void ChatHost::expireReservation(const QByteArray& digest)
{
    const auto it = m_reserved.find(digest);
    if (it == m_reserved.end())
        return;
    const QString nick = it->participant.nick;
    it->expiry->deleteLater();
    m_reserved.erase(it);
    const QString why = tr("connection lost");
    broadcast(Protocol::leave(nick, why));
    Q_EMIT participantLeft(nick, why);
    Q_EMIT rosterChanged();
}

void ChatHost::rejoin(HostedPeer* peer, const QByteArray& digest)
{
    const Reservation reserved = m_reserved.take(digest);
    delete reserved.expiry;
    welcomeBack(peer, reserved.participant.nick);
}

HostedPeer* ChatHost::staleConnection(
    const HostedPeer* peer, const QByteArray& digest, const QString& nick) const
{
    if (digest.isEmpty())
        return nullptr; // only a certificate proves it is the same person
    const auto found = std::find_if(m_peers.cbegin(), m_peers.cend(), [&](const HostedPeer* other) {
        return other != peer && other->hasJoined() && other->nick() == nick
            && certificateDigest(*other) == digest;
    });
    return found != m_peers.cend() ? *found : nullptr;
}

void ChatHost::replace(HostedPeer* stale, HostedPeer* peer)
{
    // The client noticed the loss first (a silent network, a frozen relay: the host pings only
    // after a minute of silence). Its old connection goes without a leave: nobody saw it go.
    m_peers.removeOne(stale);
    onDrained(stale); // a dead reader holds nobody back any more
    const QString why = tr("you joined again on another connection");
    stale->closeWith(Protocol::error(QStringLiteral("replaced"), why), { Disconnect::Kind::Clean, why });
    welcomeBack(peer, stale->nick());
}

void ChatHost::welcomeBack(HostedPeer* peer, const QString& nick)
{
    peer->setNick(nick);
    peer->markJoined();
    if (peer->isStructured())
        peer->send(Protocol::hello(peer->nick(), QStringLiteral("securechat-host/" SECURECHAT_VERSION)));
    peer->send(Protocol::roster(participants()));
    broadcast(Protocol::join(peer->participant(), true), peer);
    Q_EMIT participantRejoined(peer->participant());
    Q_EMIT rosterChanged();
}

void ChatHost::relay(HostedPeer* sender, const Frame& frame)
{
    if (frame.text.isEmpty())
        return;
    if (!frame.id.isEmpty()) {
        if (const auto known = m_seqById.constFind(frame.id); known != m_seqById.cend()) {
            sender->send(Protocol::ack(frame.id, known.value())); // a resend: acknowledged, not relayed
            return;
        }
    }
    const QString id = frame.id.isEmpty() ? randomUuid() : frame.id;
    // Relayed, a message grows: the host adds sender, sequence number and time, and JSON writes a
    // control character as six bytes. A frame past the line limit would make every structured
    // receiver drop the host (measured: one text peer's line of control characters emptied the
    // session), so such a message is refused before it takes a sequence number.
    // Encoding the frame to measure it cost as much as all the rest of relaying it, so only a message
    // that might not fit is measured: JSON writes no UTF-16 unit as more than six bytes.
    const qsizetype worstCase
        = RelayedFrameOverheadBytes + 6 * (id.size() + sender->nick().size() + frame.text.size());
    if (worstCase > m_options.limits.maxLineBytes) {
        Frame probe = Protocol::message(id, sender->nick(), frame.text, QDateTime::currentMSecsSinceEpoch());
        probe.seq = m_lastSeq + 1;
        if (const qsizetype bytes = Protocol::encode(probe).size() - 1;
            bytes > m_options.limits.maxLineBytes) {
            sender->send(Protocol::error(QStringLiteral("message-too-long"),
                tr("message not relayed: %1 bytes once relayed, more than the %2 a line may have; send it in "
                   "parts")
                    .arg(bytes)
                    .arg(m_options.limits.maxLineBytes)));
            return;
        }
    }
    const ChatMessage message = sequence(id, sender->nick(), frame.text);
    // Only an id the sender chose can come back as a resend; remembering the ids the host makes up
    // (every text-mode line) cost 6% of the host's CPU in hashing alone.
    if (!frame.id.isEmpty())
        rememberMessageId(message.id, message.seq);
    Frame relayed
        = Protocol::message(message.id, message.from, message.text, message.timestamp.toMSecsSinceEpoch());
    relayed.seq = message.seq;
    broadcast(relayed, sender);
    if (sender->isStructured())
        sender->send(Protocol::ack(message.id, message.seq));
    applyBackpressure(sender);
    if (const auto wait = sender->chargeRate(frame.text.size());
        wait.count() > 0 && !sender->isHeldBack(HostedPeer::RateLimit)) {
        sender->holdBack(HostedPeer::RateLimit);
        QTimer::singleShot(wait, sender, [sender] { sender->release(HostedPeer::RateLimit); });
    }
    Q_EMIT messageReceived(message);
}

void ChatHost::rename(HostedPeer* peer, const QString& requestedNick)
{
    if (requestedNick == peer->nick())
        return;
    if (!NicknameRule::isValid(requestedNick)) {
        peer->send(Protocol::error(QStringLiteral("bad-nick"), NicknameRule::problem(requestedNick)));
        return;
    }
    if (isNickTaken(requestedNick)) {
        peer->send(
            Protocol::error(QStringLiteral("nick-taken"), tr("%1 is already taken").arg(requestedNick)));
        return;
    }
    const QString oldNick = peer->nick();
    peer->setNick(requestedNick);
    broadcast(Protocol::rename(requestedNick, oldNick));
    Q_EMIT participantRenamed(oldNick, requestedNick);
    Q_EMIT rosterChanged();
}

void ChatHost::broadcast(const Frame& frame, const HostedPeer* except)
{
    const EncodedFrame encoded(frame);
    // A copy: sending can drop a peer that stopped reading, which edits m_peers.
    const QList<HostedPeer*> peers = m_peers;
    for (HostedPeer* peer : peers) {
        if (peer != except && peer->hasJoined())
            peer->send(encoded);
    }
}

void ChatHost::applyBackpressure(HostedPeer* sender)
{
    // Every message goes to everyone in one order, so the session moves at the pace of its slowest
    // reader: a sender is not read from while its messages wait in a congested queue, and TCP slows
    // it down. A reader that takes nothing at all is dropped at the stall timeout (PeerConnection).
    if (!m_congested.isEmpty())
        sender->holdBack(HostedPeer::CongestedQueue);
}

void ChatHost::onDrained(HostedPeer* peer)
{
    m_congested.remove(peer);
    if (!m_congested.isEmpty())
        return;
    // A copy: a released sender's waiting lines are relayed at once, and relaying can drop a peer.
    const QList<HostedPeer*> peers = m_peers;
    for (HostedPeer* sender : peers) {
        if (sender->isHeldBack(HostedPeer::CongestedQueue))
            sender->release(HostedPeer::CongestedQueue);
    }
}

ChatMessage ChatHost::sequence(const QString& id, const QString& from, const QString& text)
{
    return { ++m_lastSeq, id, from, text, QDateTime::currentDateTimeUtc() };
}

void ChatHost::rememberMessageId(const QString& id, qint64 seq)
{
    m_seqById.insert(id, seq);
    m_recentIds.push_back(id);
    if (m_recentIds.size() > RememberedMessageIds) {
        m_seqById.remove(m_recentIds.front());
        m_recentIds.pop_front();
    }
}

bool ChatHost::isNickTaken(const QString& nick) const
{
    if (nick.compare(m_options.nick, Qt::CaseInsensitive) == 0)
        return true;
    for (const Reservation& reserved : m_reserved) {
        if (reserved.participant.nick.compare(nick, Qt::CaseInsensitive) == 0)
            return true;
    }
    return std::any_of(m_peers.cbegin(), m_peers.cend(), [&nick](const HostedPeer* peer) {
        return peer->hasJoined() && peer->nick().compare(nick, Qt::CaseInsensitive) == 0;
    });
}

QString ChatHost::uniqueNick(const QString& requested) const
{
    QString nick = requested;
    for (int suffix = 2; isNickTaken(nick); ++suffix)
        nick = requested.left(NicknameRule::MaxLength - 4) + u'-' + QString::number(suffix);
    return nick;
}

Participant ChatHost::describePeer(const PeerConnection& connection)
{
    const QSslSocket& socket = connection.socket();
    Participant participant;
    participant.structured = socket.sslConfiguration().nextNegotiatedProtocol() == Protocol::Alpn;
    const QSslCertificate certificate = socket.peerCertificate();
    if (!certificate.isNull()) {
        participant.fingerprint = CertificateDetails::fingerprintSha256(certificate);
        participant.verified = m_options.requireClientCertificates;
    }
    if (!participant.structured) {
        // Text-mode peers have no hello: they start as guests and may pick a name with /nick.
        participant.nick = QStringLiteral("guest%1").arg(++m_guestCounter);
    }
    return participant;
}

QList<QSslError> ChatHost::acceptableClientErrors(const QList<QSslError>& errors) const
{
    // A client certificate no CA vouches for passes only when its fingerprint is on the allow list.
    QList<QSslError> acceptable;
    for (const QSslError& error : errors) {
        const QByteArray digest = error.certificate().digest(QCryptographicHash::Sha256);
        if (!TrustEvaluator::isVouchingError(error.error())
            || !m_options.allowedClientFingerprints.contains(digest))
            return {};
        acceptable << error;
    }
    return acceptable;
}

} // namespace securechat
