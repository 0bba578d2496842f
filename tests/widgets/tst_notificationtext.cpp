// SPDX-License-Identifier: MIT
// What a notification says, for the cases a conversation brings.
#include "notificationtext.h"

#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

ChatMessage from(const char* nick, const QString& text)
{
    return { 1, QString(), str(nick), text, QDateTime::currentDateTimeUtc() };
}

} // namespace

class TestNotificationText final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void saysWhoAndWhat_data();
    void saysWhoAndWhat();
};

void TestNotificationText::saysWhoAndWhat_data()
{
    QTest::addColumn<QList<ChatMessage>>("latest");
    QTest::addColumn<int>("unread");
    QTest::addColumn<bool>("showText");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<QString>("body");
    QTest::newRow("one message") << QList { from("bob", str("hi")) } << 1 << true << str("bob") << str("hi");
    QTest::newRow("one, text hidden")
        << QList { from("bob", str("hi")) } << 1 << false << str("New message from bob") << QString();
    QTest::newRow("several from one") << QList { from("bob", str("a")), from("bob", str("b")) } << 2 << true
                                      << str("bob (2 new messages)") << str("a\nb");
    QTest::newRow("several from two") << QList { from("bob", str("a")), from("carol", str("b")) } << 5 << true
                                      << str("bob, carol (5 new messages)") << str("bob: a\ncarol: b");
    QTest::newRow("several, text hidden") << QList { from("bob", str("a")), from("carol", str("b")) } << 2
                                          << false << str("2 new messages from bob, carol") << QString();
    QTest::newRow("long line cut") << QList { from("bob", QString(150, u'x')) } << 1 << true << str("bob")
                                   << QString(99, u'x') + str("…");
    QTest::newRow("line breaks and controls") << QList { from("bob", str("one\ntwo\x1b[31m")) } << 1 << true
                                              << str("bob") << str("one two\u241b[31m");
    QTest::newRow("markup stays text here")
        << QList { from("bob", str("<b>x</b>")) } << 1 << true << str("bob") << str("<b>x</b>");
    QTest::newRow("no tag in a name") << QList { from("<i>eve</i>", str("x")) } << 1 << true
                                      << str("\u2039i\u203Aeve\u2039/i\u203A") << str("x");
    QTest::newRow("a text-mode host")
        << QList { from("", str("x")) } << 1 << true << str("the host") << str("x");
}

void TestNotificationText::saysWhoAndWhat()
{
    QFETCH(QList<ChatMessage>, latest);
    QFETCH(int, unread);
    QFETCH(bool, showText);
    QFETCH(QString, summary);
    QFETCH(QString, body);
    const NotificationText text = NotificationText::of(latest, unread, showText);
    QCOMPARE(text.summary, summary);
    QCOMPARE(text.body, body);
}

QTEST_MAIN(TestNotificationText)
#include "tst_notificationtext.moc"
