// SPDX-License-Identifier: MIT
#include "protocol/nicknamerule.h"

#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

class tst_NicknameRule final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void acceptsAndRefuses_data();
    void acceptsAndRefuses();
    void problemNamesWhatIsWrong_data();
    void problemNamesWhatIsWrong();
    void problemNeverEchoesTheNickname();
    void accountNameIsUsedWhenValid_data();
    void accountNameIsUsedWhenValid();
};

void tst_NicknameRule::acceptsAndRefuses_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << str("alice") << true;
    QTest::newRow("accented") << str("Zoë") << true;
    QTest::newRow("one character") << str("a") << true;
    QTest::newRow("at the length limit") << QString(NicknameRule::MaxLength, u'n') << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("past the length limit") << QString(NicknameRule::MaxLength + 1, u'n') << false;
    QTest::newRow("space") << str("a b") << false;
    QTest::newRow("tab") << str("a\tb") << false;
    QTest::newRow("angle brackets") << str("<b>") << false;
    QTest::newRow("star") << str("*host") << false;
    QTest::newRow("control character") << str("a\x1B") << false;
    QTest::newRow("bidi override") << str("a\u202Eb") << false;
}

void tst_NicknameRule::acceptsAndRefuses()
{
    QFETCH(QString, nick);
    QFETCH(bool, valid);
    QCOMPARE(NicknameRule::isValid(nick), valid);
    QCOMPARE(NicknameRule::problem(nick).isEmpty(), valid);
}

void tst_NicknameRule::problemNamesWhatIsWrong_data()
{
    const QString rule
        = str("A nickname has 1 to 32 characters, without spaces, “<”, “>”, “*” or control characters.");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QString>("problem");
    QTest::newRow("empty") << QString() << rule;
    QTest::newRow("space and reserved characters")
        << str("bob smith<x>*") << rule + str(" This one has a space, “<”, “>”, “*”.");
    QTest::newRow("space alone") << str("bob smith") << rule + str(" This one has a space.");
    QTest::newRow("control character")
        << str("eve\x1B[31m") << rule + str(" This one has a control character.");
    QTest::newRow("too long") << QString(40, u'n') << rule + str(" This one has 40 characters.");
}

void tst_NicknameRule::problemNamesWhatIsWrong()
{
    QFETCH(QString, nick);
    QFETCH(QString, problem);
    QCOMPARE(NicknameRule::problem(nick), problem);
}

void tst_NicknameRule::problemNeverEchoesTheNickname()
{
    QVERIFY(!NicknameRule::problem(str("\u202Eevil fdp.exe")).contains(str("evil")));
}

void tst_NicknameRule::accountNameIsUsedWhenValid_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("expected");
    QTest::newRow("valid login") << str("carl") << str("carl");
    QTest::newRow("login with a space") << str("Carl Smith") << str("guest");
    QTest::newRow("no login") << QString() << str("guest");
}

void tst_NicknameRule::accountNameIsUsedWhenValid()
{
    QFETCH(QString, user);
    QFETCH(QString, expected);
    qunsetenv("LOGNAME");
    qunsetenv("USERNAME");
    if (user.isEmpty())
        qunsetenv("USER");
    else
        qputenv("USER", user.toUtf8());
    QCOMPARE(NicknameRule::accountNameOr(str("guest")), expected);
}

QTEST_GUILESS_MAIN(tst_NicknameRule)
#include "tst_nicknamerule.moc"
