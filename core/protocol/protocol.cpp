// SPDX-License-Identifier: MIT
#include "protocol/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <array>
#include <limits>
#include <optional>
#include <utility>

namespace securechat {

namespace {

    struct TypeName {
        FrameType type {};
        QLatin1String name;
    };

    constexpr std::array<TypeName, 11> TypeNames { {
        { FrameType::Hello, QLatin1String("hello") },
        { FrameType::Message, QLatin1String("msg") },
        { FrameType::Ack, QLatin1String("ack") },
        { FrameType::Join, QLatin1String("join") },
        { FrameType::Leave, QLatin1String("leave") },
        { FrameType::Roster, QLatin1String("roster") },
        { FrameType::Nick, QLatin1String("nick") },
        { FrameType::Ping, QLatin1String("ping") },
        { FrameType::Pong, QLatin1String("pong") },
        { FrameType::Bye, QLatin1String("bye") },
        { FrameType::Error, QLatin1String("error") },
    } };

    QString wireName(const Frame& frame)
    {
        for (const TypeName& entry : TypeNames) {
            if (entry.type == frame.type)
                return entry.name;
        }
        return frame.typeName;
    }

    FrameType typeOf(const QString& name)
    {
        for (const TypeName& entry : TypeNames) {
            if (entry.name == name)
                return entry.type;
        }
        return FrameType::Unknown;
    }

    // The value of a JSON number if it is an integer that fits in qint64. toInteger() answers its
    // default for a fraction or an out-of-range number; asking with two defaults tells that apart
    // from a genuine value equal to one of them.
    std::optional<qint64> integerOf(const QJsonValue& value)
    {
        if (!value.isDouble())
            return std::nullopt;
        const qint64 number = value.toInteger(0);
        if (number != value.toInteger(1))
            return std::nullopt;
        return number;
    }

    // Reads the members of one JSON object, remembering the first problem in words.
    class Reader final {
    public:
        Reader(const QJsonObject& object, QString context)
            : m_object(object)
            , m_context(std::move(context))
        {
        }

        QString string(QLatin1String key, bool required)
        {
            const std::optional<QJsonValue> value = member(key, required, &QJsonValue::isString, "a string");
            return value ? value->toString() : QString();
        }

        qint64 integer(QLatin1String key, bool required)
        {
            const std::optional<QJsonValue> value
                = member(key, required, &QJsonValue::isDouble, "a whole number");
            const std::optional<qint64> number = value ? integerOf(*value) : std::nullopt;
            if (value && !number)
                complain(key, "a whole number");
            return number.value_or(0);
        }

        bool boolean(QLatin1String key, bool fallback)
        {
            const std::optional<QJsonValue> value = member(key, false, &QJsonValue::isBool, "true or false");
            return value ? value->toBool() : fallback;
        }

        QJsonArray array(QLatin1String key)
        {
            const std::optional<QJsonValue> value = member(key, true, &QJsonValue::isArray, "a list");
            return value ? value->toArray() : QJsonArray();
        }

        Participant participant()
        {
            Participant participant;
            participant.nick = string(QLatin1String("nick"), true);
            participant.fingerprint = string(QLatin1String("fingerprint"), false);
            participant.verified = boolean(QLatin1String("verified"), false);
            participant.knownToHost = boolean(QLatin1String("known"), false);
            participant.comparedByHost = boolean(QLatin1String("compared"), false);
            participant.structured = boolean(QLatin1String("structured"), true);
            return participant;
        }

        const QString& error() const { return m_error; }
        void setError(const QString& error)
        {
            if (m_error.isEmpty())
                m_error = error;
        }

    private:
        // The member if present with the expected JSON type; otherwise nothing, and a note of the
        // problem unless an optional member is simply absent.
        std::optional<QJsonValue> member(
            QLatin1String key, bool required, bool (QJsonValue::*hasType)() const, const char* expected)
        {
            const QJsonValue value = m_object.value(key);
            if (value.isUndefined()) {
                if (required)
                    setError(m_context + QStringLiteral(" has no \"%1\"").arg(key));
                return std::nullopt;
            }
            if (!(value.*hasType)()) {
                complain(key, expected);
                return std::nullopt;
            }
            return value;
        }

        void complain(QLatin1String key, const char* expected)
        {
            setError(m_context + QStringLiteral(": \"%1\" must be %2").arg(key, QLatin1String(expected)));
        }

        const QJsonObject& m_object;
        QString m_context;
        QString m_error;
    };

    void readFields(Frame& frame, Reader& reader)
    {
        constexpr bool Required = true;
        constexpr bool Optional = false;
        switch (frame.type) {
        case FrameType::Hello: {
            const qint64 version = reader.integer(QLatin1String("version"), Required);
            if (version < std::numeric_limits<int>::min() || version > std::numeric_limits<int>::max())
                reader.setError(QStringLiteral("\"hello\" frame: \"version\" is out of range"));
            else
                frame.version = static_cast<int>(version);
            frame.nick = reader.string(QLatin1String("nick"), Required);
            frame.client = reader.string(QLatin1String("client"), Optional);
            frame.rejoined = reader.boolean(QLatin1String("rejoined"), false);
            break;
        }
        case FrameType::Message:
            frame.id = reader.string(QLatin1String("id"), Required);
            frame.text = reader.string(QLatin1String("text"), Required);
            frame.from = reader.string(QLatin1String("from"), Optional);
            frame.timestamp = reader.integer(QLatin1String("ts"), Optional);
            frame.seq = reader.integer(QLatin1String("seq"), Optional);
            break;
        case FrameType::Ack:
            frame.id = reader.string(QLatin1String("id"), Required);
            frame.seq = reader.integer(QLatin1String("seq"), Optional);
            break;
        case FrameType::Join: {
            const Participant participant = reader.participant();
            frame.nick = participant.nick;
            frame.participants = { participant };
            frame.rejoined = reader.boolean(QLatin1String("rejoined"), false);
            break;
        }
        case FrameType::Leave:
            frame.nick = reader.string(QLatin1String("nick"), Required);
            frame.reason = reader.string(QLatin1String("reason"), Optional);
            break;
        case FrameType::Roster: {
            const QJsonArray entries = reader.array(QLatin1String("participants"));
            for (qsizetype i = 0; i < entries.size(); ++i) {
                const QJsonValue entry = entries.at(i);
                const QString context = QStringLiteral("\"roster\" frame, participant %1").arg(i + 1);
                if (!entry.isObject()) {
                    reader.setError(context + QStringLiteral(" is not an object"));
                    break;
                }
                const QJsonObject object = entry.toObject();
                Reader entryReader(object, context);
                frame.participants.append(entryReader.participant());
                if (!entryReader.error().isEmpty()) {
                    reader.setError(entryReader.error());
                    break;
                }
            }
            break;
        }
        case FrameType::Nick:
            frame.nick = reader.string(QLatin1String("nick"), Required);
            frame.from = reader.string(QLatin1String("from"), Optional);
            break;
        case FrameType::Bye:
            frame.reason = reader.string(QLatin1String("reason"), Optional);
            break;
        case FrameType::Error:
            frame.code = reader.string(QLatin1String("code"), Required);
            frame.text = reader.string(QLatin1String("text"), Required);
            break;
        case FrameType::Ping:
        case FrameType::Pong:
        case FrameType::Unknown:
            break;
        }
    }

    void putString(QJsonObject& object, QLatin1String key, const QString& value)
    {
        if (!value.isEmpty())
            object.insert(key, value);
    }

    void putInteger(QJsonObject& object, QLatin1String key, qint64 value)
    {
        if (value != 0)
            object.insert(key, value);
    }

    void putParticipant(QJsonObject& object, const Participant& participant)
    {
        object.insert(QLatin1String("nick"), participant.nick);
        putString(object, QLatin1String("fingerprint"), participant.fingerprint);
        if (participant.verified)
            object.insert(QLatin1String("verified"), true);
        if (participant.knownToHost)
            object.insert(QLatin1String("known"), true);
        if (participant.comparedByHost)
            object.insert(QLatin1String("compared"), true);
        if (!participant.structured)
            object.insert(QLatin1String("structured"), false);
    }

    Frame ofType(FrameType type)
    {
        Frame frame;
        frame.type = type;
        return frame;
    }

} // namespace

QByteArray Protocol::encode(const Frame& frame)
{
    QJsonObject object;
    object.insert(QLatin1String("type"), wireName(frame));
    switch (frame.type) {
    case FrameType::Hello:
        object.insert(QLatin1String("version"), frame.version);
        object.insert(QLatin1String("nick"), frame.nick);
        putString(object, QLatin1String("client"), frame.client);
        if (frame.rejoined)
            object.insert(QLatin1String("rejoined"), true);
        break;
    case FrameType::Message:
        object.insert(QLatin1String("id"), frame.id);
        object.insert(QLatin1String("text"), frame.text);
        putString(object, QLatin1String("from"), frame.from);
        putInteger(object, QLatin1String("ts"), frame.timestamp);
        putInteger(object, QLatin1String("seq"), frame.seq);
        break;
    case FrameType::Ack:
        object.insert(QLatin1String("id"), frame.id);
        putInteger(object, QLatin1String("seq"), frame.seq);
        break;
    case FrameType::Join: {
        Participant participant = frame.participants.value(0);
        participant.nick = frame.nick;
        putParticipant(object, participant);
        if (frame.rejoined)
            object.insert(QLatin1String("rejoined"), true);
        break;
    }
    case FrameType::Leave:
        object.insert(QLatin1String("nick"), frame.nick);
        putString(object, QLatin1String("reason"), frame.reason);
        break;
    case FrameType::Roster: {
        QJsonArray entries;
        for (const Participant& participant : frame.participants) {
            QJsonObject entry;
            putParticipant(entry, participant);
            entries.append(entry);
        }
        object.insert(QLatin1String("participants"), entries);
        break;
    }
    case FrameType::Nick:
        object.insert(QLatin1String("nick"), frame.nick);
        putString(object, QLatin1String("from"), frame.from);
        break;
    case FrameType::Bye:
        putString(object, QLatin1String("reason"), frame.reason);
        break;
    case FrameType::Error:
        object.insert(QLatin1String("code"), frame.code);
        object.insert(QLatin1String("text"), frame.text);
        break;
    case FrameType::Ping:
    case FrameType::Pong:
    case FrameType::Unknown:
        break;
    }
    QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    line.append('\n'); // not "+ '\n'": QStringBuilder copies a QByteArray byte by byte
    return line;
}

Result<Frame> Protocol::decode(const QString& line)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Result<Frame>::failure(QStringLiteral("not valid JSON (%1 at byte %2)")
                                          .arg(parseError.errorString())
                                          .arg(parseError.offset));
    }
    if (!document.isObject())
        return Result<Frame>::failure(QStringLiteral("a frame must be a JSON object"));

    const QJsonObject object = document.object();
    const QJsonValue type = object.value(QLatin1String("type"));
    if (type.isUndefined())
        return Result<Frame>::failure(QStringLiteral("frame has no \"type\""));
    if (!type.isString() || type.toString().isEmpty())
        return Result<Frame>::failure(QStringLiteral("frame \"type\" must be a non-empty string"));

    Frame frame;
    frame.type = typeOf(type.toString());
    if (frame.type == FrameType::Unknown)
        frame.typeName = type.toString();
    Reader reader(object, QStringLiteral("\"%1\" frame").arg(type.toString()));
    readFields(frame, reader);
    if (!reader.error().isEmpty())
        return Result<Frame>::failure(reader.error());
    return Result<Frame>::success(std::move(frame));
}

Frame Protocol::hello(const QString& nick, const QString& client, bool rejoined)
{
    Frame frame = ofType(FrameType::Hello);
    frame.version = Version;
    frame.nick = nick;
    frame.client = client;
    frame.rejoined = rejoined;
    return frame;
}

Frame Protocol::message(const QString& id, const QString& from, const QString& text, qint64 timestamp)
{
    Frame frame = ofType(FrameType::Message);
    frame.id = id;
    frame.from = from;
    frame.text = text;
    frame.timestamp = timestamp;
    return frame;
}

Frame Protocol::ack(const QString& id, qint64 seq)
{
    Frame frame = ofType(FrameType::Ack);
    frame.id = id;
    frame.seq = seq;
    return frame;
}

Frame Protocol::join(const Participant& participant, bool rejoined)
{
    Frame frame = ofType(FrameType::Join);
    frame.nick = participant.nick;
    frame.participants = { participant };
    frame.rejoined = rejoined;
    return frame;
}

Frame Protocol::leave(const QString& nick, const QString& reason)
{
    Frame frame = ofType(FrameType::Leave);
    frame.nick = nick;
    frame.reason = reason;
    return frame;
}

Frame Protocol::roster(const QList<Participant>& participants)
{
    Frame frame = ofType(FrameType::Roster);
    frame.participants = participants;
    return frame;
}

Frame Protocol::rename(const QString& nick, const QString& from)
{
    Frame frame = ofType(FrameType::Nick);
    frame.nick = nick;
    frame.from = from;
    return frame;
}

Frame Protocol::ping()
{
    return ofType(FrameType::Ping);
}

Frame Protocol::pong()
{
    return ofType(FrameType::Pong);
}

Frame Protocol::bye(const QString& reason)
{
    Frame frame = ofType(FrameType::Bye);
    frame.reason = reason;
    return frame;
}

Frame Protocol::error(const QString& code, const QString& text)
{
    Frame frame = ofType(FrameType::Error);
    frame.code = code;
    frame.text = text;
    return frame;
}

} // namespace securechat
