// SPDX-License-Identifier: MIT
// The banner of a joined session whose connection is lost: a real host over loopback is stopped
// and started again on the same port with the same certificate. The banner counts down to the next
// attempt, Reconnect now skips the wait, Stop ends the session, and what was typed meanwhile is
// shown as pending until the host confirms it.
#include "chatmessagemodel.h"
#include "joinedsession.h"
#include "messageinput.h"
#include "sessionbanner.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "testcerts.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace securechat;
using namespace securechat::test;

class TestReconnectBanner final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lostConnectionShowsTheCountdownWithReconnectNowAndStop();
    void reconnectNowSkipsTheWaitAndDeliversWhatWasTyped();
    void stopEndsTheSession();

private:
    void dropHost() { m_host.reset(); }
    void restartHost()
    {
        HostOptions options = hostOptions();
        options.port = m_port;
        m_host = startHost(std::move(options));
    }
    JoinedSession& joined() const { return static_cast<JoinedSession&>(m_tab->session()); }
    void type(const QString& text) const
    {
        QTest::keyClicks(m_tab->input(), text);
        QTest::keyClick(m_tab->input(), Qt::Key_Return);
    }
    ChatMessageModel::Delivery deliveryOfLastMessage() const
    {
        const ChatMessageModel& messages = m_tab->messages();
        for (int row = messages.rowCount() - 1; row >= 0; --row) {
            const QModelIndex index = messages.index(row);
            if (index.data(ChatMessageModel::KindRole).toInt()
                == static_cast<int>(ChatMessageModel::Kind::OwnMessage))
                return static_cast<ChatMessageModel::Delivery>(
                    index.data(ChatMessageModel::DeliveryRole).toInt());
        }
        return ChatMessageModel::Delivery::None;
    }

    std::unique_ptr<ChatHost> m_host;
    quint16 m_port = 0;
    std::unique_ptr<SessionTab> m_tab;
};

void TestReconnectBanner::init()
{
    m_host = startHost();
    m_port = m_host->port();
    ClientOptions options = clientOptions(*m_host, QStringLiteral("bob"));
    options.identity = identity(QStringLiteral("client"));
    auto session = std::make_unique<JoinedSession>(std::move(options), nullptr);
    JoinedSession* started = session.get();
    m_tab = std::make_unique<SessionTab>(std::move(session));
    m_tab->show();
    started->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->session().phase(), ChatSession::Phase::Active, 10'000);
}

void TestReconnectBanner::cleanup()
{
    m_tab.reset();
    m_host.reset();
}

void TestReconnectBanner::lostConnectionShowsTheCountdownWithReconnectNowAndStop()
{
    SessionBanner* banner = m_tab->banner();
    QVERIFY(!banner->isVisible());

    dropHost();

    QTRY_COMPARE(m_tab->session().phase(), ChatSession::Phase::Reconnecting);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->mode(), SessionBanner::Mode::Reconnecting);
    QCOMPARE(banner->text(), QString::fromUtf8("Connection lost — reconnecting in 1 s"));
    QCOMPARE(banner->actionButton()->text(), QStringLiteral("Reconnect Now"));
    QVERIFY(banner->stopButton()->isVisible());
    QVERIFY(m_tab->input()->isEnabled()); // the person can go on typing

    // The first attempt fails (nothing listens): the next one is 2 s away, counted down.
    QTRY_COMPARE_WITH_TIMEOUT(
        banner->text(), QString::fromUtf8("Connection lost — reconnecting in 2 s"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        banner->text(), QString::fromUtf8("Connection lost — reconnecting in 1 s"), 3000);
}

void TestReconnectBanner::reconnectNowSkipsTheWaitAndDeliversWhatWasTyped()
{
    SessionBanner* banner = m_tab->banner();
    dropHost();
    QTRY_COMPARE_WITH_TIMEOUT(
        banner->text(), QString::fromUtf8("Connection lost — reconnecting in 2 s"), 5000);
    type(QStringLiteral("typed while away"));
    QCOMPARE(deliveryOfLastMessage(), ChatMessageModel::Delivery::Pending);

    restartHost();
    QSignalSpy hostReceived(m_host.get(), &ChatHost::messageReceived);
    QTest::mouseClick(banner->actionButton(), Qt::LeftButton);

    // Well before the 2 s the schedule would have waited.
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->session().phase(), ChatSession::Phase::Active, 1500);
    QVERIFY(!banner->isVisible());
    QTRY_COMPARE(hostReceived.size(), 1);
    QCOMPARE(hostReceived.first().at(0).value<ChatMessage>().text, QStringLiteral("typed while away"));
    QTRY_COMPARE(deliveryOfLastMessage(), ChatMessageModel::Delivery::Delivered);
}

void TestReconnectBanner::stopEndsTheSession()
{
    SessionBanner* banner = m_tab->banner();
    QSignalSpy ended(&m_tab->session(), &ChatSession::ended);
    dropHost();
    QTRY_COMPARE(banner->mode(), SessionBanner::Mode::Reconnecting);

    QTest::mouseClick(banner->stopButton(), Qt::LeftButton);

    QCOMPARE(ended.size(), 1);
    QCOMPARE(m_tab->session().phase(), ChatSession::Phase::Ended);
    QCOMPARE(banner->mode(), SessionBanner::Mode::Ended);
    QVERIFY(!banner->stopButton()->isVisible());
    restartHost();
    QTest::qWait(1500); // past the first attempt's time: none is made
    QCOMPARE(m_tab->session().phase(), ChatSession::Phase::Ended);
}

QTEST_MAIN(TestReconnectBanner)
#include "tst_reconnectbanner.moc"
