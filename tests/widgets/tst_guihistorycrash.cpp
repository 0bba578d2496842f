// SPDX-License-Identifier: MIT
// The desktop app killed with SIGKILL loses nothing: every message it showed, and every one typed
// into it (while waiting to be let in, once joined, and while a clear is purged), is in its
// history file. The real
// securechat process on the offscreen platform, typed into with key presses by the guidriver
// plugin (guidriver/), joined to a real host in this process over TLS on 127.0.0.1.
#include "base/apppaths.h"
#include "history/historystore.h"
#include "sessionharness.h"
#include "testcerts.h"
#include "verification/invitelink.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

// securechat joining `host` through an invite link (no trust question), with a config folder of
// its own, driven by the guidriver.
class DrivenApp final {
public:
    // stored: what the history holds before the app starts.
    explicit DrivenApp(const ChatHost& host, const QList<HistoryMessage>& stored = {})
    {
        if (!stored.isEmpty()) {
            HistoryStore store;
            if (store.open(historyPath()).outcome != HistoryOpenReport::Outcome::Opened
                || !store.appendAll(stored))
                qFatal("could not fill the history");
        }
        const auto link = InviteLink::create(QStringLiteral("127.0.0.1"), host.port(),
            test::identity(QStringLiteral("host")).certificate().digest(QCryptographicHash::Sha256));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("QT_PLUGIN_PATH"), QStringLiteral(GUIDRIVER_PLUGIN_PATH));
        environment.insert(QStringLiteral("QT_QPA_GENERIC_PLUGINS"), QStringLiteral("securechatguidriver"));
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(SECURECHAT_GUI),
            QStringList { QStringLiteral("--config-dir"), m_config.path(), QStringLiteral("--nick"),
                QStringLiteral("bob"), link.value().toString() });
    }

    // Sends a command to the guidriver and waits for it to be done (the host in this process
    // goes on meanwhile).
    bool drive(const QString& command)
    {
        m_process.write((command + u'\n').toUtf8());
        const QByteArray done = "done " + command.toUtf8() + '\n';
        QDeadlineTimer deadline(15'000);
        while (!m_output.contains(done)) {
            if (deadline.hasExpired() || m_process.state() != QProcess::Running)
                return false;
            QTest::qWait(20);
            m_output += m_process.readAllStandardOutput();
        }
        m_output.remove(0, m_output.indexOf(done) + done.size());
        return true;
    }

    // SIGKILL: no destructor, no close, no checkpoint.
    bool kill()
    {
        m_process.kill();
        return m_process.waitForFinished(10'000) && m_process.exitStatus() == QProcess::CrashExit;
    }

    // The texts of every message in the app's history file, of every conversation.
    QStringList storedTexts() const
    {
        HistoryStore store;
        QStringList texts;
        if (store.open(historyPath()).outcome != HistoryOpenReport::Outcome::Opened)
            return texts;
        for (const HistoryConversation& conversation : store.conversations()) {
            for (const HistoryMessage& message : store.latest(conversation.key, 1000))
                texts << message.text;
        }
        return texts;
    }

    // Whether a purge of cleared messages was left unfinished.
    bool purgeOwed() const
    {
        HistoryStore store;
        return store.open(historyPath()).outcome == HistoryOpenReport::Outcome::Opened && store.isPurgeOwed();
    }

private:
    QString historyPath() const { return AppPaths(m_config.path()).historyFile(); }

    QTemporaryDir m_config;
    QProcess m_process;
    QByteArray m_output;
};

std::unique_ptr<ChatHost> askingHost()
{
    HostOptions options = test::hostOptions();
    options.admission = Admission::Ask; // the app waits to be let in: its conversation is not known yet
    return test::startHost(std::move(options));
}

} // namespace

class TestGuiHistoryCrash final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void typedWhileWaitingToJoinSurvivesSigkill();
    void everyMessageShownOrTypedSurvivesSigkill();
    void typedWhileAClearIsPurgedSurvivesSigkill();
};

void TestGuiHistoryCrash::typedWhileWaitingToJoinSurvivesSigkill()
{
    const auto host = askingHost();
    QSignalSpy asked(host.get(), &ChatHost::joinRequested);
    DrivenApp app(*host);
    QVERIFY(asked.wait(20'000));
    const QStringList typed { QStringLiteral("typed while waiting 1"),
        QStringLiteral("typed while waiting 2") };
    for (const QString& text : typed)
        QVERIFY(app.drive(QStringLiteral("type ") + text));

    QVERIFY(app.kill());

    const QStringList stored = app.storedTexts();
    for (const QString& text : typed)
        QVERIFY2(stored.contains(text), qPrintable(text));
}

void TestGuiHistoryCrash::everyMessageShownOrTypedSurvivesSigkill()
{
    const auto host = askingHost();
    test::Inbox hostInbox(*host);
    QSignalSpy asked(host.get(), &ChatHost::joinRequested);
    DrivenApp app(*host);
    QVERIFY(asked.wait(20'000));
    QStringList typed { QStringLiteral("typed while waiting 1"), QStringLiteral("typed while waiting 2") };
    for (const QString& text : std::as_const(typed))
        QVERIFY(app.drive(QStringLiteral("type ") + text));
    QVERIFY(host->admit(asked.first().at(0).value<JoinRequest>().id));
    QTRY_COMPARE_WITH_TIMEOUT(hostInbox.texts(), typed, 10'000);
    QStringList shown;
    for (int i = 1; i <= 20; ++i)
        shown << host->sendMessage(QStringLiteral("from the host %1").arg(i)).text;
    QVERIFY(app.drive(QStringLiteral("expect ") + shown.constLast()));
    for (int i = 1; i <= 20; ++i) {
        typed << QStringLiteral("typed once joined %1").arg(i);
        QVERIFY(app.drive(QStringLiteral("type ") + typed.constLast()));
    }

    QVERIFY(app.kill()); // some of the last ones are still unacknowledged

    const QStringList stored = app.storedTexts();
    for (const QString& text : std::as_const(shown) + typed)
        QVERIFY2(stored.contains(text), qPrintable(text));
}

void TestGuiHistoryCrash::typedWhileAClearIsPurgedSurvivesSigkill()
{
    QList<HistoryMessage> earlier;
    for (int i = 0; i < 50'000; ++i)
        earlier.append({ QStringLiteral("client:SHA256:AA"), QString::number(i), QStringLiteral("carol"),
            QString(), QStringLiteral("earlier %1").arg(i), i, HistoryDirection::Incoming,
            HistoryState::Received, 0 });
    const auto host = askingHost();
    QSignalSpy asked(host.get(), &ChatHost::joinRequested);
    DrivenApp app(*host, earlier);
    QVERIFY(asked.wait(20'000));
    QVERIFY(host->admit(asked.first().at(0).value<JoinRequest>().id));
    QVERIFY(app.drive(QStringLiteral("expect ") + host->sendMessage(QStringLiteral("welcome")).text));
    QVERIFY(app.drive(QStringLiteral("trigger actionClearAllHistory")));
    QVERIFY(app.drive(QStringLiteral("confirm clearHistoryQuestion")));
    QStringList typed;
    for (int i = 1; i <= 10; ++i) {
        typed << QStringLiteral("typed during the purge %1").arg(i);
        QVERIFY(app.drive(QStringLiteral("type ") + typed.constLast()));
    }

    QVERIFY(app.kill());

    QVERIFY(app.purgeOwed()); // killed mid-purge: everything above was typed during it
    const QStringList stored = app.storedTexts();
    for (const QString& text : std::as_const(typed))
        QVERIFY2(stored.contains(text), qPrintable(text));
    QVERIFY(!stored.contains(QStringLiteral("earlier 1")));
}

QTEST_GUILESS_MAIN(TestGuiHistoryCrash)
#include "tst_guihistorycrash.moc"
