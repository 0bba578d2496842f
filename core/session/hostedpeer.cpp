// SPDX-License-Identifier: MIT
#include "session/hostedpeer.h"

#include "protocol/textmodeformat.h"
#include "session/peerconnection.h"
#include "tls/endpoint.h"

namespace securechat {

const QByteArray& EncodedFrame::structured() const
{
    if (!m_structured)
        m_structured = Protocol::encode(m_frame);
    return *m_structured;
}

const QByteArray& EncodedFrame::text() const
{
    if (!m_text)
        m_text = TextModeFormat::render(m_frame);
    return *m_text;
}

HostedPeer::HostedPeer(
    PeerConnection* connection, Participant participant, const SessionLimits& limits, QObject* parent)
    : QObject(parent)
    , m_connection(connection)
    , m_participant(std::move(participant))
    , m_endpoint(describeEndpoint(connection->socket().peerAddress(), connection->socket().peerPort()))
    , m_keepalive(limits)
    , m_lineRate(limits.maxLinesPerSecond, double(limits.maxLinesPerSecond) * SessionLimits::RateBurstSeconds)
    , m_byteRate(double(limits.maxBytesPerSecond),
          double(limits.maxBytesPerSecond) * SessionLimits::RateBurstSeconds)
{
    m_connection->setParent(this);
    connect(m_connection, &PeerConnection::lineReceived, this, &HostedPeer::onLine);
    connect(m_connection, &PeerConnection::lineTooLong, this, [this](const QString& message) {
        closeWith(Protocol::error(QStringLiteral("line-too-long"), message),
            { Disconnect::Kind::Protocol, message });
    });
    connect(m_connection, &PeerConnection::finished, this, [this](const Disconnect& reason) {
        m_keepalive.stop();
        // The close after a broken limit or a removal is orderly, but the others and the log
        // should hear why.
        Q_EMIT finished(reason.isClean() && !m_closeReason.message.isEmpty() ? m_closeReason : reason);
    });

    connect(m_connection, &PeerConnection::congested, this, &HostedPeer::congested);
    connect(m_connection, &PeerConnection::drained, this, &HostedPeer::drained);

    connect(&m_keepalive, &Keepalive::pingDue, this, [this] { send(Protocol::ping()); });
    connect(&m_keepalive, &Keepalive::unresponsive, this, [this] {
        abort({ Disconnect::Kind::Network, tr("not responding (no answer to a ping)") });
    });
}

void HostedPeer::start()
{
    if (isStructured())
        m_keepalive.start();
    m_connection->open();
}

void HostedPeer::send(const Frame& frame)
{
    send(EncodedFrame(frame));
}

void HostedPeer::send(const EncodedFrame& frame)
{
    const QByteArray& bytes = isStructured() ? frame.structured() : frame.text();
    if (!bytes.isEmpty())
        m_connection->sendLine(bytes);
}

void HostedPeer::sendTextLine(const QByteArray& line)
{
    if (!isStructured())
        m_connection->sendLine(line);
}

void HostedPeer::closeWith(const Frame& farewell, const Disconnect& reason)
{
    m_closeReason = reason;
    m_closedByHost = true;
    send(farewell);
    m_connection->close();
}

void HostedPeer::abort(const Disconnect& reason)
{
    m_connection->abort(reason);
}

void HostedPeer::holdBack(HoldReason reason)
{
    m_holds |= reason;
    m_connection->pauseReading();
    if (m_toldToSlowDown)
        return;
    m_toldToSlowDown = true;
    send(Protocol::error(QStringLiteral("slow-down"),
        tr("you are sending faster than the session can deliver; slowing down (nothing is lost)")));
}

void HostedPeer::release(HoldReason reason)
{
    m_holds &= ~reason;
    if (m_holds == 0)
        m_connection->resumeReading();
}

std::chrono::milliseconds HostedPeer::chargeRate(qsizetype bytes)
{
    return std::max(m_lineRate.take(1), m_byteRate.take(static_cast<double>(bytes)));
}

void HostedPeer::onLine(const QString& line)
{
    if (!isStructured()) {
        const QString rename = TextModeFormat::renameRequest(line);
        if (!rename.isEmpty())
            Q_EMIT frameReceived(Protocol::rename(rename));
        else if (!line.isEmpty())
            Q_EMIT frameReceived(Protocol::message(QString(), QString(), line, 0));
        return;
    }
    m_keepalive.noteActivity();
    auto frame = Protocol::decode(line);
    if (!frame) {
        Q_EMIT malformedFrame(frame.error());
        return;
    }
    if (frame->type == FrameType::Ping)
        send(Protocol::pong());
    else
        Q_EMIT frameReceived(frame.value());
}

} // namespace securechat
