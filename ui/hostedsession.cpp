// SPDX-License-Identifier: MIT
#include "hostedsession.h"

#include "discovery/sessionannouncer.h"
#include "session/hostcommandline.h"
#include "tls/endpoint.h"
#include "trust/knownclients.h"

namespace securechat {

namespace {

    QList<CertificateDetails> detailsOf(const QList<QSslCertificate>& chain)
    {
        QList<CertificateDetails> details;
        for (const QSslCertificate& certificate : chain)
            details << CertificateDetails::fromCertificate(certificate);
        return details;
    }

} // namespace

HostedSession::HostedSession(HostOptions options, QObject* parent)
    : ChatSession(parent)
    , m_ownChain(options.identity.chain())
    , m_admission(options.admission)
    , m_knownClientsFile(options.knownClientsFile)
    , m_host(std::make_unique<ChatHost>(std::move(options)))
{
    watchHost();
}

HostedSession::~HostedSession() = default;

Status HostedSession::start()
{
    const Status started = m_host->start();
    if (!started) {
        setPhase(Phase::Ended);
        return started;
    }
    m_port = m_host->port(); // the listener forgets it once it stops
    setPhase(Phase::Active);
    return started;
}

void HostedSession::announceOnLocalNetwork()
{
    if (m_announcer || m_phase != Phase::Active)
        return;
    m_announcer = new SessionAnnouncer(this);
    connect(m_announcer, &SessionAnnouncer::announced, this, [this](const QString& serviceName) {
        Q_EMIT notice(tr("Announced on the local network as “%1”.").arg(serviceName), false);
    });
    connect(m_announcer, &SessionAnnouncer::unavailable, this,
        [this](const QString& reason) { Q_EMIT notice(reason, false); });
    connect(m_announcer, &SessionAnnouncer::failed, this,
        [this](const QString& reason) { Q_EMIT notice(reason, true); });
    connect(this, &ChatSession::ended, m_announcer, &SessionAnnouncer::stop);
    const Status started = m_announcer->start(
        { m_host->nick(), m_host->port(), QString::number(Protocol::Version), fingerprint(), {} });
    if (!started)
        Q_EMIT notice(started.error(), true);
}

bool HostedSession::isAnnounced() const
{
    return m_announcer && m_announcer->isAnnounced();
}

void HostedSession::watchHost()
{
    connect(m_host.get(), &ChatHost::messageReceived, this, &ChatSession::messageReceived);
    connect(m_host.get(), &ChatHost::participantJoined, this, [this](const Participant& participant) {
        m_joinedAt.insert(participant.nick, QDateTime::currentDateTimeUtc());
        Q_EMIT participantJoined(participant);
        checkKnownNick(participant);
    });
    connect(m_host.get(), &ChatHost::participantRejoined, this, [this](const Participant& participant) {
        m_joinedAt.insert(participant.nick, QDateTime::currentDateTimeUtc());
        Q_EMIT participantRejoined(participant);
    });
    connect(
        m_host.get(), &ChatHost::participantLeft, this, [this](const QString& nick, const QString& reason) {
            m_joinedAt.remove(nick);
            Q_EMIT participantLeft(nick, reason);
        });
    connect(m_host.get(), &ChatHost::participantRenamed, this,
        [this](const QString& oldNick, const QString& newNick) {
            m_joinedAt.insert(newNick, m_joinedAt.take(oldNick));
            Q_EMIT participantRenamed(oldNick, newNick);
        });
    connect(m_host.get(), &ChatHost::rosterChanged, this, [this] {
        Q_EMIT rosterChanged();
        Q_EMIT statusChanged();
    });
    connect(m_host.get(), &ChatHost::peerRejected, this, [this](const QString& who, const QString& reason) {
        Q_EMIT notice(tr("A connection from %1 was dropped: %2").arg(who, reason), true);
    });
    connect(m_host.get(), &ChatHost::stopped, this, [this] {
        setPhase(Phase::Ended);
        Q_EMIT ended(tr("You closed the session."));
    });
}

void HostedSession::checkKnownNick(const Participant& participant)
{
    if (m_knownClientsFile.isEmpty())
        return;
    KnownClients known(m_knownClientsFile);
    if (!known.load())
        return;
    const auto other = known.admittedUnderNickWithOtherCertificate(
        participant.nick, CertificateDetails::parseFingerprint(participant.fingerprint));
    if (!other)
        return;
    Q_EMIT notice(other->verdict == KnownClient::Verdict::Verified
            ? tr("%1 joined with another certificate than the %1 you verified: it may be someone else "
                 "using the name. Check with Verify… before trusting them.")
                  .arg(participant.nick)
            : tr("%1 joined with another certificate than the %1 you always admit: it may be someone else "
                 "using the name. Check with Verify… before trusting them.")
                  .arg(participant.nick),
        true);
}

void HostedSession::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
    Q_EMIT statusChanged();
}

QString HostedSession::listeningOn() const
{
    return describeEndpoint(m_host->address(), m_host->port());
}

QString HostedSession::fingerprint() const
{
    return m_host->fingerprint();
}

QString HostedSession::title() const
{
    return m_phase == Phase::Ended ? tr("Hosted on port %1 (ended)").arg(m_port)
                                   : tr("Hosting on port %1").arg(m_port);
}

QString HostedSession::ownNick() const
{
    return m_host->nick();
}

QList<Participant> HostedSession::participants() const
{
    return m_host->participants();
}

ChatSession::Security HostedSession::security() const
{
    if (m_phase != Phase::Active)
        return Security::Insecure;
    const QList<Participant> everyone = m_host->participants();
    if (everyone.size() <= 1)
        return Security::Listening;
    const bool allVerified = std::all_of(everyone.cbegin() + 1, everyone.cend(),
        [](const Participant& participant) { return participant.verified; });
    return allVerified ? Security::Verified : Security::Unverified;
}

QString HostedSession::summary() const
{
    if (m_phase != Phase::Active)
        return tr("Not hosting");
    const QList<Participant> everyone = m_host->participants();
    const auto peers = everyone.size() - 1;
    const auto verified = std::count_if(everyone.cbegin() + 1, everyone.cend(),
        [](const Participant& participant) { return participant.verified; });
    const auto compared = std::count_if(everyone.cbegin() + 1, everyone.cend(),
        [](const Participant& participant) { return participant.comparedByHost; });
    QString people;
    if (peers == 0)
        people = tr("waiting for peers");
    else
        people = (peers == 1 ? tr("1 peer") : tr("%1 peers").arg(peers)) + QStringLiteral(", ")
            + tr("%1 checked").arg(verified);
    if (compared > 0)
        people += QStringLiteral(", ") + tr("%1 verified by you").arg(compared);
    return tr("Hosting on %1").arg(listeningOn()) + QStringLiteral(" · ") + people;
}

QList<CertificateDetails> HostedSession::certificateChain(const QString& nick) const
{
    return detailsOf(nick == m_host->nick() ? m_ownChain : m_host->certificateChainOf(nick));
}

std::optional<SessionDetails> HostedSession::connectionDetails(const QString& nick) const
{
    std::optional<SessionDetails> details = m_host->sessionDetailsOf(nick);
    if (details)
        details->connectedSince = m_joinedAt.value(nick, details->connectedSince);
    return details;
}

QString HostedSession::defaultPeer() const
{
    const QList<Participant> everyone = m_host->participants();
    return everyone.size() > 1 ? everyone.at(1).nick : m_host->nick();
}

Status HostedSession::markVerified(const QString& nick)
{
    return m_host->markVerified(nick);
}

bool HostedSession::isVerified(const QString& nick) const
{
    const QList<Participant> everyone = m_host->participants();
    return std::any_of(everyone.cbegin(), everyone.cend(), [&nick](const Participant& participant) {
        return participant.nick == nick && participant.comparedByHost;
    });
}

void HostedSession::send(const QString& text)
{
    if (m_phase != Phase::Active)
        return;
    // /kick and /block work here as in the CLI; requests are answered on their cards instead.
    if (const auto command = HostCommandLine::parse(text); command && command->removes()) {
        const Status removed
            = m_host->remove(command->target, command->reason, command->verb == HostCommandLine::Verb::Block);
        if (!removed)
            Q_EMIT notice(removed.error(), true);
        return;
    }
    Q_EMIT messageSent(m_host->sendMessage(text), Delivery::Confirmed);
}

void HostedSession::end()
{
    if (m_phase == Phase::Active)
        m_host->stop();
}

} // namespace securechat
