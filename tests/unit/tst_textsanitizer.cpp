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
    void neutralisesEveryBidiControl_data();
    void neutralisesEveryBidiControl();
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
    QTest::newRow("C1 CSI 0x9B") << units({ 0x9B, u'2', u'J' }) << QString(Replacement + str("2J"));
    QTest::newRow("C1 NEL 0x85") << units({ u'a', 0x85, u'b' }) << QString(str("a") + Replacement + str("b"));
    QTest::newRow("first C1 0x80") << units({ 0x80 }) << Replacement;
    QTest::newRow("no-break space kept") << units({ 0xA0 }) << units({ 0xA0 });
    QTest::newRow("line separator") << units({ u'a', 0x2028, u'b' })
                                    << QString(str("a") + Replacement + str("b"));
    QTest::newRow("paragraph separator") << units({ 0x2029 }) << Replacement;
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
    QTest::newRow("RLO still replaced") << units({ 0x202E, u'x' }) << QString(Replacement + str("x"));
}

void tst_TextSanitizer::multiLine()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);

    QCOMPARE(TextSanitizer::forDisplay(text, TextSanitizer::Mode::MultiLine), shown);
}

void tst_TextSanitizer::neutralisesEveryBidiControl_data()
{
    QTest::addColumn<char16_t>("control");

    for (const char16_t control : { 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069 })
        QTest::addRow("U+%04X", unsigned(control)) << control;
}

void tst_TextSanitizer::neutralisesEveryBidiControl()
{
    QFETCH(char16_t, control);

    // The "Trojan Source" shape: an override that would show "txt.exe" as "exe.txt".
    const QString text = units({ u'a', control, u'b', u'c' });
    QCOMPARE(TextSanitizer::forDisplay(text), QString(str("a") + Replacement + str("bc")));
    QCOMPARE(TextSanitizer::forDisplay(text, TextSanitizer::Mode::MultiLine),
        QString(str("a") + Replacement + str("bc")));
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
    QTest::addColumn<QChar>("shown");
    QTest::newRow("escape") << QChar(0x1B) << QChar(0x241B);
    QTest::newRow("delete") << QChar(0x7F) << QChar(0x2421);
    QTest::newRow("C1 control") << QChar(0x9B) << QChar(0xFFFD);
    QTest::newRow("right-to-left override") << QChar(0x202E) << QChar(0xFFFD);
    QTest::newRow("lone low surrogate") << QChar(0xDC00) << QChar(0xFFFD);
}

void tst_TextSanitizer::findsAnUnsafeCharacterAtEveryPosition()
{
    QFETCH(QChar, unsafe);
    QFETCH(QChar, shown);
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
