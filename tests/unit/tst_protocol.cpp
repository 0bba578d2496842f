// SPDX-License-Identifier: MIT
#include "protocol/protocol.h"
#include "protocol/textmodeformat.h"

#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

Participant participant(const char* nick, const char* fingerprint, bool verified, bool structured)
{
    return Participant { str(nick), str(fingerprint), verified, structured };
}

} // namespace

namespace securechat {
// Lets QCOMPARE show the frames that differ.
char* toString(const Frame& frame)
{
    return qstrdup(Protocol::encode(frame).chopped(1).constData());
}
} // namespace securechat

class tst_Protocol final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrips_data();
    void roundTrips();
    void encodesCompactJsonLine_data();
    void encodesCompactJsonLine();
    void decodesWireExamples_data();
    void decodesWireExamples();
    void rejectsMalformedFrames_data();
    void rejectsMalformedFrames();
    void acceptsUnknownTypeForForwardCompatibility();
    void textModePeersReadAReconnection();
};

void tst_Protocol::roundTrips_data()
{
    QTest::addColumn<Frame>("frame");

    Frame relayed = Protocol::message(str("m-2"), str("bob"), str("second"), 1700000000123);
    relayed.seq = 42;

    QTest::newRow("hello") << Protocol::hello(str("alice"), str("SecureChat 0.1.0"));
    QTest::newRow("hello, back after a lost connection")
        << Protocol::hello(str("alice"), str("SecureChat 0.1.0"), true);
    QTest::newRow("msg from a client") << Protocol::message(str("m-1"), QString(), str("hi"), 1700000000000);
    QTest::newRow("msg relayed with seq") << relayed;
    QTest::newRow("msg with newlines and controls")
        << Protocol::message(str("m-3"), str("eve"), str("a\nb\r\n\x1b[2J\t\"q\" \\ 🙂"), 1);
    QTest::newRow("msg with empty text") << Protocol::message(str("m-4"), str("a"), QString(), 0);
    QTest::newRow("ack") << Protocol::ack(str("m-1"), 7);
    QTest::newRow("ack without seq") << Protocol::ack(str("m-1"), 0);
    QTest::newRow("join, verified structured") << Protocol::join(participant("bob", "AB:CD:EF", true, true));
    QTest::newRow("join, text-mode peer") << Protocol::join(participant("ncat-1", "", false, false));
    QTest::newRow("join, known to the host")
        << Protocol::join(Participant { str("carol"), str("AB"), true, true, true });
    QTest::newRow("join, verified by the host")
        << Protocol::join(Participant { str("carol"), str("AB"), true, true, true, true });
    QTest::newRow("join, back after a lost connection")
        << Protocol::join(participant("bob", "AB:CD:EF", false, true), true);
    QTest::newRow("leave") << Protocol::leave(str("bob"), str("not reading"));
    QTest::newRow("leave without reason") << Protocol::leave(str("bob"), QString());
    QTest::newRow("roster, empty") << Protocol::roster({});
    QTest::newRow("roster, three") << Protocol::roster({ participant("alice", "01:02", true, true),
        participant("bob", "", false, false), participant("carol", "03:04", false, true) });
    QTest::newRow("nick request") << Protocol::rename(str("carol"));
    QTest::newRow("nick notice") << Protocol::rename(str("carol"), str("bob"));
    QTest::newRow("ping") << Protocol::ping();
    QTest::newRow("pong") << Protocol::pong();
    QTest::newRow("bye") << Protocol::bye(str("closing"));
    QTest::newRow("bye without reason") << Protocol::bye(QString());
    QTest::newRow("error") << Protocol::error(str("too-long"), str("line longer than 65536 bytes"));
}

void tst_Protocol::roundTrips()
{
    QFETCH(Frame, frame);

    const QByteArray encoded = Protocol::encode(frame);
    QVERIFY(encoded.endsWith('\n'));
    QCOMPARE(encoded.count('\n'), 1);
    QVERIFY(!encoded.contains('\r'));
    const Result<Frame> decoded = Protocol::decode(QString::fromUtf8(encoded.chopped(1)));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    QCOMPARE(decoded.value(), frame);
}

void tst_Protocol::encodesCompactJsonLine_data()
{
    QTest::addColumn<Frame>("frame");
    QTest::addColumn<QByteArray>("line");

    QTest::newRow("hello") << Protocol::hello(str("alice"), str("cli"))
                           << QByteArray(R"({"client":"cli","nick":"alice","type":"hello","version":1})"
                                         "\n");
    QTest::newRow("hello, rejoining")
        << Protocol::hello(str("alice"), str("cli"), true)
        << QByteArray(R"({"client":"cli","nick":"alice","rejoined":true,"type":"hello","version":1})"
                      "\n");
    QTest::newRow("msg leaves out defaults") << Protocol::message(str("1"), QString(), str("hi"), 0)
                                             << QByteArray(R"({"id":"1","text":"hi","type":"msg"})"
                                                           "\n");
    QTest::newRow("join")
        << Protocol::join(participant("bob", "AB", true, false))
        << QByteArray(R"({"fingerprint":"AB","nick":"bob","structured":false,"type":"join","verified":true})"
                      "\n");
    QTest::newRow("rejoin") << Protocol::join(participant("bob", "AB", false, true), true)
                            << QByteArray(R"({"fingerprint":"AB","nick":"bob","rejoined":true,"type":"join"})"
                                          "\n");
    QTest::newRow("ping") << Protocol::ping()
                          << QByteArray(R"({"type":"ping"})"
                                        "\n");
}

void tst_Protocol::encodesCompactJsonLine()
{
    QFETCH(Frame, frame);
    QFETCH(QByteArray, line);

    QCOMPARE(Protocol::encode(frame), line);
}

void tst_Protocol::decodesWireExamples_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<Frame>("frame");

    Frame message = Protocol::message(str("m-9"), str("bob"), str("yo"), 1700000000000);
    message.seq = 3;
    QTest::newRow("msg") << str(
        R"({"type":"msg","id":"m-9","from":"bob","text":"yo","ts":1700000000000,"seq":3})")
                         << message;
    QTest::newRow("whole number written as 3.0")
        << str(R"({"type":"ack","id":"m","seq":3.0})") << Protocol::ack(str("m"), 3);
    QTest::newRow("join defaults") << str(R"({"type":"join","nick":"bob"})")
                                   << Protocol::join(participant("bob", "", false, true));
    QTest::newRow("roster entry defaults") << str(R"({"type":"roster","participants":[{"nick":"a"}]})")
                                           << Protocol::roster({ participant("a", "", false, true) });
    QTest::newRow("members unknown to this version ignored")
        << str(R"({"type":"ping","future":{"x":[1,2]},"nick":5})") << Protocol::ping();
    QTest::newRow("whitespace between tokens")
        << str(" { \"type\" : \"bye\" , \"reason\" : \"done\" } ") << Protocol::bye(str("done"));
    QTest::newRow("escaped controls decoded") << str(R"({"type":"error","code":"c","text":"a\u001bb\nc"})")
                                              << Protocol::error(str("c"),
                                                     str("a\x1b"
                                                         "b\nc"));
}

void tst_Protocol::decodesWireExamples()
{
    QFETCH(QString, line);
    QFETCH(Frame, frame);

    const Result<Frame> decoded = Protocol::decode(line);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    QCOMPARE(decoded.value(), frame);
}

void tst_Protocol::rejectsMalformedFrames_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("error");

    const auto row = [](const char* name, const char* line, const char* error) {
        QTest::newRow(name) << str(line) << str(error);
    };
    row("empty line", "", "not valid JSON");
    row("not JSON", "hello there", "not valid JSON");
    row("truncated object", R"({"type":"ping")", "not valid JSON");
    row("two objects", R"({"type":"ping"}{"type":"pong"})", "not valid JSON");
    row("JSON array", R"([{"type":"ping"}])", "must be a JSON object");
    row("JSON string", R"("ping")", "not valid JSON");
    row("missing type", R"({"nick":"a"})", "frame has no \"type\"");
    row("type is a number", R"({"type":3})", "\"type\" must be a non-empty string");
    row("type is empty", R"({"type":""})", "\"type\" must be a non-empty string");
    row("rejoined is a string", R"({"type":"join","nick":"bob","rejoined":"yes"})",
        "\"rejoined\" must be true or false");
    row("hello's rejoined is a number", R"({"type":"hello","version":1,"nick":"a","rejoined":1})",
        "\"rejoined\" must be true or false");
    row("msg text is a number", R"({"type":"msg","id":"1","text":5})",
        "\"msg\" frame: \"text\" must be a string");
    row("msg text is null", R"({"type":"msg","id":"1","text":null})", "\"text\" must be a string");
    row("msg without id", R"({"type":"msg","text":"t"})", "\"msg\" frame has no \"id\"");
    row("msg without text", R"({"type":"msg","id":"1"})", "\"msg\" frame has no \"text\"");
    row("msg ts is a string", R"({"type":"msg","id":"1","text":"t","ts":"now"})",
        "\"ts\" must be a whole number");
    row("msg seq is a fraction", R"({"type":"msg","id":"1","text":"t","seq":1.5})",
        "\"seq\" must be a whole number");
    row("ack seq too large", R"({"type":"ack","id":"1","seq":1e300})", "\"seq\" must be a whole number");
    row("ack without id", R"({"type":"ack","seq":1})", "\"ack\" frame has no \"id\"");
    row("hello without version", R"({"type":"hello","nick":"a"})", "has no \"version\"");
    row("hello version is a string", R"({"type":"hello","version":"1","nick":"a"})",
        "\"version\" must be a whole number");
    row("hello version out of int range", R"({"type":"hello","version":4294967296,"nick":"a"})",
        "\"version\" is out of range");
    row("hello without nick", R"({"type":"hello","version":1})", "\"hello\" frame has no \"nick\"");
    row("hello client is an object", R"({"type":"hello","version":1,"nick":"a","client":{}})",
        "\"client\" must be a string");
    row("join without nick", R"({"type":"join","verified":true})", "\"join\" frame has no \"nick\"");
    row("join verified is a string", R"({"type":"join","nick":"a","verified":"yes"})",
        "\"verified\" must be true or false");
    row("leave without nick", R"({"type":"leave"})", "\"leave\" frame has no \"nick\"");
    row("roster without participants", R"({"type":"roster"})", "has no \"participants\"");
    row("roster participants not a list", R"({"type":"roster","participants":{}})",
        "\"participants\" must be a list");
    row("roster entry not an object", R"({"type":"roster","participants":[{"nick":"a"},"b"]})",
        "participant 2 is not an object");
    row("roster entry without nick", R"({"type":"roster","participants":[{"verified":true}]})",
        "participant 1 has no \"nick\"");
    row("roster entry structured is a number",
        R"({"type":"roster","participants":[{"nick":"a","structured":1}]})",
        "\"structured\" must be true or false");
    row("nick without nick", R"({"type":"nick","from":"a"})", "\"nick\" frame has no \"nick\"");
    row("bye reason is a list", R"({"type":"bye","reason":[]})", "\"reason\" must be a string");
    row("error without code", R"({"type":"error","text":"t"})", "\"error\" frame has no \"code\"");
    row("error text is a number", R"({"type":"error","code":"c","text":1})", "\"text\" must be a string");
}

void tst_Protocol::rejectsMalformedFrames()
{
    QFETCH(QString, line);
    QFETCH(QString, error);

    const Result<Frame> decoded = Protocol::decode(line);
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.error().contains(error), qPrintable(decoded.error()));
}

void tst_Protocol::acceptsUnknownTypeForForwardCompatibility()
{
    const Result<Frame> decoded = Protocol::decode(str(R"({"type":"typing","nick":7,"extra":[1]})"));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error()));
    QCOMPARE(decoded->type, FrameType::Unknown);
    QCOMPARE(decoded->typeName, str("typing"));
}

void tst_Protocol::textModePeersReadAReconnection()
{
    const Participant bob = participant("bob", "AB", false, true);
    QCOMPARE(TextModeFormat::render(Protocol::join(bob, true)), QByteArray("* bob reconnected\n"));
    QCOMPARE(TextModeFormat::render(Protocol::join(bob)), QByteArray("* bob joined\n"));
}

QTEST_GUILESS_MAIN(tst_Protocol)
#include "tst_protocol.moc"
