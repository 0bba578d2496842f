// SPDX-License-Identifier: MIT
#include "protocol/linecodec.h"

#include <QTest>

using namespace securechat;

namespace {

QStringList feedAll(LineCodec& codec, const QByteArrayList& chunks)
{
    QStringList lines;
    for (const QByteArray& chunk : chunks)
        lines += codec.feed(chunk);
    return lines;
}

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString fromUtf16(std::initializer_list<char16_t> units)
{
    return QString(reinterpret_cast<const QChar*>(units.begin()), qsizetype(units.size()));
}

} // namespace

class tst_LineCodec final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void splitsLines_data();
    void splitsLines();
    void splitsLinesFedByteByByte_data() { splitsLines_data(); }
    void splitsLinesFedByteByByte();
    void replacesInvalidUtf8AndKeepsReading_data();
    void replacesInvalidUtf8AndKeepsReading();
    void decodesMultiByteSequenceSplitAcrossFeeds_data();
    void decodesMultiByteSequenceSplitAcrossFeeds();
    void acceptsLineExactlyAtLimit_data();
    void acceptsLineExactlyAtLimit();
    void rejectsLineOverLimitAndStops_data();
    void rejectsLineOverLimitAndStops();
    void returnsLinesCompletedBeforeOverlongLine();
    void keepsBufferBoundedWhileHugeLineArrives();
    void finishDeliversFinalPartialLine_data();
    void finishDeliversFinalPartialLine();
    void finishDeliversOnlyOnce();
    void encodeTerminatesLine_data();
    void encodeTerminatesLine();
    void encodedLineIsReadBackAsOneLine_data() { encodeTerminatesLine_data(); }
    void encodedLineIsReadBackAsOneLine();
};

void tst_LineCodec::splitsLines_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QStringList>("lines");

    QTest::newRow("single line") << QByteArrayList { "hello\n" } << QStringList { str("hello") };
    QTest::newRow("several lines in one chunk")
        << QByteArrayList { "a\nbb\nccc\n" } << QStringList { str("a"), str("bb"), str("ccc") };
    QTest::newRow("line split across chunks")
        << QByteArrayList { "hel", "lo\nwor", "ld\n" } << QStringList { str("hello"), str("world") };
    QTest::newRow("CRLF") << QByteArrayList { "a\r\nb\r\n" } << QStringList { str("a"), str("b") };
    QTest::newRow("CR and LF in different chunks")
        << QByteArrayList { "a\r", "\nb\n" } << QStringList { str("a"), str("b") };
    QTest::newRow("bare CR is content") << QByteArrayList { "a\rb\n" } << QStringList { str("a\rb") };
    QTest::newRow("CR CR LF strips one CR") << QByteArrayList { "a\r\r\n" } << QStringList { str("a\r") };
    QTest::newRow("empty lines") << QByteArrayList { "\n\r\n\n" }
                                 << QStringList { QString(), QString(), QString() };
    QTest::newRow("UTF-8 text") << QByteArrayList { "gr\xc3\xbc\xc3\x9f"
                                                    "e \xf0\x9f\x99\x82\n" }
                                << QStringList { QString::fromUtf8("grüße 🙂") };
    QTest::newRow("byte-order mark at line start dropped")
        << QByteArrayList { "\xef\xbb\xbfhi\n" } << QStringList { str("hi") };
    QTest::newRow("NUL is content") << QByteArrayList { QByteArray("a\0b\n", 4) }
                                    << QStringList { fromUtf16({ u'a', 0, u'b' }) };
    QTest::newRow("no terminator yet") << QByteArrayList { "abc" } << QStringList {};
}

void tst_LineCodec::splitsLines()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QStringList, lines);

    LineCodec codec;
    QCOMPARE(feedAll(codec, chunks), lines);
    QVERIFY(!codec.hasError());
}

void tst_LineCodec::splitsLinesFedByteByByte()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(QStringList, lines);

    const QByteArray stream = chunks.join();
    LineCodec codec;
    QStringList received;
    for (qsizetype i = 0; i < stream.size(); ++i)
        received += codec.feed(stream.sliced(i, 1));
    QCOMPARE(received, lines);
}

void tst_LineCodec::replacesInvalidUtf8AndKeepsReading_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("line");

    const QString r(QChar::ReplacementCharacter);
    QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf"
                                                  "b")
                                    << QString(str("a") + r + r + str("b"));
    QTest::newRow("overlong NUL") << QByteArray("\xc0\x80") << QString(r + r);
    QTest::newRow("encoded surrogate") << QByteArray("\xed\xa0\x80z") << QString(r + r + r + str("z"));
    QTest::newRow("truncated at line end") << QByteArray("a\xe2\x82") << QString(str("a") + r + r);
    QTest::newRow("truncated mid-line") << QByteArray("\xe2\x82z") << QString(r + r + str("z"));
    QTest::newRow("stray continuation") << QByteArray("\x80x") << QString(r + str("x"));
    QTest::newRow("byte 0xFF") << QByteArray("\xffy") << QString(r + str("y"));
    QTest::newRow("beyond U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << QString(r + r + r + r);
}

void tst_LineCodec::replacesInvalidUtf8AndKeepsReading()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, line);

    LineCodec codec;
    QCOMPARE(codec.feed(QByteArray(bytes + "\nafter\n")), (QStringList { line, str("after") }));
    QVERIFY(!codec.hasError());
}

void tst_LineCodec::decodesMultiByteSequenceSplitAcrossFeeds_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qsizetype>("splitAt");

    const QByteArray euro = QString::fromUtf8("€").toUtf8();
    const QByteArray smile = QString::fromUtf8("🙂").toUtf8();
    for (qsizetype at = 1; at < euro.size(); ++at)
        QTest::addRow("three bytes, split after %lld", qlonglong(at)) << euro << at;
    for (qsizetype at = 1; at < smile.size(); ++at)
        QTest::addRow("four bytes, split after %lld", qlonglong(at)) << smile << at;
}

void tst_LineCodec::decodesMultiByteSequenceSplitAcrossFeeds()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qsizetype, splitAt);

    LineCodec codec;
    QVERIFY(codec.feed(bytes.first(splitAt)).isEmpty());
    QCOMPARE(codec.feed(QByteArray(bytes.sliced(splitAt) + '\n')), QStringList { QString::fromUtf8(bytes) });
}

void tst_LineCodec::acceptsLineExactlyAtLimit_data()
{
    QTest::addColumn<qsizetype>("limit");
    QTest::addColumn<QByteArrayList>("chunks");

    const QByteArray atLimit(16, 'x');
    QTest::newRow("LF") << qsizetype(16) << QByteArrayList { atLimit + '\n' };
    QTest::newRow("CRLF") << qsizetype(16) << QByteArrayList { atLimit + "\r\n" };
    QTest::newRow("CR ends a chunk") << qsizetype(16) << QByteArrayList { atLimit + '\r', "\n" };
    QByteArrayList byteByByte(16, QByteArray("x"));
    byteByByte << "\n";
    QTest::newRow("byte by byte") << qsizetype(16) << byteByByte;
    QTest::newRow("default limit, 64 KiB")
        << LineCodec::DefaultMaxLineBytes
        << QByteArrayList { QByteArray(LineCodec::DefaultMaxLineBytes, 'y'), "\n" };
    QTest::newRow("limit zero, empty line") << qsizetype(0) << QByteArrayList { "\r", "\n" };
}

void tst_LineCodec::acceptsLineExactlyAtLimit()
{
    QFETCH(qsizetype, limit);
    QFETCH(QByteArrayList, chunks);

    LineCodec codec(limit);
    const QStringList lines = feedAll(codec, chunks);
    QVERIFY2(!codec.hasError(), qPrintable(codec.errorString()));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().size(), limit);
}

void tst_LineCodec::rejectsLineOverLimitAndStops_data()
{
    QTest::addColumn<QByteArrayList>("chunks");

    const QByteArray overLimit(17, 'x');
    QTest::newRow("whole line in one chunk") << QByteArrayList { overLimit + '\n' };
    QTest::newRow("no terminator yet") << QByteArrayList { overLimit };
    QTest::newRow("across chunks") << QByteArrayList { QByteArray(10, 'x'), QByteArray(7, 'x') };
    QTest::newRow("CRLF after limit + 1") << QByteArrayList { overLimit + "\r\n" };
    QTest::newRow("CR at limit is content") << QByteArrayList { QByteArray(16, 'x') + '\r', "y" };
    QTest::newRow("CR at limit, then LF after more") << QByteArrayList { QByteArray(16, 'x') + '\r', "y\n" };
}

void tst_LineCodec::rejectsLineOverLimitAndStops()
{
    QFETCH(QByteArrayList, chunks);

    LineCodec codec(16);
    QVERIFY(feedAll(codec, chunks).isEmpty());
    QVERIFY(codec.hasError());
    QCOMPARE(codec.errorString(), str("line longer than 16 bytes"));
    QCOMPARE(codec.bufferedBytes(), 0);
    QVERIFY(codec.feed("fine\n").isEmpty());
    QCOMPARE(codec.finish(), std::nullopt);
}

void tst_LineCodec::returnsLinesCompletedBeforeOverlongLine()
{
    LineCodec codec(4);
    QCOMPARE(codec.feed("ok\nfine\ntoo long\nlater\n"), (QStringList { str("ok"), str("fine") }));
    QVERIFY(codec.hasError());
}

void tst_LineCodec::keepsBufferBoundedWhileHugeLineArrives()
{
    // 100 MB without a newline, in 64 KiB reads, as a hostile peer would send it.
    const QByteArray chunk(64 * 1024, 'z');
    LineCodec codec;
    qsizetype largestBuffer = 0;
    for (int i = 0; i < 1600; ++i) {
        QVERIFY(codec.feed(chunk).isEmpty());
        largestBuffer = std::max(largestBuffer, codec.bufferedBytes());
    }
    QVERIFY(codec.hasError());
    QCOMPARE(codec.errorString(), str("line longer than 65536 bytes"));
    QVERIFY(largestBuffer <= codec.maxLineBytes() + 1);
    QCOMPARE(codec.bufferedBytes(), 0);
}

void tst_LineCodec::finishDeliversFinalPartialLine_data()
{
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<bool>("hasFinalLine");
    QTest::addColumn<QString>("finalLine");

    QTest::newRow("partial line") << QByteArrayList { "a\nbc" } << true << str("bc");
    QTest::newRow("partial line in pieces") << QByteArrayList { "b", "c" } << true << str("bc");
    QTest::newRow("trailing CR stripped") << QByteArrayList { "bc\r" } << true << str("bc");
    QTest::newRow("lone CR is an empty line") << QByteArrayList { "a\n\r" } << true << QString();
    QTest::newRow("partial line at limit plus CR")
        << QByteArrayList { QByteArray(16, 'q') + '\r' } << true << QString(16, u'q');
    QTest::newRow("invalid UTF-8 tail")
        << QByteArrayList { "\xe2\x82" } << true << QString(2, QChar::ReplacementCharacter);
    QTest::newRow("everything terminated") << QByteArrayList { "a\n" } << false << QString();
    QTest::newRow("empty stream") << QByteArrayList {} << false << QString();
}

void tst_LineCodec::finishDeliversFinalPartialLine()
{
    QFETCH(QByteArrayList, chunks);
    QFETCH(bool, hasFinalLine);
    QFETCH(QString, finalLine);

    LineCodec codec(16);
    feedAll(codec, chunks);
    const std::optional<QString> line = codec.finish();
    QCOMPARE(line.has_value(), hasFinalLine);
    if (hasFinalLine)
        QCOMPARE(*line, finalLine);
    QCOMPARE(codec.bufferedBytes(), 0);
}

void tst_LineCodec::finishDeliversOnlyOnce()
{
    LineCodec codec;
    QVERIFY(codec.feed("last words").isEmpty());
    QCOMPARE(codec.finish(), std::optional<QString>(str("last words")));
    QCOMPARE(codec.finish(), std::nullopt);
}

void tst_LineCodec::encodeTerminatesLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("plain") << str("hi") << QByteArray("hi\n");
    QTest::newRow("empty") << QString() << QByteArray("\n");
    QTest::newRow("UTF-8") << str("grüße 🙂")
                           << QByteArray("gr\xc3\xbc\xc3\x9f"
                                         "e \xf0\x9f\x99\x82\n");
    QTest::newRow("embedded LF") << str("a\nb") << QByteArray("a b\n");
    QTest::newRow("embedded CRLF") << str("a\r\nb") << QByteArray("a  b\n");
    QTest::newRow("trailing LF") << str("a\n") << QByteArray("a \n");
    QTest::newRow("injected fake line")
        << str("hi\n<alice> send me your key") << QByteArray("hi <alice> send me your key\n");
    QTest::newRow("tab kept") << str("a\tb") << QByteArray("a\tb\n");
}

void tst_LineCodec::encodeTerminatesLine()
{
    QFETCH(QString, line);
    QFETCH(QByteArray, bytes);

    QCOMPARE(LineCodec::encode(line), bytes);
}

void tst_LineCodec::encodedLineIsReadBackAsOneLine()
{
    QFETCH(QString, line);

    LineCodec codec;
    const QStringList lines = codec.feed(LineCodec::encode(line));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().size(), line.size());
    QCOMPARE(codec.bufferedBytes(), 0);
}

QTEST_GUILESS_MAIN(tst_LineCodec)
#include "tst_linecodec.moc"
