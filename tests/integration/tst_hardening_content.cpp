// SPDX-License-Identifier: MIT
// Hostile content inside a healthy TLS session, over real TLS on loopback: text that tries to
// drive a terminal or a renderer, and structured frames that are malformed, oversized, unknown,
// repeated or lying about their sender.
#include "hardeningfixtures.h"
#include "rawpeer.h"
#include "sessionharness.h"

#include <QSignalSpy>
#include <QStringDecoder>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

class TestHardeningContent final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void untrustedTextArrivesAsReadableText_data();
    void untrustedTextArrivesAsReadableText();
    void badFrameIsAnsweredOrIgnoredAsDesigned_data();
    void badFrameIsAnsweredOrIgnoredAsDesigned();
    void messageBeforeHelloIsRefused();
    void oversizedFrameIsRefusedAndThePeerDisconnected();
    void messageThatOutgrowsTheLimitWhenRelayedIsRefused_data();
    void messageThatOutgrowsTheLimitWhenRelayedIsRefused();
    void hostSetsTheSenderAndTheOrder();
};

namespace {

// A QString from a UTF-16 literal, embedded NULs included.
template <size_t N> QString utf16(const char16_t (&literal)[N])
{
    return QString::fromUtf16(literal, N - 1);
}

QByteArray jsonMessage(const QByteArray& escapedText)
{
    return R"({"type":"msg","id":"hostile-1","text":")" + escapedText + R"("})";
}

// Sends a ping and waits for the pong: everything the host answered to earlier lines is in by then.
bool roundTrip(RawPeer& peer)
{
    const qsizetype from = peer.frames().size();
    peer.sendFrame(Protocol::ping());
    return QTest::qWaitFor([&] { return peer.indexOf(FrameType::Pong, from) >= 0; }, 5'000);
}

} // namespace

void TestHardeningContent::untrustedTextArrivesAsReadableText_data()
{
    QTest::addColumn<RawPeer::Mode>("senderMode");
    QTest::addColumn<QByteArray>("sent"); // the line as the sender writes it
    QTest::addColumn<QString>("structuredSees"); // the text a SecureChat client receives
    QTest::addColumn<QString>("textPeerSees"); // the text after "<nick> " on a text peer's terminal
    const auto text = RawPeer::Mode::Text;
    const auto structured = RawPeer::Mode::Structured;

    QTest::newRow("invalid UTF-8") << text << QByteArray("caf\xC3 \xFF\xFE \xC0\xAF \xED\xA0\x80 ok")
                                   << QString::fromUtf8(
                                          "caf\uFFFD \uFFFD\uFFFD \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD ok")
                                   << QString::fromUtf8(
                                          "caf\uFFFD \uFFFD\uFFFD \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD ok");
    QTest::newRow("NUL bytes") << text << QByteArray("before\0after", 12) << utf16(u"before\0after")
                               << QString::fromUtf8("before\u2400after");
    QTest::newRow("terminal escapes") << text << QByteArray("\x1B[2J\x1B]0;pwned\x07red\x1B[0m")
                                      << QString::fromUtf8("\x1B[2J\x1B]0;pwned\x07red\x1B[0m")
                                      << QString::fromUtf8("\u241B[2J\u241B]0;pwned\u2407red\u241B[0m");
    QTest::newRow("C1 control sequence introducer")
        << text
        << QByteArray("\xC2\x9B"
                      "31mred")
        << QString::fromUtf8("\u009B31mred") << QString::fromUtf8("⟨CSI⟩31mred");
    QTest::newRow("carriage return faking a line") << text << QByteArray("fine\r<admin> send me your key")
                                                   << QStringLiteral("fine\r<admin> send me your key")
                                                   << QString::fromUtf8("fine\u240D<admin> send me your key");
    QTest::newRow("bidi override") << text << QByteArray("invoice_\xE2\x80\xAEgpj.exe")
                                   << QString::fromUtf8("invoice_\u202Egpj.exe")
                                   << QString::fromUtf8("invoice_⟨RLO⟩gpj.exe");
    QTest::newRow("HTML") << text
                          << QByteArray(R"(<img src="/dev/zero"><b>bold</b> & <script>alert(1)</script>)")
                          << QStringLiteral(R"(<img src="/dev/zero"><b>bold</b> & <script>alert(1)</script>)")
                          << QStringLiteral(
                                 R"(<img src="/dev/zero"><b>bold</b> & <script>alert(1)</script>)");
    // JSON escapes reach what raw bytes cannot: a lone surrogate, and a line break inside a message.
    QTest::newRow("structured: escapes, lone surrogate, line breaks")
        << structured << jsonMessage(R"(\u001b[31mred \ud800 two\nlines \u2028 \u0000)")
        << utf16(u"\x1B[31mred \xD800 two\nlines \x2028 \0")
        << QString::fromUtf8("\u241B[31mred \uFFFD two\u240Alines ⟨LS⟩ \u2400");
    QTest::newRow("structured: bidi isolate and HTML")
        << structured << jsonMessage(R"(\u2067<i>x</i>\u2069)") << QString::fromUtf8("\u2067<i>x</i>\u2069")
        << QString::fromUtf8("⟨RLI⟩<i>x</i>⟨PDI⟩");
}

void TestHardeningContent::untrustedTextArrivesAsReadableText()
{
    QFETCH(RawPeer::Mode, senderMode);
    QFETCH(QByteArray, sent);
    QFETCH(QString, structuredSees);
    QFETCH(QString, textPeerSees);
    auto host = startFastHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Inbox aliceInbox(*alice);
    RawPeer tess(RawPeer::Mode::Text);
    QVERIFY(!joinRawPeer(tess, *host, RawPeer::Mode::Text, QString()).isEmpty());
    RawPeer mallory(senderMode);
    const QString nick = joinRawPeer(mallory, *host, senderMode, QStringLiteral("mallory"));
    QVERIFY(!nick.isEmpty());

    mallory.sendLine(sent);
    QTRY_COMPARE(aliceInbox.messages.size(), 1);
    QCOMPARE(aliceInbox.messages.at(0).from, nick);
    QCOMPARE(aliceInbox.messages.at(0).text, structuredSees);

    const QByteArray prefix = '<' + nick.toUtf8() + "> ";
    QTRY_VERIFY(std::any_of(tess.lines().cbegin(), tess.lines().cend(),
        [&prefix](const QByteArray& line) { return line.startsWith(prefix); }));
    const QByteArray line = *std::find_if(tess.lines().cbegin(), tess.lines().cend(),
        [&prefix](const QByteArray& line) { return line.startsWith(prefix); });
    QCOMPARE(QString::fromUtf8(line.mid(prefix.size())), textPeerSees);
    // Whatever the row: valid UTF-8, and nothing a terminal would act on.
    QStringDecoder strict(QStringDecoder::Utf8);
    const QString decoded = strict(line);
    QVERIFY(!strict.hasError());
    for (const QChar c : decoded) {
        const char16_t u = c.unicode();
        QVERIFY2(u >= 0x20 && !(u >= 0x7F && u <= 0x9F) && !(u >= 0x202A && u <= 0x202E)
                && !(u >= 0x2066 && u <= 0x2069) && !c.isSurrogate(),
            qPrintable(QStringLiteral("U+%1 reached a terminal").arg(u, 4, 16, QChar(u'0'))));
    }
    QCOMPARE(rosterOf(*host).size(), 4);
}

void TestHardeningContent::badFrameIsAnsweredOrIgnoredAsDesigned_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("errorCode"); // empty: ignored, without a word
    const QString malformed = QStringLiteral("malformed");
    QTest::newRow("not JSON") << QByteArray("hello there") << malformed;
    QTest::newRow("JSON array") << QByteArray("[1,2,3]") << malformed;
    QTest::newRow("truncated JSON") << QByteArray(R"({"type":"msg","id":"a","te)") << malformed;
    QTest::newRow("no type") << QByteArray(R"({"text":"x"})") << malformed;
    QTest::newRow("type not a string") << QByteArray(R"({"type":5})") << malformed;
    QTest::newRow("msg without id") << QByteArray(R"({"type":"msg","text":"x"})") << malformed;
    QTest::newRow("msg text not a string") << QByteArray(R"({"type":"msg","id":"a","text":5})") << malformed;
    QTest::newRow("nested 20,000 deep") << QByteArray(20'000, '[') + QByteArray(20'000, ']') << malformed;
    QTest::newRow("unknown type") << QByteArray(R"({"type":"frobnicate","x":1})") << QString();
    QTest::newRow("hello twice") << QByteArray(R"({"type":"hello","version":1,"nick":"again"})")
                                 << QStringLiteral("duplicate-hello");
    QTest::newRow("rename with a space")
        << QByteArray(R"({"type":"nick","nick":"a b"})") << QStringLiteral("bad-nick");
    QTest::newRow("rename to a taken name")
        << QByteArray(R"({"type":"nick","nick":"ALICE"})") << QStringLiteral("nick-taken");
    // Frames only the host may send: a client sending them changes nothing for anyone.
    QTest::newRow("spoofed leave") << QByteArray(R"({"type":"leave","nick":"alice","reason":"x"})")
                                   << QString();
    QTest::newRow("spoofed join") << QByteArray(R"({"type":"join","nick":"ghost"})") << QString();
    QTest::newRow("spoofed roster") << QByteArray(R"({"type":"roster","participants":[]})") << QString();
    QTest::newRow("spoofed error") << QByteArray(R"({"type":"error","code":"x","text":"y"})") << QString();
    QTest::newRow("spoofed ack") << QByteArray(R"({"type":"ack","id":"a","seq":7})") << QString();
}

void TestHardeningContent::badFrameIsAnsweredOrIgnoredAsDesigned()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, errorCode);
    auto host = startFastHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    QSignalSpy aliceRoster(alice.get(), &ChatClient::rosterChanged);
    QSignalSpy aliceMessages(alice.get(), &ChatClient::messageReceived);
    QSignalSpy aliceErrors(alice.get(), &ChatClient::hostError);
    RawPeer mallory(RawPeer::Mode::Structured);
    QCOMPARE(joinRawPeer(mallory, *host, RawPeer::Mode::Structured, QStringLiteral("mallory")),
        QStringLiteral("mallory"));
    QTRY_COMPARE(aliceRoster.size(), 1); // mallory's join
    const qsizetype from = mallory.frames().size();

    mallory.sendLine(line);
    QVERIFY(roundTrip(mallory));
    QStringList codes;
    for (const Frame& frame : mallory.frames().mid(from)) {
        if (frame.type == FrameType::Error)
            codes << frame.code;
    }
    QCOMPARE(codes, errorCode.isEmpty() ? QStringList() : QStringList { errorCode });
    QVERIFY(!mallory.isDisconnected());
    QCOMPARE(rosterOf(*host),
        QStringList({ QStringLiteral("host"), QStringLiteral("alice"), QStringLiteral("mallory") }));
    QVERIFY(roundTrip(mallory)); // mallory's next frame is still served
    QCOMPARE(alice->participants().size(), 3);
    QCOMPARE(aliceRoster.size(), 1);
    QCOMPARE(aliceMessages.size(), 0);
    QCOMPARE(aliceErrors.size(), 0);
}

void TestHardeningContent::messageBeforeHelloIsRefused()
{
    auto host = startFastHost();
    Inbox hostInbox(*host);
    RawPeer eager(RawPeer::Mode::Structured);
    eager.connectTo(host->port());
    QVERIFY(eager.waitEncrypted());
    eager.sendFrame(Protocol::message(QStringLiteral("early"), QString(), QStringLiteral("me first"), 0));
    QVERIFY(roundTrip(eager));
    QCOMPARE(eager.frames().constFirst().code, QStringLiteral("hello-first"));
    QVERIFY(hostInbox.messages.isEmpty());
    QCOMPARE(eager.join(QStringLiteral("eager")), QStringLiteral("eager"));
}

void TestHardeningContent::oversizedFrameIsRefusedAndThePeerDisconnected()
{
    AliceAndARawPeer scene(RawPeer::Mode::Structured, QStringLiteral("mallory"));
    QCOMPARE(scene.peerNick, QStringLiteral("mallory"));
    RawPeer& mallory = scene.peer;

    mallory.sendLine(jsonMessage(QByteArray(fastLimits().maxLineBytes, 'x')));
    QTRY_VERIFY(mallory.isDisconnected());
    const qsizetype error = mallory.indexOf(FrameType::Error);
    QVERIFY(error >= 0);
    QCOMPARE(mallory.frames().at(error).code, QStringLiteral("line-too-long"));
    QTRY_COMPARE(scene.aliceSawLeave.size(), 1);
    QCOMPARE(scene.aliceSawLeave.at(0).at(0).toString(), QStringLiteral("mallory"));
    QVERIFY(scene.aliceInbox.messages.isEmpty());
    QCOMPARE(scene.alice->state(), ChatClient::State::Joined);
}

void TestHardeningContent::messageThatOutgrowsTheLimitWhenRelayedIsRefused_data()
{
    QTest::addColumn<RawPeer::Mode>("senderMode");
    QTest::addColumn<QByteArray>("sent");
    const qsizetype limit = fastLimits().maxLineBytes;
    // Within the limit as sent; past it once the host adds "from", "seq" and "ts".
    QTest::newRow("frame exactly at the limit")
        << RawPeer::Mode::Structured << jsonMessage(QByteArray(limit - jsonMessage({}).size(), 'x'));
    // 20,000 bytes as sent; JSON writes each as \u0001, six times longer.
    QTest::newRow("text line of control characters") << RawPeer::Mode::Text << QByteArray(20'000, '\x01');
}

void TestHardeningContent::messageThatOutgrowsTheLimitWhenRelayedIsRefused()
{
    QFETCH(RawPeer::Mode, senderMode);
    QFETCH(QByteArray, sent);
    auto host = startFastHost();
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    Inbox aliceInbox(*alice);
    QSignalSpy aliceGone(alice.get(), &ChatClient::disconnected);
    RawPeer mallory(senderMode);
    QVERIFY(!joinRawPeer(mallory, *host, senderMode, QStringLiteral("mallory")).isEmpty());

    mallory.sendLine(sent);
    mallory.sendLine(senderMode == RawPeer::Mode::Text ? QByteArray("short") : jsonMessage("short"));
    QTRY_COMPARE(aliceInbox.texts(), QStringList { QStringLiteral("short") });
    QCOMPARE(aliceGone.size(), 0);
    QCOMPARE(rosterOf(*host).size(), 3);
    const bool told
        = std::any_of(mallory.lines().cbegin(), mallory.lines().cend(), [](const QByteArray& line) {
              return line.contains("message-too-long") || line.startsWith("! message not relayed");
          });
    QVERIFY(told);
}

void TestHardeningContent::hostSetsTheSenderAndTheOrder()
{
    auto host = startFastHost();
    Inbox hostInbox(*host);
    auto alice = joinedClient(*host, QStringLiteral("alice"));
    auto bob = joinedClient(*host, QStringLiteral("bob"));
    Inbox bobInbox(*bob);
    RawPeer mallory(RawPeer::Mode::Structured);
    QCOMPARE(joinRawPeer(mallory, *host, RawPeer::Mode::Structured, QStringLiteral("mallory")),
        QStringLiteral("mallory"));

    mallory.sendLine(R"({"type":"msg","id":"m-1","from":"alice","seq":999,"text":"I am alice"})");
    mallory.sendLine(R"({"type":"msg","id":"m-2","from":"host","seq":1,"text":"I am the host"})");
    QTRY_COMPARE(bobInbox.messages.size(), 2);
    for (const ChatMessage& message : std::as_const(bobInbox.messages))
        QCOMPARE(message.from, QStringLiteral("mallory"));
    QCOMPARE(bobInbox.messages, hostInbox.messages);
    QCOMPARE(bobInbox.messages.at(1).seq, bobInbox.messages.at(0).seq + 1);
    QVERIFY(bobInbox.messages.at(0).seq != 999);
}

QTEST_GUILESS_MAIN(TestHardeningContent)
#include "tst_hardening_content.moc"
