// SPDX-License-Identifier: MIT
// The history in the window: shown on reopening, older pages on scroll, the conversation's
// switch, clearing, search from the find bar, export, the stored outbox sent on the next
// connection, and a damaged file. Real TLS on 127.0.0.1, a real SQLite file.
#include "buttonicons.h"
#include "chatmessagemodel.h"
#include "conversationhistory.h"
#include "findbar.h"
#include "history/conversationkey.h"
#include "historymenu.h"
#include "historysearchdialog.h"
#include "historyservice.h"
#include "historytexts.h"
#include "hostedsession.h"
#include "joinedsession.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "storedconversationdialog.h"
#include "testcerts.h"
#include "tls/certificatedetails.h"
#include "trustpromptdialog.h"

#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace securechat;

using securechat::test::textsOf;

namespace {

QString hostConversation()
{
    // Read once: loading the identity costs milliseconds, and some tests store thousands of messages.
    static const QString key = ConversationKey::hosted(
        CertificateDetails::fingerprintSha256(test::identity(QStringLiteral("host")).certificate()));
    return key;
}

HistoryMessage stored(const QString& conversation, int number, HistoryState state = HistoryState::Received)
{
    HistoryMessage message;
    message.conversation = conversation;
    message.messageId = QStringLiteral("id-%1").arg(number);
    message.senderNickname = state == HistoryState::Received ? QStringLiteral("bob") : QStringLiteral("hal");
    message.text = QStringLiteral("stored %1").arg(number);
    message.timestampMs = 1'700'000'000'000 + number;
    message.direction
        = state == HistoryState::Received ? HistoryDirection::Incoming : HistoryDirection::Outgoing;
    message.state = state;
    return message;
}

SessionTab* hostTab(MainWindow& window)
{
    auto tab = window.host(test::hostOptions());
    if (!tab)
        qFatal("could not host: %s", qPrintable(tab.error()));
    return tab.value();
}

ConversationHistory* historyOf(SessionTab* tab)
{
    return tab->findChild<ConversationHistory*>(QString(), Qt::FindDirectChildrenOnly);
}

/// The texts of the tab's message rows (notices left out), top to bottom.
QStringList shownMessages(const SessionTab* tab)
{
    QStringList texts;
    const ChatMessageModel& model = tab->messages();
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        const auto kind = static_cast<ChatMessageModel::Kind>(index.data(ChatMessageModel::KindRole).toInt());
        if (kind == ChatMessageModel::Kind::Message || kind == ChatMessageModel::Kind::OwnMessage)
            texts << index.data().toString();
    }
    return texts;
}

/// The numbers of the tab's "stored N" messages, top to bottom.
QList<int> shownNumbers(const SessionTab* tab)
{
    QList<int> numbers;
    for (const QString& text : shownMessages(tab))
        numbers << text.section(u' ', 1, 1).toInt();
    return numbers;
}

/// Each number one more than the one before: in order, none missing, none twice.
bool consecutive(const QList<int>& numbers)
{
    for (qsizetype at = 1; at < numbers.size(); ++at) {
        if (numbers.at(at) != numbers.at(at - 1) + 1)
            return false;
    }
    return true;
}

SessionTab* shownHostTab(MainWindow& window)
{
    window.resize(800, 600);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        qFatal("the window was not shown");
    return hostTab(window);
}

/// Searches the history for words and activates the first result, as a double-click does.
void showFirstResult(MainWindow& window, const QString& words)
{
    HistorySearchDialog* dialog = window.historyMenu()->openSearch(words);
    dialog->results()->setCurrentRow(0);
    QTest::keyClick(dialog->results(), Qt::Key_Return);
    QTest::qWait(50); // what the window does next (layout, scrolling) happens too
}

// The row of the first line of the tab that contains part, or -1.
int rowOf(const SessionTab* tab, const QString& part)
{
    const ChatMessageModel& model = tab->messages();
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data().toString().contains(part))
            return row;
    }
    return -1;
}

bool hasNotice(const SessionTab* tab, const QString& part)
{
    return rowOf(tab, part) >= 0;
}

// bob's options for the host on 127.0.0.1:port, verifying it with the test CA.
ClientOptions bobTo(quint16 port)
{
    ClientOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = port;
    options.nick = QStringLiteral("bob");
    options.caCertificates = test::caCertificates();
    return options;
}

// A host with a self-signed certificate on port, where another host was: nobody vouches for it.
std::unique_ptr<ChatHost> selfSignedHostOn(quint16 port)
{
    HostOptions options = test::hostOptions(QStringLiteral("selfsigned"));
    options.port = port;
    return test::startHost(std::move(options));
}

// bob joins host, hears "from the first host", and the host ends the session: the tab, or null.
SessionTab* heardFromAndEnded(MainWindow& window, ChatHost& host)
{
    SessionTab* tab = window.connectTo(bobTo(host.port()));
    const auto reaches = [tab](ChatSession::Phase phase) {
        return QTest::qWaitFor([tab, phase] { return tab->session().phase() == phase; });
    };
    if (!reaches(ChatSession::Phase::Active))
        return nullptr;
    host.sendMessage(QStringLiteral("from the first host"));
    if (!QTest::qWaitFor(
            [tab] { return shownMessages(tab).contains(QStringLiteral("from the first host")); }))
        return nullptr;
    host.stop();
    return reaches(ChatSession::Phase::Ended) ? tab : nullptr;
}

// Connect… to port again (the ended tab is used again), and "Trust Once" at the prompt.
bool connectAgainAndTrustOnce(MainWindow& window, quint16 port)
{
    window.connectTo(bobTo(port));
    TrustPromptDialog* prompt = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (prompt = window.findChild<TrustPromptDialog*>()) && prompt->isVisible(); }))
        return false;
    QTest::mouseClick(prompt->findChild<QPushButton*>(QStringLiteral("trustOnceButton")), Qt::LeftButton);
    return true;
}

// bob heard from first, which ended the session; then a self-signed host on the same port
// (second) answers Connect… and bob trusts it once. The tab, joined; null if a step failed.
SessionTab* secondHostAnswers(MainWindow& window, ChatHost& first, std::unique_ptr<ChatHost>& second)
{
    const quint16 port = first.port();
    SessionTab* tab = heardFromAndEnded(window, first);
    if (!tab)
        return nullptr;
    second = selfSignedHostOn(port);
    if (!connectAgainAndTrustOnce(window, port))
        return nullptr;
    const bool joined
        = QTest::qWaitFor([tab] { return tab->session().phase() == ChatSession::Phase::Active; });
    return joined ? tab : nullptr;
}

// Asks to clear this conversation's history (or all) and answers Clear; false without the question.
bool clearHistory(MainWindow& window, bool everything)
{
    window.historyMenu()->confirmClear(everything);
    auto* question = window.findChild<QMessageBox*>(QStringLiteral("clearHistoryQuestion"));
    if (!question)
        return false;
    for (QAbstractButton* button : question->buttons()) {
        if (question->buttonRole(button) == QMessageBox::DestructiveRole) {
            button->click();
            return true;
        }
    }
    return false;
}

} // namespace

class TestConversationHistory final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fileLivesUnderTheConfigFolderPrivate();
    void historyIsShownOnReopening();
    void olderMessagesLoadOnScroll();
    void conversationSwitchStopsStoringAndIsRemembered();
    void globalSettingOffStoresNothingNew();
    void clearingAConversationKeepsTheWindowWorking();
    void clearingTakesTheClearedMessagesOutOfTheTab();
    void clearQuestionHasAnIconOnEveryButton();
    void purgeInterruptedByQuittingResumesAtTheNextStart();
    void findBarSearchesEveryConversation();
    void searchResultIsShownInItsConversation();
    void searchResultOfAClosedConversationOpensReadOnly();
    void farSearchResultIsShownAmongItsNeighboursOnly();
    void scrollingDownFromAFarResultLoadsEveryNewerMessageOnce();
    void windowScrolledUpThenDownShowsEveryMessageOnce();
    void messageArrivingWhileAwayAppearsOnceAtTheLatest();
    void jumpToLatestShowsTheNewestMessages_data();
    void jumpToLatestShowsTheNewestMessages();
    void sendingFromAFarResultReturnsToTheLatest();
    void resultAtTheLatestLeavesAFarResultsWindow();
    void clearingWhileAwayShowsTheLatestWithoutTheCleared();
    void exportWritesTextAndJsonLines();
    void storedPendingMessageIsSentOnTheNextConnection();
    void typedWhileConnectingIsStoredAtOnce();
    void unsentFromAnEarlierAttemptIsShownAndSent();
    void anotherCertificateOnTheSameAddressIsANewConversation();
    void whatTheEarlierHostNeverReceivedIsNotSentToAnotherCertificate();
    void anotherCertificatesStoredConversationIsShownBelowTheNotice();
    void reconnectingToAnotherCertificateIsANewConversationToo();
    void anotherCertificatesOlderHistoryStaysApartFromTheEarlierHosts();
    void damagedFileIsSetAsideAndReported();

private:
    QString historyPath() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    void fill(const QList<HistoryMessage>& messages)
    {
        HistoryStore store;
        QCOMPARE(store.open(historyPath()).outcome, HistoryOpenReport::Outcome::Opened);
        QVERIFY(store.appendAll(messages));
    }
    /// count stored messages "stored N" of the hosted conversation; the one numbered hit also says
    /// "zebra".
    void fillWithHit(int count, int hit)
    {
        QList<HistoryMessage> messages;
        messages.reserve(count);
        for (int i = 0; i < count; ++i)
            messages << stored(hostConversation(), i);
        messages[hit].text += QStringLiteral(" zebra");
        fill(messages);
    }
    /// A shown window whose hosted tab shows "stored <hit> zebra", found by a search, of count
    /// stored messages; null unless it shows it away from the live end.
    SessionTab* showFarResult(int count, int hit)
    {
        fillWithHit(count, hit);
        m_window = std::make_unique<MainWindow>(AppPaths(m_dir->path()));
        SessionTab* tab = shownHostTab(*m_window);
        showFirstResult(*m_window, QStringLiteral("zebra"));
        return tab->messages().isAway() ? tab : nullptr;
    }
    QList<HistoryMessage> read(const QString& conversation) const
    {
        HistoryStore store;
        if (store.open(historyPath()).outcome != HistoryOpenReport::Outcome::Opened)
            return {};
        return store.latest(conversation, 10'000);
    }
    bool purgeOwed() const
    {
        HistoryStore store;
        return store.open(historyPath()).outcome == HistoryOpenReport::Outcome::Opened && store.isPurgeOwed();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window; // showFarResult's
};

void TestConversationHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestConversationHistory::cleanup()
{
    m_window.reset();
}

void TestConversationHistory::fileLivesUnderTheConfigFolderPrivate()
{
    MainWindow window { AppPaths(m_dir->path()) };
    QVERIFY(QFile::exists(historyPath()));
    QCOMPARE(QFile::permissions(historyPath()) & 0x0077, QFileDevice::Permissions());
}

void TestConversationHistory::historyIsShownOnReopening()
{
    {
        MainWindow window { AppPaths(m_dir->path()) };
        SessionTab* tab = hostTab(window);
        const auto guest
            = test::joinedClient(static_cast<HostedSession&>(tab->session()).host(), QStringLiteral("bob"));
        guest->sendMessage(QStringLiteral("hello from bob"));
        QTRY_VERIFY(shownMessages(tab).contains(QStringLiteral("hello from bob")));
        tab->session().send(QStringLiteral("hello from hal"));
        QCOMPARE(shownMessages(tab).size(), 2);
    }
    MainWindow again { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(again);
    // At once, before anything is said in this session.
    QCOMPARE(shownMessages(tab),
        QStringList({ QStringLiteral("hello from bob"), QStringLiteral("hello from hal") }));
    QCOMPARE(historyOf(tab)->key(), hostConversation());
}

void TestConversationHistory::olderMessagesLoadOnScroll()
{
    QList<HistoryMessage> messages;
    for (int i = 0; i < 450; ++i)
        messages << stored(hostConversation(), i);
    fill(messages);
    MainWindow window { AppPaths(m_dir->path()) };
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SessionTab* tab = hostTab(window);
    QCOMPARE(shownMessages(tab).size(), ConversationHistory::PageSize);
    QCOMPARE(shownMessages(tab).constLast(), QStringLiteral("stored 449"));
    QScrollBar* bar = tab->messageView()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum()); // where the person reads, then up to the top
    bar->setValue(bar->minimum());
    QTRY_COMPARE(shownMessages(tab).size(), 2 * ConversationHistory::PageSize);
    QCOMPARE(shownMessages(tab).constFirst(), QStringLiteral("stored 50"));
    QVERIFY(bar->value() > bar->minimum()); // the row looked at stays in view
    bar->setValue(bar->minimum());
    QTRY_COMPARE(shownMessages(tab).size(), 450);
    QCOMPARE(shownMessages(tab).constFirst(), QStringLiteral("stored 0"));
    bar->setValue(bar->minimum());
    QVERIFY(!historyOf(tab)->loadOlder());
}

void TestConversationHistory::conversationSwitchStopsStoringAndIsRemembered()
{
    {
        MainWindow window { AppPaths(m_dir->path()) };
        SessionTab* tab = hostTab(window);
        QAction* keep = historyOf(tab)->keepAction();
        QVERIFY(keep->isEnabled());
        QVERIFY(keep->isChecked()); // on by default
        QVERIFY(tab->messageView()->actions().contains(keep)); // in the tab's menu
        keep->trigger();
        QVERIFY(!historyOf(tab)->isKeeping());
        QVERIFY(hasNotice(tab, QStringLiteral("No new history is kept")));
        tab->session().send(QStringLiteral("not kept"));
        QVERIFY(read(hostConversation()).isEmpty());
    }
    MainWindow again { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(again);
    QVERIFY(!historyOf(tab)->keepAction()->isChecked());
    auto* windowAction = again.findChild<QAction*>(QStringLiteral("actionKeepHistory"));
    QVERIFY(windowAction);
    windowAction->trigger(); // the History menu's switch turns it back on
    QVERIFY(historyOf(tab)->isKeeping());
    tab->session().send(QStringLiteral("kept again"));
    QCOMPARE(read(hostConversation()).size(), 1);
}

void TestConversationHistory::globalSettingOffStoresNothingNew()
{
    MainWindow window { AppPaths(m_dir->path()) };
    window.settings().setValue(HistoryService::enabledKey, false);
    SessionTab* tab = hostTab(window);
    tab->session().send(QStringLiteral("not kept"));
    QVERIFY(read(hostConversation()).isEmpty());
}

void TestConversationHistory::clearingAConversationKeepsTheWindowWorking()
{
    QList<HistoryMessage> messages;
    for (int i = 0; i < 20'000; ++i)
        messages << stored(hostConversation(), i);
    messages << stored(QStringLiteral("client:SHA256:AA"), 1);
    fill(messages);
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    QVERIFY(clearHistory(window, false));
    QVERIFY(hasNotice(tab, QStringLiteral("was cleared")));
    QVERIFY(read(hostConversation()).isEmpty()); // at once, while the purge deletes the rows
    // The window goes on: what is said meanwhile is shown and stored at once.
    tab->session().send(QStringLiteral("said while clearing"));
    QVERIFY(shownMessages(tab).contains(QStringLiteral("said while clearing")));
    QCOMPARE(textsOf(read(hostConversation())), QStringList { QStringLiteral("said while clearing") });
    QTRY_VERIFY_WITH_TIMEOUT(hasNotice(tab, QStringLiteral("now removed from the history file")), 30'000);
    QVERIFY(!purgeOwed());
    QCOMPARE(textsOf(read(hostConversation())), QStringList { QStringLiteral("said while clearing") });
    QCOMPARE(read(QStringLiteral("client:SHA256:AA")).size(), 1); // the other conversation stays
}

void TestConversationHistory::purgeInterruptedByQuittingResumesAtTheNextStart()
{
    QList<HistoryMessage> messages;
    for (int i = 0; i < 20'000; ++i)
        messages << stored(hostConversation(), i);
    fill(messages);
    {
        MainWindow window { AppPaths(m_dir->path()) };
        hostTab(window);
        QVERIFY(clearHistory(window, true));
    } // quits while the purge has thousands of rows left
    QVERIFY(purgeOwed());
    QVERIFY(read(hostConversation()).isEmpty());

    MainWindow window { AppPaths(m_dir->path()) };
    QTRY_VERIFY_WITH_TIMEOUT(!purgeOwed(), 30'000);
    QVERIFY(read(hostConversation()).isEmpty());
}

void TestConversationHistory::clearingTakesTheClearedMessagesOutOfTheTab()
{
    HistoryMessage pending = stored(hostConversation(), 3, HistoryState::Pending);
    pending.text = QStringLiteral("not delivered yet");
    fill({ stored(hostConversation(), 1), stored(hostConversation(), 2), pending });
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    QCOMPARE(shownMessages(tab).size(), 3);
    QVERIFY(clearHistory(window, false));
    tab->session().send(QStringLiteral("said while clearing"));

    QTRY_VERIFY_WITH_TIMEOUT(hasNotice(tab, QStringLiteral("was cleared")), 30'000);
    QCOMPARE(shownMessages(tab),
        QStringList({ QStringLiteral("not delivered yet"), QStringLiteral("said while clearing") }));
    QCOMPARE(read(hostConversation()).size(), 2); // the same two are all the file holds
}

void TestConversationHistory::searchResultIsShownInItsConversation()
{
    QList<HistoryMessage> messages;
    for (int i = 0; i < 450; ++i)
        messages << stored(hostConversation(), i);
    messages[3].text = QStringLiteral("meet at the zebra crossing");
    fill(messages);
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    SessionTab* other = window.connectTo(
        test::clientOptions(static_cast<HostedSession&>(tab->session()).host(), QStringLiteral("bob")));
    window.tabWidget()->setCurrentWidget(other); // the person looks at another conversation
    HistorySearchDialog* dialog = window.historyMenu()->openSearch(QStringLiteral("zebra"));
    QCOMPARE(dialog->results()->count(), 1);
    QVERIFY(!shownMessages(tab).contains(QStringLiteral("meet at the zebra crossing"))); // 3 pages up

    dialog->results()->setCurrentRow(0);
    QTest::keyClick(dialog->results(), Qt::Key_Return);

    QCOMPARE(window.currentTab(), tab);
    const QModelIndex current = tab->messageView()->currentIndex();
    QCOMPARE(current.data().toString(), QStringLiteral("meet at the zebra crossing"));
    QCOMPARE(shownMessages(tab).size(), 450); // loaded page by page up to it
}

void TestConversationHistory::searchResultOfAClosedConversationOpensReadOnly()
{
    const QString elsewhere = QStringLiteral("client:SHA256:AA");
    QList<HistoryMessage> messages;
    for (int i = 0; i < 300; ++i)
        messages << stored(elsewhere, i);
    messages[150].text = QStringLiteral("meet at the zebra crossing");
    fill(messages);
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    HistorySearchDialog* dialog = window.historyMenu()->openSearch(QStringLiteral("zebra"));
    dialog->results()->setCurrentRow(0);

    QTest::keyClick(dialog->results(), Qt::Key_Return);

    auto* shown = window.findChild<StoredConversationDialog*>();
    QVERIFY(shown);
    QCOMPARE(window.currentTab(), tab); // no tab is opened or changed
    const QString text = shown->text()->toPlainText();
    QCOMPARE(text.count(u'\n'), 2 * StoredConversationDialog::Context); // one line per message
    QVERIFY(text.contains(QStringLiteral("bob: stored 50\n")));
    QVERIFY(!text.contains(QStringLiteral("bob: stored 49\n")));
    QVERIFY(text.endsWith(QStringLiteral("bob: stored 250")));
    QVERIFY(shown->text()->textCursor().selectedText().endsWith(
        QStringLiteral("bob: meet at the zebra crossing")));
    QVERIFY(shown->text()->isReadOnly());
}

void TestConversationHistory::farSearchResultIsShownAmongItsNeighboursOnly()
{
    SessionTab* tab = showFarResult(50'000, 100);

    QVERIFY(tab);
    QCOMPARE(m_window->currentTab(), tab);
    QCOMPARE(tab->messageView()->currentIndex().data().toString(), QStringLiteral("stored 100 zebra"));
    const QList<int> numbers = shownNumbers(tab);
    QVERIFY(tab->messages().rowCount() <= 2 * ConversationHistory::PageSize); // not 250 pages
    QCOMPARE(numbers.constFirst(), 0);
    QCOMPARE(numbers.constLast(), 100 + ConversationHistory::PageSize / 2);
    QVERIFY(consecutive(numbers));
    QVERIFY(tab->jumpToLatestButton()->isVisible());
    // Marked as the find bar marks what it found.
    QVERIFY(tab->findBar()->isVisible());
    QCOMPARE(tab->findBar()->text(), QStringLiteral("zebra"));
}

void TestConversationHistory::scrollingDownFromAFarResultLoadsEveryNewerMessageOnce()
{
    SessionTab* tab = showFarResult(2'000, 100);
    QVERIFY(tab);

    int lastSeen = -1;
    for (int step = 0; tab->messages().isAway() && step < 50; ++step) {
        const QList<int> numbers = shownNumbers(tab);
        QVERIFY(consecutive(numbers));
        QVERIFY2(numbers.constFirst() <= lastSeen + 1, "a gap between two steps");
        QVERIFY(tab->messages().rowCount()
            <= ConversationHistory::MaxWindowPages * ConversationHistory::PageSize);
        lastSeen = numbers.constLast();
        tab->messageView()->scrollToBottom();
    }

    QVERIFY(!tab->messages().isAway()); // the live end reached by scrolling
    const QList<int> numbers = shownNumbers(tab);
    QVERIFY(consecutive(numbers)); // the live end's rows follow on without a gap or a repeat
    QVERIFY(numbers.constFirst() <= lastSeen + 1);
    QCOMPARE(numbers.constLast(), 1'999);
    QVERIFY(!tab->jumpToLatestButton()->isVisible());
}

void TestConversationHistory::windowScrolledUpThenDownShowsEveryMessageOnce()
{
    SessionTab* tab = showFarResult(2'000, 1'200); // beyond the pages loaded down to a near one
    QVERIFY(tab);
    const int most = ConversationHistory::MaxWindowPages * ConversationHistory::PageSize;
    for (int step = 0; shownNumbers(tab).constFirst() > 0 && step < 30; ++step) {
        tab->messageView()->scrollToTop();
        QVERIFY(consecutive(shownNumbers(tab)));
        QVERIFY(tab->messages().rowCount() <= most); // pages go at the bottom as they come at the top
    }
    QCOMPARE(shownNumbers(tab).constFirst(), 0);
    QVERIFY(shownNumbers(tab).constLast() < 1'200); // the hit's page went

    int lastSeen = -1;
    for (int step = 0; tab->messages().isAway() && step < 30; ++step) {
        const QList<int> numbers = shownNumbers(tab);
        QVERIFY(consecutive(numbers));
        QVERIFY(numbers.constFirst() <= lastSeen + 1);
        lastSeen = numbers.constLast();
        tab->messageView()->scrollToBottom();
    }
    QVERIFY(!tab->messages().isAway());
    QVERIFY(consecutive(shownNumbers(tab)));
    QCOMPARE(shownNumbers(tab).constLast(), 1'999);
}

void TestConversationHistory::messageArrivingWhileAwayAppearsOnceAtTheLatest()
{
    SessionTab* tab = showFarResult(1'000, 100);
    QVERIFY(tab);
    const auto guest
        = test::joinedClient(static_cast<HostedSession&>(tab->session()).host(), QStringLiteral("bob"));

    guest->sendMessage(QStringLiteral("said while away"));

    QTRY_COMPARE(tab->messages().unseenCount(), 1);
    QVERIFY(tab->jumpToLatestButton()->text().contains(QStringLiteral("1 new message")));
    QVERIFY(!shownMessages(tab).contains(QStringLiteral("said while away")));
    QCOMPARE(read(hostConversation()).constLast().text, QStringLiteral("said while away")); // stored
    for (int step = 0; tab->messages().isAway() && step < 20; ++step)
        tab->messageView()->scrollToBottom();
    const QStringList shown = shownMessages(tab);
    QCOMPARE(shown.count(QStringLiteral("said while away")), 1);
    QCOMPARE(shown.constLast(), QStringLiteral("said while away"));
    QCOMPARE(shown.at(shown.size() - 2), QStringLiteral("stored 999"));
}

void TestConversationHistory::jumpToLatestShowsTheNewestMessages_data()
{
    QTest::addColumn<bool>("withKey");
    QTest::newRow("button") << false;
    QTest::newRow("End key") << true;
}

void TestConversationHistory::jumpToLatestShowsTheNewestMessages()
{
    QFETCH(bool, withKey);
    SessionTab* tab = showFarResult(1'000, 100);
    QVERIFY(tab);

    if (withKey)
        QTest::keyClick(tab->messageView(), Qt::Key_End);
    else
        tab->jumpToLatestButton()->click();

    QVERIFY(!tab->messages().isAway());
    QVERIFY(!tab->jumpToLatestButton()->isVisible());
    QCOMPARE(shownMessages(tab).size(), ConversationHistory::PageSize);
    QCOMPARE(shownMessages(tab).constLast(), QStringLiteral("stored 999"));
    QScrollBar* bar = tab->messageView()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
    bar->setValue(bar->minimum()); // and older pages load on scroll as before
    QTRY_COMPARE(shownMessages(tab).size(), 2 * ConversationHistory::PageSize);
    QVERIFY(consecutive(shownNumbers(tab)));
}

void TestConversationHistory::sendingFromAFarResultReturnsToTheLatest()
{
    SessionTab* tab = showFarResult(1'000, 100);
    QVERIFY(tab);

    tab->input()->setPlainText(QStringLiteral("back to now"));
    tab->sendButton()->click();

    QVERIFY(!tab->messages().isAway());
    const QStringList shown = shownMessages(tab);
    QCOMPARE(shown.count(QStringLiteral("back to now")), 1);
    QCOMPARE(shown.constLast(), QStringLiteral("back to now"));
    QCOMPARE(shown.at(shown.size() - 2), QStringLiteral("stored 999"));
}

void TestConversationHistory::resultAtTheLatestLeavesAFarResultsWindow()
{
    fillWithHit(1'000, 100);
    HistoryStore store;
    QCOMPARE(store.open(historyPath()).outcome, HistoryOpenReport::Outcome::Opened);
    HistoryMessage recent = stored(hostConversation(), 1'000);
    recent.text = QStringLiteral("stored 1000 zebra");
    QVERIFY(store.append(recent));
    store.close();
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = shownHostTab(window);
    HistorySearchDialog* dialog = window.historyMenu()->openSearch(QStringLiteral("zebra"));
    QCOMPARE(dialog->results()->count(), 2); // newest first
    dialog->results()->setCurrentRow(1);
    QTest::keyClick(dialog->results(), Qt::Key_Return);
    QVERIFY(tab->messages().isAway());

    dialog->results()->setCurrentRow(0);
    QTest::keyClick(dialog->results(), Qt::Key_Return);

    QVERIFY(!tab->messages().isAway());
    QCOMPARE(tab->messageView()->currentIndex().data().toString(), QStringLiteral("stored 1000 zebra"));
    QCOMPARE(shownNumbers(tab).constLast(), 1'000);
    QVERIFY(consecutive(shownNumbers(tab)));
}

void TestConversationHistory::clearingWhileAwayShowsTheLatestWithoutTheCleared()
{
    SessionTab* tab = showFarResult(1'000, 100);
    QVERIFY(tab);
    m_window->historyMenu()->confirmClear(false);
    auto* question = m_window->findChild<QMessageBox*>(QStringLiteral("clearHistoryQuestion"));
    QVERIFY(question);
    for (QAbstractButton* button : question->buttons()) {
        if (question->buttonRole(button) == QMessageBox::DestructiveRole)
            button->click();
    }

    QTRY_VERIFY_WITH_TIMEOUT(hasNotice(tab, QStringLiteral("was cleared")), 30'000);
    QVERIFY(!tab->messages().isAway());
    QVERIFY(shownMessages(tab).isEmpty());
    QVERIFY(!tab->jumpToLatestButton()->isVisible());
}

void TestConversationHistory::findBarSearchesEveryConversation()
{
    HistoryMessage elsewhere = stored(QStringLiteral("client:SHA256:AA"), 1);
    elsewhere.text = QStringLiteral("meet at the zebra crossing");
    fill({ elsewhere, stored(hostConversation(), 2) });
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = hostTab(window);
    tab->showFindBar();
    QTest::keyClicks(tab->findBar()->findChild<QLineEdit*>(), QStringLiteral("zeb"));
    tab->findBar()->findChild<QToolButton*>(QStringLiteral("searchHistoryButton"))->click();
    auto* dialog = window.findChild<HistorySearchDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->results()->count(), 1);
    QVERIFY(dialog->results()->item(0)->text().contains(QStringLiteral("bob: meet at the zebra crossing")));
    QCOMPARE(dialog->results()->item(0)->data(Qt::UserRole).toString(), QStringLiteral("client:SHA256:AA"));
}

void TestConversationHistory::exportWritesTextAndJsonLines()
{
    fill({ stored(hostConversation(), 1), stored(hostConversation(), 2, HistoryState::Sent) });
    MainWindow window { AppPaths(m_dir->path()) };
    ConversationHistory* history = historyOf(hostTab(window));
    const QString text = m_dir->filePath(QStringLiteral("out.txt"));
    QCOMPARE(history->exportTo(text, ConversationHistory::ExportFormat::Text), QString());
    QFile textFile(text);
    QVERIFY(textFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = textFile.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // and the last newline
    QVERIFY(lines.at(0).endsWith("] bob: stored 1"));
    QVERIFY(lines.at(1).endsWith("] hal: stored 2"));

    const QString json = m_dir->filePath(QStringLiteral("out.jsonl"));
    QCOMPARE(history->exportTo(json, ConversationHistory::ExportFormat::JsonLines), QString());
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonObject first = QJsonDocument::fromJson(jsonFile.readLine()).object();
    QCOMPARE(first.value(QStringLiteral("text")).toString(), QStringLiteral("stored 1"));
    QCOMPARE(first.value(QStringLiteral("direction")).toString(), QStringLiteral("in"));

    QVERIFY(!history
                 ->exportTo(m_dir->filePath(QStringLiteral("missing/out.txt")),
                     ConversationHistory::ExportFormat::Text)
                 .isEmpty());
}

void TestConversationHistory::storedPendingMessageIsSentOnTheNextConnection()
{
    const auto host = test::startHost();
    test::Inbox inbox(*host);
    const QString conversation = ConversationKey::joined(host->fingerprint());
    HistoryMessage typed = stored(conversation, 7, HistoryState::Pending);
    typed.text = QStringLiteral("typed before the crash");
    fill({ typed });

    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = window.connectTo(test::clientOptions(*host, QStringLiteral("bob")));
    QTRY_COMPARE(inbox.texts(), QStringList { QStringLiteral("typed before the crash") });
    QCOMPARE(inbox.messages.constFirst().id, typed.messageId); // its first id: the host de-duplicates
    QCOMPARE(shownMessages(tab), QStringList { QStringLiteral("typed before the crash") });
    const QModelIndex row = tab->messages().index(0);
    QTRY_COMPARE(
        row.data(ChatMessageModel::DeliveryRole).toInt(), int(ChatMessageModel::Delivery::Delivered));
    QTRY_COMPARE(read(conversation).constFirst().state, HistoryState::Sent);
}

void TestConversationHistory::typedWhileConnectingIsStoredAtOnce()
{
    HostOptions options = test::hostOptions();
    options.admission = Admission::Ask; // bob waits: the conversation is not known yet
    const auto host = test::startHost(std::move(options));
    test::Inbox inbox(*host);
    QSignalSpy asked(host.get(), &ChatHost::joinRequested);
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = window.connectTo(test::clientOptions(*host, QStringLiteral("bob")));
    const QString connecting
        = ConversationKey::connecting(static_cast<JoinedSession&>(tab->session()).endpoint());
    QVERIFY(asked.wait(10'000));

    tab->session().send(QStringLiteral("typed while waiting"));

    const QList<HistoryMessage> early = read(connecting); // at once: a crash now loses nothing
    QCOMPARE(early.size(), 1);
    QCOMPARE(early.constFirst().text, QStringLiteral("typed while waiting"));
    QCOMPARE(early.constFirst().state, HistoryState::Pending);
    QVERIFY(host->admit(asked.first().at(0).value<JoinRequest>().id));
    QTRY_COMPARE(inbox.texts(), QStringList { QStringLiteral("typed while waiting") });
    const QString conversation = ConversationKey::joined(host->fingerprint());
    QTRY_COMPARE(read(conversation).size(), 1);
    QTRY_COMPARE(read(conversation).constFirst().state, HistoryState::Sent);
    QVERIFY(read(connecting).isEmpty());
    QCOMPARE(shownMessages(tab), QStringList { QStringLiteral("typed while waiting") });
}

void TestConversationHistory::unsentFromAnEarlierAttemptIsShownAndSent()
{
    const auto host = test::startHost();
    test::Inbox inbox(*host);
    const ClientOptions options = test::clientOptions(*host, QStringLiteral("bob"));
    // What a window killed while connecting to this address left behind.
    const QString endpoint = KnownPeers::joinHostPort(options.host, options.port).value();
    HistoryMessage typed = stored(ConversationKey::connecting(endpoint), 9, HistoryState::Pending);
    typed.text = QStringLiteral("typed before the crash, while connecting");
    fill({ typed });

    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = window.connectTo(options);

    QTRY_COMPARE(inbox.texts(), QStringList { QStringLiteral("typed before the crash, while connecting") });
    QCOMPARE(shownMessages(tab), QStringList { QStringLiteral("typed before the crash, while connecting") });
    const QString conversation = ConversationKey::joined(host->fingerprint());
    QTRY_COMPARE(read(conversation).size(), 1);
    QTRY_COMPARE(read(conversation).constFirst().state, HistoryState::Sent);
}

void TestConversationHistory::anotherCertificateOnTheSameAddressIsANewConversation()
{
    auto first = test::startHost();
    const quint16 port = first->port();
    const QString firstConversation = ConversationKey::joined(first->fingerprint());
    MainWindow window { AppPaths(m_dir->path()) };
    std::unique_ptr<ChatHost> second;
    SessionTab* tab = secondHostAnswers(window, *first, second);
    QVERIFY(tab);
    second->sendMessage(QStringLiteral("from the second host"));
    QTRY_COMPARE(shownMessages(tab).size(), 2);

    // Said plainly, between the two hosts' messages.
    const int notice = rowOf(tab,
        QStringLiteral("A different certificate answered on 127.0.0.1:%1: this is a new conversation.")
            .arg(port));
    QVERIFY(notice > rowOf(tab, QStringLiteral("from the first host")));
    QVERIFY(notice < rowOf(tab, QStringLiteral("from the second host")));
    QCOMPARE(tab->messages().index(notice).data(ChatMessageModel::KindRole).toInt(),
        int(ChatMessageModel::Kind::Problem));
    QVERIFY(!hasNotice(tab, QStringLiteral("Reconnected")));
    // Each host's messages in its own conversation.
    const QString secondConversation = ConversationKey::joined(second->fingerprint());
    QCOMPARE(historyOf(tab)->key(), secondConversation);
    QTRY_COMPARE(textsOf(read(secondConversation)), QStringList { QStringLiteral("from the second host") });
    QCOMPARE(textsOf(read(firstConversation)), QStringList { QStringLiteral("from the first host") });
}

void TestConversationHistory::whatTheEarlierHostNeverReceivedIsNotSentToAnotherCertificate()
{
    auto first = test::startHost();
    const quint16 port = first->port();
    const QString firstConversation = ConversationKey::joined(first->fingerprint());
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = window.connectTo(bobTo(port));
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Active);
    first.reset(); // lost without a goodbye: what bob types now waits for the first host
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Reconnecting);
    tab->session().send(QStringLiteral("for the first host"));
    tab->session().end();
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Ended);

    const auto second = selfSignedHostOn(port);
    test::Inbox inbox(*second);
    QVERIFY(connectAgainAndTrustOnce(window, port));
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Active);
    tab->session().send(QStringLiteral("for the second host"));

    QTRY_COMPARE(inbox.texts(), QStringList { QStringLiteral("for the second host") });
    QTest::qWait(200); // nothing else arrives
    QCOMPARE(inbox.texts(), QStringList { QStringLiteral("for the second host") });
    // Still waiting for the first host, in its conversation: sent when bob reaches it again.
    const QList<HistoryMessage> waiting = read(firstConversation);
    QCOMPARE(textsOf(waiting), QStringList { QStringLiteral("for the first host") });
    QCOMPARE(waiting.constFirst().state, HistoryState::Pending);
}

void TestConversationHistory::anotherCertificatesStoredConversationIsShownBelowTheNotice()
{
    const QString secondConversation = ConversationKey::joined(
        CertificateDetails::fingerprintSha256(test::identity(QStringLiteral("selfsigned")).certificate()));
    HistoryMessage earlier = stored(secondConversation, 1);
    earlier.text = QStringLiteral("said by the second host last week");
    fill({ earlier });
    auto first = test::startHost();
    MainWindow window { AppPaths(m_dir->path()) };
    std::unique_ptr<ChatHost> second;
    SessionTab* tab = secondHostAnswers(window, *first, second);
    QVERIFY(tab);

    QCOMPARE(shownMessages(tab),
        QStringList(
            { QStringLiteral("from the first host"), QStringLiteral("said by the second host last week") }));
    QVERIFY(rowOf(tab, QStringLiteral("this is a new conversation"))
        < rowOf(tab, QStringLiteral("said by the second host last week")));
    QVERIFY(!historyOf(tab)->loadOlder()); // nothing of it is put above the first host's messages
}

void TestConversationHistory::reconnectingToAnotherCertificateIsANewConversationToo()
{
    auto first = test::startHost();
    const quint16 port = first->port();
    MainWindow window { AppPaths(m_dir->path()) };
    SessionTab* tab = window.connectTo(bobTo(port));
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Active);
    first.reset(); // lost without a goodbye: reconnecting by itself
    QTRY_COMPARE(tab->session().phase(), ChatSession::Phase::Reconnecting);

    // Another certificate the test CA vouches for: no question, but not the same conversation.
    HostOptions options = test::hostOptions(QStringLiteral("host-rsa"));
    options.port = port;
    const auto second = test::startHost(std::move(options));
    QTRY_COMPARE_WITH_TIMEOUT(tab->session().phase(), ChatSession::Phase::Active, 10'000);

    QVERIFY(hasNotice(tab, QStringLiteral("this is a new conversation")));
    QCOMPARE(historyOf(tab)->key(), ConversationKey::joined(second->fingerprint()));
}

void TestConversationHistory::anotherCertificatesOlderHistoryStaysApartFromTheEarlierHosts()
{
    auto first = test::startHost();
    HistoryMessage firstHosts = stored(ConversationKey::joined(first->fingerprint()), 0);
    firstHosts.text = QStringLiteral("said by the first host last week");
    QList<HistoryMessage> all { firstHosts };
    const QString secondConversation = ConversationKey::joined(
        CertificateDetails::fingerprintSha256(test::identity(QStringLiteral("selfsigned")).certificate()));
    for (int number = 1; number <= 2 * ConversationHistory::PageSize; ++number)
        all << stored(secondConversation, number);
    fill(all);
    MainWindow window { AppPaths(m_dir->path()) };
    std::unique_ptr<ChatHost> second;
    SessionTab* tab = secondHostAnswers(window, *first, second);
    QVERIFY(tab);
    const QList<HistoryMessage> secondHosts = read(secondConversation);
    const auto hit = std::find_if(secondHosts.cbegin(), secondHosts.cend(),
        [](const HistoryMessage& message) { return message.text == QStringLiteral("stored 10"); });
    QVERIFY(hit != secondHosts.cend());

    // Far back in the second host's conversation: a window of its own messages only.
    QVERIFY(historyOf(tab)->showStored(*hit) >= 0);
    QVERIFY(tab->messages().isAway());
    QVERIFY(!shownMessages(tab).contains(QStringLiteral("said by the first host last week")));
    QVERIFY(consecutive(shownNumbers(tab)));

    // Back at the live end, nothing of it is loaded above the first host's messages.
    historyOf(tab)->showLatest();
    QVERIFY(!historyOf(tab)->loadOlder());
    QCOMPARE(shownMessages(tab).constFirst(), QStringLiteral("said by the first host last week"));
}

void TestConversationHistory::damagedFileIsSetAsideAndReported()
{
    QFile damaged(historyPath());
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(QByteArray(8192, 'x'));
    damaged.close();
    MainWindow window { AppPaths(m_dir->path()) };
    window.show();
    QMessageBox* report = nullptr;
    QTRY_VERIFY((report = window.findChild<QMessageBox*>()) != nullptr);
    QVERIFY2(report->text().contains(QStringLiteral("could not be read")), qPrintable(report->text()));
    QCOMPARE(window.findChildren<QMessageBox*>().size(), 1); // once
    const QStringList aside = QDir(m_dir->path()).entryList({ QStringLiteral("history.sqlite.corrupt-*") });
    QCOMPARE(aside.size(), 1);
    // The app works, with a new history.
    SessionTab* tab = hostTab(window);
    tab->session().send(QStringLiteral("after the damage"));
    QCOMPARE(read(hostConversation()).size(), 1);
}

// Where the desktop puts icons on dialog buttons, Clear has one beside Cancel's.
void TestConversationHistory::clearQuestionHasAnIconOnEveryButton()
{
    const test::IconsOnDialogButtons icons;
    MainWindow window { AppPaths(m_dir->path()) };
    hostTab(window);
    window.historyMenu()->confirmClear(false);
    auto* question = window.findChild<QMessageBox*>(QStringLiteral("clearHistoryQuestion"));
    QVERIFY(question);
    QCOMPARE(test::buttonsWithoutIcon(*question), QStringList());
}

QTEST_MAIN(TestConversationHistory)
#include "tst_conversationhistory.moc"
