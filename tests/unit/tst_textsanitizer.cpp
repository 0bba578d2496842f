// SPDX-License-Identifier: MIT
#include "protocol/textsanitizer.h"

#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString units(std::initializer_list<char16_t> codes)
{
    return QString(reinterpret_cast<const QChar*>(codes.begin()), qsizetype(codes.size()));
}

const QString Replacement(QChar::ReplacementCharacter);

} // namespace

class tst_TextSanitizer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void singleLine_data();
    void singleLine();
    void multiLine_data();
    void multiLine();
    void namesEveryBidiControl_data();
    void namesEveryBidiControl();
    void cleanTextIsSharedNotCopied();
    void findsAnUnsafeCharacterAtEveryPosition_data();
    void findsAnUnsafeCharacterAtEveryPosition();
};

void tst_TextSanitizer::singleLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");

    QTest::newRow("plain") << str("hello, world") << str("hello, world");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("tab kept") << str("a\tb") << str("a\tb");
    QTest::newRow("ESC [2J") << str("\x1b[2J") << str("␛[2J");
    QTest::newRow("OSC title with BEL") << str("\x1b]0;pwned\x07") << str("␛]0;pwned␇");
    QTest::newRow("NUL") << units({ u'a', 0, u'b' }) << str("a␀b");
    QTest::newRow("LF") << str("hi\n<alice> fake") << str("hi␊<alice> fake");
    QTest::newRow("CR") << str("hi\rfake") << str("hi␍fake");
    QTest::newRow("backspace") << str("ab\bc") << str("ab␈c");
    QTest::newRow("unit separator") << str("\x1f") << str("␟");
    QTest::newRow("DEL") << str("a\x7f") << str("a␡");
    QTest::newRow("C1 CSI 0x9B") << units({ 0x9B, u'2', u'J' }) << str("⟨CSI⟩2J");
    QTest::newRow("C1 NEL 0x85") << units({ u'a', 0x85, u'b' }) << str("a⟨NEL⟩b");
    QTest::newRow("first C1 0x80") << units({ 0x80 }) << str("⟨PAD⟩");
    QTest::newRow("last C1 0x9F") << units({ 0x9F }) << str("⟨APC⟩");
    QTest::newRow("no-break space kept") << units({ 0xA0 }) << units({ 0xA0 });
    QTest::newRow("line separator") << units({ u'a', 0x2028, u'b' }) << str("a⟨LS⟩b");
    QTest::newRow("paragraph separator") << units({ 0x2029 }) << str("⟨PS⟩");
    QTest::newRow("two marks and text between")
        << units({ 0x202E, u'x', 0x202C, u'y' }) << str("⟨RLO⟩x⟨PDF⟩y");
    QTest::newRow("LRM and RLM kept") << units({ 0x200E, u'x', 0x200F }) << units({ 0x200E, u'x', 0x200F });
    QTest::newRow("HTML untouched") << str("<b>bold</b> & <img src=\"/dev/zero\">")
                                    << str("<b>bold</b> & <img src=\"/dev/zero\">");
    QTest::newRow("accents, Arabic, CJK kept") << str("éß مرحبا 你好") << str("éß مرحبا 你好");
    QTest::newRow("emoji pair kept") << str("ok 🙂") << str("ok 🙂");
    QTest::newRow("lone high surrogate") << units({ 0xD83D, u'x' }) << QString(Replacement + str("x"));
    QTest::newRow("high surrogate at end") << units({ u'x', 0xD83D }) << QString(str("x") + Replacement);
    QTest::newRow("lone low surrogate") << units({ 0xDE42 }) << Replacement;
    QTest::newRow("pair in wrong order") << units({ 0xDE42, 0xD83D }) << QString(Replacement + Replacement);
}

void tst_TextSanitizer::singleLine()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);

    QCOMPARE(TextSanitizer::forDisplay(text), shown);
}

void tst_TextSanitizer::multiLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");

    QTest::newRow("LF kept") << str("one\ntwo") << str("one\ntwo");
    QTest::newRow("CR still shown") << str("one\r\ntwo") << str("one␍\ntwo");
    QTest::newRow("ESC still shown") << str("\x1b[31mred") << str("␛[31mred");
    QTest::newRow("line separator kept") << units({ 0x2028 }) << units({ 0x2028 });
    QTest::newRow("RLO still named") << units({ 0x202E, u'x' }) << str("⟨RLO⟩x");
}

void tst_TextSanitizer::multiLine()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);

    QCOMPARE(TextSanitizer::forDisplay(text, TextSanitizer::Mode::MultiLine), shown);
}

void tst_TextSanitizer::namesEveryBidiControl_data()
{
    QTest::addColumn<char16_t>("control");
    QTest::addColumn<QString>("name");

    QTest::newRow("LRE") << char16_t(0x202A) << str("LRE");
    QTest::newRow("RLE") << char16_t(0x202B) << str("RLE");
    QTest::newRow("PDF") << char16_t(0x202C) << str("PDF");
    QTest::newRow("LRO") << char16_t(0x202D) << str("LRO");
    QTest::newRow("RLO") << char16_t(0x202E) << str("RLO");
    QTest::newRow("LRI") << char16_t(0x2066) << str("LRI");
    QTest::newRow("RLI") << char16_t(0x2067) << str("RLI");
    QTest::newRow("FSI") << char16_t(0x2068) << str("FSI");
    QTest::newRow("PDI") << char16_t(0x2069) << str("PDI");
}

void tst_TextSanitizer::namesEveryBidiControl()
{
    QFETCH(char16_t, control);
    QFETCH(QString, name);

    // The "Trojan Source" shape: an override that would show "txt.exe" as "exe.txt".
    const QString text = units({ u'a', control, u'b', u'c' });
    const QString shown = str("a⟨") + name + str("⟩bc");
    QCOMPARE(TextSanitizer::forDisplay(text), shown);
    QCOMPARE(TextSanitizer::forDisplay(text, TextSanitizer::Mode::MultiLine), shown);
    QVERIFY(!shown.contains(Replacement)); // a named mark, not what looks like broken encoding
}

void tst_TextSanitizer::cleanTextIsSharedNotCopied()
{
    // Called for every displayed message: text with nothing to replace must cost no allocation.
    const QString text = str("a perfectly ordinary message 🙂 with\ttab");
    QCOMPARE(TextSanitizer::forDisplay(text).constData(), text.constData());
}

void tst_TextSanitizer::findsAnUnsafeCharacterAtEveryPosition_data()
{
    // Printable ASCII is skipped eight characters at a time: an unsafe character must be found
    // wherever it falls in a block, in the tail after the last block, and next to other text.
    QTest::addColumn<QChar>("unsafe");
    QTest::addColumn<QString>("shown");
    QTest::newRow("escape") << QChar(0x1B) << str("␛");
    QTest::newRow("delete") << QChar(0x7F) << str("␡");
    QTest::newRow("C1 control") << QChar(0x9B) << str("⟨CSI⟩");
    QTest::newRow("right-to-left override") << QChar(0x202E) << str("⟨RLO⟩");
    QTest::newRow("lone low surrogate") << QChar(0xDC00) << Replacement;
}

void tst_TextSanitizer::findsAnUnsafeCharacterAtEveryPosition()
{
    QFETCH(QChar, unsafe);
    QFETCH(QString, shown);
    const QString ascii = QStringLiteral("The quick brown fox jumps over the lazy dog~");
    for (qsizetype position = 0; position <= ascii.size(); ++position) {
        QString text = ascii;
        text.insert(position, unsafe);
        QString expected = ascii;
        expected.insert(position, shown);
        QCOMPARE(TextSanitizer::forDisplay(text), expected);
    }
}

QTEST_GUILESS_MAIN(tst_TextSanitizer)
#include "tst_textsanitizer.moc"
