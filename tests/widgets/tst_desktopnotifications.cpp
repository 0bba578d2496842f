// SPDX-License-Identifier: MIT
// Desktop notifications against a real notification server: dunst, on a private D-Bus session
// bus and a private X display (Xvfb) that this test starts, with dbus-monitor recording every
// Notify call as the server receives it. Messages come from a real client over TLS on loopback.
#include "chatmessagemodel.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "messagenotifications.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "settingsdialog.h"

#include <QAction>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// One Notify call as dbus-monitor printed it.
struct Notified {
    QString appName;
    uint replacesId = 0;
    QString summary;
    QString body;
    QStringList actions;
};

// dbus-monitor prints a call's arguments one per line ("   string \"text\"", "   uint32 7"); a string
// with line breaks goes on over the next lines.
QList<Notified> parseMonitor(const QString& output)
{
    QList<Notified> calls;
    const QStringList lines = output.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines.at(i).startsWith(str("method call")) || !lines.at(i).contains(str("member=Notify")))
            continue;
        QStringList values; // the arguments, up to the actions
        QStringList actions;
        bool inActions = false;
        for (++i; i < lines.size() && !lines.at(i).startsWith(str("method call"))
             && !lines.at(i).startsWith(str("signal")) && !lines.at(i).startsWith(str("method return"));
             ++i) {
            const QString line = lines.at(i);
            const QString trimmed = line.trimmed();
            if (trimmed.startsWith(str("array [")) && actions.isEmpty() && !inActions && values.size() == 5) {
                inActions = true;
            } else if (inActions && trimmed == str("]")) {
                inActions = false;
                values << QString(); // actions done
            } else if (trimmed.startsWith(str("string \"")) || trimmed.startsWith(str("uint32 "))) {
                const QString value = trimmed.startsWith(str("uint32 ")) ? trimmed.mid(7) : trimmed.mid(8);
                if (inActions)
                    actions << value.chopped(1);
                else if (values.size() < 5)
                    values << value;
            } else if (values.size() > 0 && values.size() <= 5 && !inActions && !line.startsWith(u' ')) {
                values.last() += u'\n' + line; // a string went on over this line
            }
        }
        --i;
        if (values.size() < 5)
            continue;
        auto unquote = [](QString text) { return text.endsWith(u'"') ? text.chopped(1) : text; };
        calls << Notified { unquote(values.at(0)), values.at(1).toUInt(), unquote(values.at(3)),
            unquote(values.at(4)), actions };
    }
    return calls;
}

} // namespace

class TestDesktopNotifications final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void senderAndTextArrive();
    void markupIsEscaped();
    void doNotDisturbSuppresses();
    void hiddenPreviewsSayOnlyWho();
    void aConversationKeepsOneNotification();
    void clickingOpensTheConversation();
    void notForTheConversationInView();

private:
    /// Every Notify call the server received since this test function began.
    QList<Notified> notified();
    QString dunstctl(const QStringList& arguments) const;
    SessionTab* hostTab();

    QTemporaryDir m_scratch;
    QProcess m_xvfb;
    QProcess m_bus;
    QProcess m_dunst;
    QProcess m_monitor;
    QString m_recorded; // what m_monitor printed so far
    QString m_display;
    QString m_address;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<MainWindow> m_window;
    std::vector<std::unique_ptr<ChatClient>> m_clients;
};

void TestDesktopNotifications::initTestCase()
{
    for (const char* program : { "Xvfb", "dbus-daemon", "dbus-monitor", "dunst", "dunstctl" }) {
        if (QStandardPaths::findExecutable(str(program)).isEmpty())
            QFAIL(
                qPrintable(str("%1 is not installed (scripts/lib/setup.sh installs it)").arg(str(program))));
    }
    // A display of its own for dunst to draw on; Xvfb writes the number it took.
    m_xvfb.start(str("Xvfb"),
        { str("-displayfd"), str("1"), str("-screen"), str("0"), str("800x600x24"), str("-nolisten"),
            str("tcp") });
    QVERIFY(m_xvfb.waitForReadyRead(10'000));
    m_display = u':' + QString::fromLatin1(m_xvfb.readLine().trimmed());

    m_bus.start(str("dbus-daemon"), { str("--session"), str("--print-address=1"), str("--nofork") });
    QVERIFY(m_bus.waitForReadyRead(10'000));
    m_address = QString::fromLatin1(m_bus.readLine().trimmed());
    QVERIFY(!m_address.isEmpty());

    // Markup on, as in dunst's own default configuration: the case where escaping matters.
    QFile config(m_scratch.filePath(str("dunstrc")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[global]\nmarkup = full\n");
    config.close();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(str("DISPLAY"), m_display);
    environment.insert(str("DBUS_SESSION_BUS_ADDRESS"), m_address);
    m_dunst.setProcessEnvironment(environment);
    m_dunst.start(str("dunst"), { str("-config"), config.fileName() });
    QDBusConnection bus = QDBusConnection::connectToBus(m_address, str("private-session"));
    QVERIFY(bus.isConnected());
    QTRY_VERIFY_WITH_TIMEOUT(
        bus.interface()->isServiceRegistered(str("org.freedesktop.Notifications")), 10'000);
}

void TestDesktopNotifications::init()
{
    m_monitor.start(str("dbus-monitor"),
        { str("--address"), m_address, str("type='method_call',interface='org.freedesktop.Notifications'") });
    QVERIFY(m_monitor.waitForStarted());
    QTRY_VERIFY(m_monitor.bytesAvailable() > 0 || m_monitor.state() == QProcess::Running);
    QTest::qWait(200); // until it is a monitor of the bus
    dunstctl({ str("close-all") });
    m_home = std::make_unique<QTemporaryDir>();
    m_window = std::make_unique<MainWindow>(AppPaths(m_home->path())); // never shown: nobody looks
    m_window->notifications()->useBus(QDBusConnection(str("private-session")));
}

void TestDesktopNotifications::cleanup()
{
    m_clients.clear();
    m_window.reset();
    m_monitor.terminate();
    m_monitor.waitForFinished();
    m_recorded.clear();
}

void TestDesktopNotifications::cleanupTestCase()
{
    for (QProcess* process : { &m_dunst, &m_bus, &m_xvfb }) {
        process->terminate();
        process->waitForFinished();
    }
}

QList<Notified> TestDesktopNotifications::notified()
{
    m_recorded += QString::fromUtf8(m_monitor.readAllStandardOutput()); // the monitor goes on
    return parseMonitor(m_recorded);
}

QString TestDesktopNotifications::dunstctl(const QStringList& arguments) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(str("DBUS_SESSION_BUS_ADDRESS"), m_address);
    process.setProcessEnvironment(environment);
    process.start(str("dunstctl"), arguments);
    process.waitForFinished();
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

SessionTab* TestDesktopNotifications::hostTab()
{
    const auto hosting = m_window->host(test::hostOptions());
    if (!hosting)
        qFatal("could not host: %s", qPrintable(hosting.error()));
    return hosting.value();
}

namespace {

const ChatHost& hostOf(const SessionTab* tab)
{
    return static_cast<const HostedSession&>(tab->session()).host();
}

} // namespace

void TestDesktopNotifications::senderAndTextArrive()
{
    SessionTab* tab = hostTab();
    m_clients.push_back(test::joinedClient(hostOf(tab), str("bob")));
    m_clients.back()->sendMessage(str("Hello from bob"));
    QTRY_COMPARE(notified().size(), 1);
    const Notified call = notified().constFirst();
    QCOMPARE(call.appName, str("SecureChat"));
    QCOMPARE(call.replacesId, 0U);
    QCOMPARE(call.summary, str("bob"));
    QCOMPARE(call.body, str("Hello from bob"));
    QCOMPARE(call.actions, QStringList({ str("default"), str("Open") }));
    QTRY_COMPARE(dunstctl({ str("count"), str("displayed") }), str("1"));
}

void TestDesktopNotifications::markupIsEscaped()
{
    SessionTab* tab = hostTab();
    m_clients.push_back(test::joinedClient(hostOf(tab), str("bob")));
    m_clients.back()->sendMessage(str("<b>not bold</b> & <img src=/etc/hostname>"));
    QTRY_COMPARE(notified().size(), 1);
    // This dunst renders markup in bodies (it says so: "body-markup"): the text must arrive escaped.
    QCOMPARE(
        notified().constFirst().body, str("&lt;b&gt;not bold&lt;/b&gt; &amp; &lt;img src=/etc/hostname&gt;"));
}

void TestDesktopNotifications::doNotDisturbSuppresses()
{
    SessionTab* tab = hostTab();
    m_clients.push_back(test::joinedClient(hostOf(tab), str("bob")));
    QAction* doNotDisturb = m_window->findChild<QAction*>(str("actionDoNotDisturb"));
    doNotDisturb->trigger();
    QVERIFY(doNotDisturb->isChecked());
    m_clients.back()->sendMessage(str("quiet please"));
    QTRY_COMPARE(tab->unreadCount(), 1); // it arrived, and was not notified
    doNotDisturb->trigger();
    m_clients.back()->sendMessage(str("loud again"));
    QTRY_COMPARE(notified().size(), 1);
    QCOMPARE(notified().constFirst().body, str("loud again"));
    QCOMPARE(notified().constFirst().summary, str("bob"));
}

void TestDesktopNotifications::hiddenPreviewsSayOnlyWho()
{
    m_window->settings().setValue(MessageNotifications::hideTextKey, true);
    SessionTab* tab = hostTab();
    m_clients.push_back(test::joinedClient(hostOf(tab), str("bob")));
    m_clients.back()->sendMessage(str("the secret plan"));
    QTRY_COMPARE(notified().size(), 1);
    QCOMPARE(notified().constFirst().summary, str("New message from bob"));
    QCOMPARE(notified().constFirst().body, QString());
}

void TestDesktopNotifications::aConversationKeepsOneNotification()
{
    SessionTab* tab = hostTab();
    m_clients.push_back(test::joinedClient(hostOf(tab), str("bob")));
    m_clients.back()->sendMessage(str("first"));
    QTRY_COMPARE(notified().size(), 1);
    QTRY_COMPARE(dunstctl({ str("count"), str("displayed") }), str("1"));
    m_clients.back()->sendMessage(str("second"));
    QTRY_COMPARE(notified().size(), 2);
    const Notified second = notified().at(1);
    QVERIFY(second.replacesId != 0); // the first one's id: replaced, not added
    QCOMPARE(second.summary, str("bob (2 new messages)"));
    QCOMPARE(second.body, str("first\nsecond"));
    QTest::qWait(300);
    QCOMPARE(dunstctl({ str("count"), str("displayed") }), str("1"));
}

void TestDesktopNotifications::clickingOpensTheConversation()
{
    SessionTab* first = hostTab();
    SessionTab* second = hostTab();
    QCOMPARE(m_window->currentTab(), second);
    m_clients.push_back(test::joinedClient(hostOf(first), str("bob")));
    m_clients.back()->sendMessage(str("over here"));
    QTRY_COMPARE(notified().size(), 1);
    QTRY_COMPARE(dunstctl({ str("count"), str("displayed") }), str("1"));
    dunstctl({ str("action"), str("0") }); // as a click on it does
    QTRY_COMPARE(m_window->currentTab(), first);
    QVERIFY(m_window->isVisible());
}

void TestDesktopNotifications::notForTheConversationInView()
{
    SessionTab* elsewhere = hostTab();
    SessionTab* inView = hostTab();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(m_window->currentTab(), inView);
    m_clients.push_back(test::joinedClient(hostOf(inView), str("bob")));
    m_clients.push_back(test::joinedClient(hostOf(elsewhere), str("carol")));
    m_clients.at(0)->sendMessage(str("you see this one"));
    QTRY_COMPARE(inView->messages().rowCount(), 3); // hosting, bob joined, his message
    m_clients.at(1)->sendMessage(str("you do not see this one"));
    QTRY_COMPARE(notified().size(), 1);
    QTest::qWait(200);
    QCOMPARE(notified().size(), 1);
    QCOMPARE(notified().constFirst().summary, str("carol"));
}

QTEST_MAIN(TestDesktopNotifications)
#include "tst_desktopnotifications.moc"
