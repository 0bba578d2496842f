// SPDX-License-Identifier: MIT
#include "chatmessagemodel.h"
#include "protocol/textsanitizer.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

ChatMessage message(const QString& from, const QString& text, const QString& id = QString(), qint64 seq = 0)
{
    return { seq, id, from, text, QDateTime(QDate(2026, 3, 1), QTime(12, 34, 56), Qt::UTC) };
}

QString display(const ChatMessageModel& model, int row)
{
    return model.index(row).data(Qt::DisplayRole).toString();
}

QStringList displayed(const ChatMessageModel& model)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row)
        texts << display(model, row);
    return texts;
}

/// Stored messages "<prefix><n>" for n in [first, last], with store row ids n.
QList<ChatMessageModel::Stored> storedRange(const QString& prefix, int first, int last)
{
    QList<ChatMessageModel::Stored> rows;
    for (int n = first; n <= last; ++n) {
        ChatMessageModel::Stored row;
        row.message = message(str("bob"), prefix + QString::number(n), prefix + QString::number(n));
        row.storeRow = n;
        rows << row;
    }
    return rows;
}

/// A model at the live end: stored s1..s3, then "live" and the person's pending "mine" (id "p").
void fillLiveEnd(ChatMessageModel& model)
{
    model.prependMessages(storedRange(str("s"), 1, 3));
    model.appendMessage(message(str("alice"), str("live")));
    model.appendMessage(message(str("hal"), str("mine"), str("p")), ChatMessageModel::Kind::OwnMessage,
        ChatMessageModel::Delivery::Pending);
}

} // namespace

class TestChatMessageModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void markupStaysLiteral_data();
    void markupStaysLiteral();
    void controlCharactersAreNeutralised_data();
    void controlCharactersAreNeutralised();
    void nickIsOneLine();
    void rolesDescribeTheMessage();
    void timestampIsShownInLocalTime();
    void noticeHasNoNick();
    void markDeliveredChangesThatRowOnce();
    void markDeliveredIgnoresUnknownIds();
    void plainTextListsRowsInOrder();
    void find_data();
    void find();
    void countMatches();
    void passesModelTester();
    void appendsHundredThousandMessages();
    void windowReplacesTheRows();
    void appendedWhileAwayIsHeldAndCounted();
    void heldPendingMessageIsMarkedDelivered();
    void liveEndReturnsInPlaceOfTheWindow();
    void windowReachingTheLiveEndContinuesIntoIt();
    void leavingTheLiveEndKeepsOnlyItsNewestStoredRows();
    void windowLosesRowsAtItsFarEnd();
};

void TestChatMessageModel::markupStaysLiteral_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("bold and image") << str("<b>x</b><img src=/etc/hostname>");
    QTest::newRow("comparison") << str("a < b and c > d");
    QTest::newRow("entity") << str("&lt;b&gt; &amp;");
    QTest::newRow("link") << str("<a href=\"https://example.invalid\">click</a>");
    QTest::newRow("two lines") << str("first\nsecond");
}

void TestChatMessageModel::markupStaysLiteral()
{
    QFETCH(QString, text);
    ChatMessageModel model;
    model.appendMessage(message(str("alice"), text));
    QCOMPARE(display(model, 0), text);
}

void TestChatMessageModel::controlCharactersAreNeutralised_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("escape sequence") << str("red \x1b[31m text");
    QTest::newRow("right-to-left override") << str("invoice \u202Efdp.exe");
    QTest::newRow("C1 CSI") << str("a\u009B2Jb");
}

void TestChatMessageModel::controlCharactersAreNeutralised()
{
    QFETCH(QString, text);
    ChatMessageModel model;
    model.appendMessage(message(str("alice"), text));
    QVERIFY(display(model, 0) != text);
    QCOMPARE(display(model, 0), TextSanitizer::forDisplay(text, TextSanitizer::Mode::MultiLine));
}

void TestChatMessageModel::nickIsOneLine()
{
    ChatMessageModel model;
    model.appendMessage(message(str("mallory\nalice"), str("hi")));
    const QString nick = model.index(0).data(ChatMessageModel::NickRole).toString();
    QVERIFY(!nick.contains(u'\n'));
    QCOMPARE(nick.size(), 13);
}

void TestChatMessageModel::rolesDescribeTheMessage()
{
    ChatMessageModel model;
    model.appendMessage(message(str("bob"), str("hello"), str("id-1"), 42),
        ChatMessageModel::Kind::OwnMessage, ChatMessageModel::Delivery::Pending);
    const QModelIndex row = model.index(0);
    QCOMPARE(row.data(ChatMessageModel::NickRole).toString(), str("bob"));
    QCOMPARE(row.data(ChatMessageModel::IdRole).toString(), str("id-1"));
    QCOMPARE(row.data(ChatMessageModel::SeqRole).toLongLong(), 42);
    QCOMPARE(row.data(ChatMessageModel::KindRole).toInt(), int(ChatMessageModel::Kind::OwnMessage));
    QCOMPARE(row.data(ChatMessageModel::DeliveryRole).toInt(), int(ChatMessageModel::Delivery::Pending));
}

void TestChatMessageModel::timestampIsShownInLocalTime()
{
    ChatMessageModel model;
    const ChatMessage sent = message(str("bob"), str("hello"));
    model.appendMessage(sent);
    const QDateTime shown = model.index(0).data(ChatMessageModel::TimestampRole).toDateTime();
    QCOMPARE(shown.timeSpec(), Qt::LocalTime);
    QCOMPARE(shown, sent.timestamp);
}

void TestChatMessageModel::noticeHasNoNick()
{
    ChatMessageModel model;
    model.appendNotice(str("alice joined"));
    QCOMPARE(model.index(0).data(ChatMessageModel::KindRole).toInt(), int(ChatMessageModel::Kind::Notice));
    QVERIFY(model.index(0).data(ChatMessageModel::NickRole).toString().isEmpty());
    QCOMPARE(
        model.index(0).data(ChatMessageModel::DeliveryRole).toInt(), int(ChatMessageModel::Delivery::None));
}

void TestChatMessageModel::markDeliveredChangesThatRowOnce()
{
    ChatMessageModel model;
    model.appendMessage(message(str("alice"), str("first")));
    model.appendMessage(message(str("bob"), str("mine"), str("id-2")), ChatMessageModel::Kind::OwnMessage,
        ChatMessageModel::Delivery::Pending);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.markDelivered(str("id-2")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(model.index(1).data(ChatMessageModel::DeliveryRole).toInt(),
        int(ChatMessageModel::Delivery::Delivered));
    QVERIFY(!model.markDelivered(str("id-2")));
}

void TestChatMessageModel::markDeliveredIgnoresUnknownIds()
{
    ChatMessageModel model;
    model.appendMessage(message(str("alice"), str("theirs"), str("id-3")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(!model.markDelivered(str("id-3"))); // not the person's own pending message
    QVERIFY(!model.markDelivered(str("nobody")));
    QCOMPARE(changed.size(), 0);
}

void TestChatMessageModel::plainTextListsRowsInOrder()
{
    ChatMessageModel model;
    model.appendMessage(message(str("alice"), str("<b>hi</b>")));
    model.appendNotice(
        str("bob joined"), ChatMessageModel::Kind::Notice, QDateTime(QDate(2026, 3, 1), QTime(12, 35, 0)));
    model.appendMessage(message(QString(), str("<carol> a text-mode line")));
    const QString time = message({}, {}).timestamp.toLocalTime().toString(str("HH:mm:ss"));
    QCOMPARE(model.plainText({ 2, 0, 1 }),
        str("[%1] <alice> <b>hi</b>\n[12:35:00] * bob joined\n[%1] <carol> a text-mode line").arg(time));
}

void TestChatMessageModel::find_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("from");
    QTest::addColumn<bool>("backward");
    QTest::addColumn<int>("expected");
    // Rows: 0 "apple pie", 1 "Banana", 2 "apple tart" (from "Zed"), 3 "cherry" (from "apple")
    QTest::newRow("first from nowhere") << str("apple") << -1 << false << 0;
    QTest::newRow("last from nowhere going back") << str("apple") << -1 << true << 3;
    QTest::newRow("next") << str("apple") << 0 << false << 2;
    QTest::newRow("matches the nick") << str("apple") << 2 << false << 3;
    QTest::newRow("wraps forward") << str("apple") << 3 << false << 0;
    QTest::newRow("wraps backward") << str("apple") << 0 << true << 3;
    QTest::newRow("case-insensitive") << str("BANANA") << -1 << false << 1;
    QTest::newRow("no match") << str("durian") << -1 << false << -1;
    QTest::newRow("empty needle") << QString() << -1 << false << -1;
}

void TestChatMessageModel::find()
{
    QFETCH(QString, needle);
    QFETCH(int, from);
    QFETCH(bool, backward);
    QFETCH(int, expected);
    ChatMessageModel model;
    model.appendMessage(message(str("x"), str("apple pie")));
    model.appendMessage(message(str("x"), str("Banana")));
    model.appendMessage(message(str("Zed"), str("apple tart")));
    model.appendMessage(message(str("apple"), str("cherry")));
    QCOMPARE(model.find(needle, from, backward), expected);
}

void TestChatMessageModel::countMatches()
{
    ChatMessageModel model;
    for (const char* text : { "one fish", "two fish", "red", "blue fish" })
        model.appendMessage(message(str("x"), str(text)));
    QCOMPARE(model.countMatches(str("FISH")), 3);
    QCOMPARE(model.countMatches(str("fish"), 3), 2);
    QCOMPARE(model.countMatches(QString()), 0);
}

void TestChatMessageModel::passesModelTester()
{
    ChatMessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendNotice(str("Listening"));
    model.appendMessage(message(str("alice"), str("hi")));
    model.appendMessage(message(str("bob"), str("mine"), str("m1")), ChatMessageModel::Kind::OwnMessage,
        ChatMessageModel::Delivery::Pending);
    QVERIFY(model.markDelivered(str("m1")));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.index(0).data(Qt::ToolTipRole).toString().isEmpty());
}

void TestChatMessageModel::appendsHundredThousandMessages()
{
    constexpr int Count = 100'000;
    ChatMessageModel model;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < Count; ++i)
        model.appendMessage(
            message(str("peer%1").arg(i % 7), str("message number %1").arg(i), QString(), i + 1));
    qDebug("appended %d messages in %lld ms", Count, timer.elapsed());
    QCOMPARE(model.rowCount(), Count);
    QCOMPARE(display(model, Count - 1), str("message number %1").arg(Count - 1));
}

void TestChatMessageModel::windowReplacesTheRows()
{
    ChatMessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fillLiveEnd(model);
    QSignalSpy away(&model, &ChatMessageModel::awayChanged);
    model.showWindow(storedRange(str("w"), 100, 102), 10);
    QVERIFY(model.isAway());
    QCOMPARE(away.size(), 1);
    QCOMPARE(displayed(model), QStringList({ str("w100"), str("w101"), str("w102") }));
    QCOMPARE(model.storeRowAt(1), 101);
    QCOMPARE(model.rowOf(str("w102")), 2);
    QCOMPARE(model.rowOf(str("p")), -1); // held, not shown
}

void TestChatMessageModel::appendedWhileAwayIsHeldAndCounted()
{
    ChatMessageModel model;
    fillLiveEnd(model);
    model.showWindow(storedRange(str("w"), 100, 102), 10);
    QSignalSpy unseen(&model, &ChatMessageModel::unseenCountChanged);
    model.appendMessage(message(str("alice"), str("while away")));
    model.appendNotice(str("bob left"));
    model.appendMessage(message(str("alice"), str("and again")));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.unseenCount(), 2); // messages, not notices
    QCOMPARE(unseen.size(), 2);
    model.showLiveEnd(false);
    QCOMPARE(model.unseenCount(), 0);
    QCOMPARE(displayed(model).mid(3),
        QStringList({ str("live"), str("mine"), str("while away"), str("bob left"), str("and again") }));
}

void TestChatMessageModel::heldPendingMessageIsMarkedDelivered()
{
    ChatMessageModel model;
    fillLiveEnd(model);
    model.showWindow(storedRange(str("w"), 100, 102), 10);
    QVERIFY(model.markDelivered(str("p")));
    QVERIFY(!model.markDelivered(str("p")));
    model.showLiveEnd(false);
    QCOMPARE(model.index(model.rowOf(str("p"))).data(ChatMessageModel::DeliveryRole).toInt(),
        int(ChatMessageModel::Delivery::Delivered));
}

void TestChatMessageModel::liveEndReturnsInPlaceOfTheWindow()
{
    ChatMessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fillLiveEnd(model);
    const QStringList live = displayed(model);
    model.showWindow(storedRange(str("w"), 100, 102), 10);
    QSignalSpy away(&model, &ChatMessageModel::awayChanged);
    model.showLiveEnd(false);
    QVERIFY(!model.isAway());
    QCOMPARE(away.size(), 1);
    QCOMPARE(away.at(0).at(0).toBool(), false);
    QCOMPARE(displayed(model), live);
}

void TestChatMessageModel::windowReachingTheLiveEndContinuesIntoIt()
{
    ChatMessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fillLiveEnd(model);
    model.showWindow(storedRange(str("w"), 100, 101), 10);
    model.appendToWindow(storedRange(str("w"), 102, 102));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.showLiveEnd(true);
    QCOMPARE(inserted.size(), 1); // inserted below, not reset: the view stays where it was
    QCOMPARE(displayed(model),
        QStringList({ str("w100"), str("w101"), str("w102"), str("s1"), str("s2"), str("s3"), str("live"),
            str("mine") }));
    QVERIFY(model.markDelivered(str("p"))); // its row moved with it
}

void TestChatMessageModel::leavingTheLiveEndKeepsOnlyItsNewestStoredRows()
{
    ChatMessageModel model;
    fillLiveEnd(model);
    model.showWindow(storedRange(str("w"), 100, 102), 2);
    QCOMPARE(model.oldestHeldStoreRow(), 2);
    model.showLiveEnd(false);
    QCOMPARE(displayed(model), QStringList({ str("s2"), str("s3"), str("live"), str("mine") }));
}

void TestChatMessageModel::windowLosesRowsAtItsFarEnd()
{
    ChatMessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fillLiveEnd(model);
    model.showWindow(storedRange(str("w"), 100, 105), 10);
    model.dropFromWindow(2, true);
    model.dropFromWindow(1, false);
    QCOMPARE(displayed(model), QStringList({ str("w102"), str("w103"), str("w104") }));
}

QTEST_MAIN(TestChatMessageModel)
#include "tst_chatmessagemodel.moc"
