// SPDX-License-Identifier: MIT
#pragma once

/*
 * Structured-mode frames: one compact UTF-8 JSON object per LF-terminated line (the line grammar
 * is in linecodec.h). Every frame has a string member "type"; the others by type:
 *
 *   type     required                        optional (default)
 *   hello    version (int), nick             client (""), rejoined (false; from a client: back
 *                                            after a lost connection, under the name it had)
 *   msg      id, text                        from (""; the host fills it in when relaying),
 *                                            ts (0; ms since epoch, UTC), seq (0; set by the host)
 *   ack      id                              seq (0)
 *   join     nick                            fingerprint (""), verified (false), structured (true),
 *                                            rejoined (false; back under the name kept for it)
 *   leave    nick                            reason ("")
 *   roster   participants: array of objects  -
 *              { nick, fingerprint (""), verified (false), structured (true) }
 *   nick     nick                            from (""; old nick, in the host's rename notice)
 *   ping     -                               -
 *   pong     -                               -
 *   bye      -                               reason ("")
 *   error    code, text                      -
 *
 * Members are strings unless marked; int members are JSON numbers with an integral value, and
 * verified / structured / rejoined are JSON booleans. A member of the wrong JSON type or a missing required
 * member makes the frame malformed. Members not listed are ignored, and a frame whose type this
 * version does not know decodes as FrameType::Unknown, so newer peers can add both.
 */

#include "base/result.h"

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace securechat {

enum class FrameType { Hello, Message, Ack, Join, Leave, Roster, Nick, Ping, Pong, Bye, Error, Unknown };

/// One person in a session, as the host describes them to everyone.
struct Participant final {
    QString nick;
    QString fingerprint; // SHA-256 of their certificate, "AB:CD:..."; empty without one
    bool verified = false; // the host checked its certificate: by a CA, an allow list, or as known
    bool structured = true; // a SecureChat client, rather than a text-mode peer (openssl, ncat)
    bool knownToHost = false; // verified as a client the host chose to always admit
    bool comparedByHost = false; // known, and the host's person compared the safety number with it
    bool operator==(const Participant&) const = default;
};

/// A decoded structured-mode frame; only the members its type uses are meaningful.
struct Frame final {
    FrameType type = FrameType::Unknown;
    QString typeName; // the wire name, set only for FrameType::Unknown
    QString id;
    QString from;
    QString nick;
    QString text;
    QString reason;
    QString code;
    qint64 seq = 0;
    qint64 timestamp = 0; // ms since epoch, UTC
    int version = 0;
    QString client;
    QList<Participant> participants; // roster; for join, exactly the one who joined
    bool rejoined = false; // join, hello: a participant whose connection was lost is back
    bool operator==(const Frame&) const = default;
};

/// Encodes and decodes structured-mode frames.
namespace Protocol {
    inline constexpr int Version = 1;
    inline constexpr char Alpn[] = "securechat/1";
    /// Compact JSON plus LF; optional members at their default value are left out.
    QByteArray encode(const Frame& frame);
    /// One line, terminator already stripped. Malformed: a failure saying what is wrong.
    Result<Frame> decode(const QString& line);

    /// rejoined: a client coming back after a lost connection, under the name it had; the host
    /// gives it that name even if the old connection still looks alive there.
    Frame hello(const QString& nick, const QString& client, bool rejoined = false);
    Frame message(const QString& id, const QString& from, const QString& text, qint64 timestamp);
    Frame ack(const QString& id, qint64 seq);
    /// rejoined: back after a lost connection, under the name the host kept for it.
    Frame join(const Participant& participant, bool rejoined = false);
    Frame leave(const QString& nick, const QString& reason);
    Frame roster(const QList<Participant>& participants);
    /// A rename: the request a client sends (from empty), or the host's notice (from = old nick).
    Frame rename(const QString& nick, const QString& from = {});
    Frame ping();
    Frame pong();
    Frame bye(const QString& reason);
    Frame error(const QString& code, const QString& text);
} // namespace Protocol

} // namespace securechat

Q_DECLARE_METATYPE(securechat::Participant)
