// SPDX-License-Identifier: MIT
// A history writer killed with SIGKILL mid-conversation loses nothing it had stored; nor does a
// securechat-cli connect killed while it waits to be let in (real processes, real TLS on loopback).
#include "cliprocess.h"
#include "history/historystore.h"
#include "historytexts.h"
#include "sessionharness.h"
#include "testcerts.h"

#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace securechat;
using namespace securechat::test;

namespace {

const QStringList Typed { QStringLiteral("typed while waiting"), QStringLiteral("second line"),
    QStringLiteral("third, and still nobody let me in") };

} // namespace

class TestHistoryCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cliKilledWhileWaitingToBeLetInKeepsEveryTypedLinePending();
    void linesLeftByAKilledCliAreSentOnceWhenTheNextRunJoins();
    void cliRefusedBeforeJoiningSaysItKeptWhatWasTyped();
    void everyStoredMessageSurvivesSigkill()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString conversation = QStringLiteral("client:SHA256:b0b");

        QProcess writer;
        writer.start(QStringLiteral(HISTORY_CRASH_WRITER), { path, conversation });
        QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
        QByteArray printed;
        while (printed.count('\n') < 500 && writer.state() == QProcess::Running) {
            writer.waitForReadyRead(10'000);
            printed += writer.readAllStandardOutput();
        }
        writer.kill(); // SIGKILL: no destructor, no close, no checkpoint
        QVERIFY(writer.waitForFinished(10'000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        QVERIFY2(writer.readAllStandardError().isEmpty(), "the writer reported an error");
        printed += writer.readAllStandardOutput();
        // The last line may have been cut by the kill: only whole lines were promised.
        QList<QByteArray> ids = printed.left(printed.lastIndexOf('\n')).split('\n');
        QVERIFY(ids.size() >= 500);

        HistoryStore store;
        QCOMPARE(store.open(path).outcome, HistoryOpenReport::Outcome::Opened);
        QSet<QString> stored;
        for (const HistoryMessage& message : store.latest(conversation, ids.size() + 10))
            stored.insert(message.messageId);
        QSet<QString> pending;
        for (const HistoryMessage& message : store.pending(conversation))
            pending.insert(message.messageId);
        for (const QByteArray& id : std::as_const(ids)) {
            QVERIFY2(stored.contains(QString::fromLatin1(id)), id.constData());
            if (id.toLongLong() % 3 != 0)
                QVERIFY2(pending.contains(QString::fromLatin1(id)), id.constData());
        }
    }

private:
    /// A `connect` of the host as bob, his identity and history in m_dir.
    QStringList connectArguments() const;
    /// Starts a `connect` that the host keeps waiting, types Typed into it, waits until every
    /// line is stored, and kills it with SIGKILL.
    void typeWhileWaitingAndKill();
    /// The id of the next request to join once one comes (the event loop runs meanwhile); 0 if none came.
    int nextRequest();
    /// Opens bob's history file, as `history list` does while the CLI runs.
    bool openHistory(HistoryStore& store) const
    {
        return store.open(m_dir->filePath(QStringLiteral("history.sqlite"))).outcome
            == HistoryOpenReport::Outcome::Opened;
    }
    QString connectingKey() const { return QStringLiteral("connecting:localhost:%1").arg(m_host->port()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ChatHost> m_host;
    std::unique_ptr<QSignalSpy> m_requests;
};

void TestHistoryCrash::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    HostOptions options = hostOptions();
    options.admission = Admission::Ask; // a newcomer waits for the host's answer: not joined yet
    m_host = startHost(std::move(options));
    m_requests = std::make_unique<QSignalSpy>(m_host.get(), &ChatHost::joinRequested);
}

int TestHistoryCrash::nextRequest()
{
    if (m_requests->isEmpty() && !m_requests->wait(10'000))
        return 0;
    return m_requests->takeFirst().at(0).value<JoinRequest>().id;
}

QStringList TestHistoryCrash::connectArguments() const
{
    return { QStringLiteral("localhost"), QString::number(m_host->port()), QStringLiteral("--ca"),
        certPath(QStringLiteral("ca.pem")), QStringLiteral("--nick"), QStringLiteral("bob"),
        QStringLiteral("--config-dir"), m_dir->path() };
}

void TestHistoryCrash::typeWhileWaitingAndKill()
{
    ConnectProcess bob(connectArguments());
    QVERIFY(nextRequest() != 0);
    // Told why nothing happens yet.
    QTRY_VERIFY2_WITH_TIMEOUT(
        bob.readError().contains(QStringLiteral("host: waiting for the host to let you in\n")),
        qPrintable(bob.readError()), 10'000);
    bob.write(Typed.join(u'\n').toUtf8() + '\n');
    // Stored as typed: the file says when every line is in it (nothing on screen does).
    HistoryStore watching;
    QVERIFY(openHistory(watching));
    QTRY_COMPARE_WITH_TIMEOUT(textsOf(watching.pending(connectingKey())), Typed, 10'000);
    bob.signal(SIGKILL); // no destructor, no close, no goodbye
    QCOMPARE(bob.waitForExit(), -1);
}

void TestHistoryCrash::cliKilledWhileWaitingToBeLetInKeepsEveryTypedLinePending()
{
    typeWhileWaitingAndKill();
    if (QTest::currentTestFailed())
        return;

    HistoryStore store;
    QVERIFY(openHistory(store));
    const QList<HistoryMessage> pending = store.pending(connectingKey());
    QCOMPARE(textsOf(pending), Typed);
    for (const HistoryMessage& message : pending) {
        QCOMPARE(message.direction, HistoryDirection::Outgoing);
        QVERIFY(!message.messageId.isEmpty());
    }
    QVERIFY2(m_host->participants().size() == 1, "bob never joined");
}

void TestHistoryCrash::linesLeftByAKilledCliAreSentOnceWhenTheNextRunJoins()
{
    typeWhileWaitingAndKill();
    if (QTest::currentTestFailed())
        return;
    Inbox received(*m_host);

    ConnectProcess again(connectArguments());
    const int request = nextRequest();
    QVERIFY(request != 0);
    const QString typedNow = QStringLiteral("typed by the second run while waiting");
    again.write(typedNow.toUtf8() + '\n');
    HistoryStore store;
    QVERIFY(openHistory(store));
    QTRY_COMPARE_WITH_TIMEOUT(store.pending(connectingKey()).size(), Typed.size() + 1, 10'000);
    QVERIFY(m_host->admit(request));

    QTRY_COMPARE_WITH_TIMEOUT(received.texts().size(), Typed.size() + 1, 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(
        again.readError().contains(QStringLiteral("sending 3 message(s) from an earlier")),
        10'000); // the earlier run's, not the line this run queued itself
    const QString conversation = QStringLiteral("client:SHA256:") + m_host->fingerprint();
    // Acknowledged: nothing is left to send a second time, under either key.
    QTRY_VERIFY_WITH_TIMEOUT(store.pending(conversation).isEmpty(), 10'000);
    QVERIFY(store.pending(connectingKey()).isEmpty());
    again.closeInput();
    QCOMPARE(again.waitForExit(), 0);

    QTest::qWait(300); // a copy sent twice would arrive by now
    QStringList expected = Typed;
    expected << typedNow;
    QStringList texts = received.texts();
    QCOMPARE(texts.size(), expected.size());
    std::sort(texts.begin(), texts.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(texts, expected);
    QCOMPARE(textsOf(store.latest(conversation, 10)).size(), expected.size());
}

void TestHistoryCrash::cliRefusedBeforeJoiningSaysItKeptWhatWasTyped()
{
    ConnectProcess bob(connectArguments());
    const int request = nextRequest();
    QVERIFY(request != 0);
    bob.write("not now?\n");
    HistoryStore store;
    QVERIFY(openHistory(store));
    QTRY_COMPARE_WITH_TIMEOUT(store.pending(connectingKey()).size(), 1, 10'000);
    QVERIFY(m_host->refuse(request, QStringLiteral("not now")));
    QTRY_VERIFY_WITH_TIMEOUT(bob.readError().contains(QStringLiteral("not now")), 10'000);
    const int exitCode = bob.waitForExit();
    QVERIFY2(exitCode > 0, qPrintable(QString::number(exitCode) + bob.readError()));
    QVERIFY2(bob.readError().contains(
                 QStringLiteral("1 message(s) you typed could not be sent; they are kept in the history and "
                                "sent when you next join localhost:%1\n")
                     .arg(m_host->port())),
        qPrintable(bob.readError()));
    QCOMPARE(textsOf(store.pending(connectingKey())), QStringList { QStringLiteral("not now?") });
}

QTEST_GUILESS_MAIN(TestHistoryCrash)
#include "tst_historycrash.moc"
