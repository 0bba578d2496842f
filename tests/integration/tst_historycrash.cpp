// SPDX-License-Identifier: MIT
// A history writer killed with SIGKILL mid-conversation loses nothing it had stored.
#include "history/historystore.h"

#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

class TestHistoryCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
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
};

QTEST_GUILESS_MAIN(TestHistoryCrash)
#include "tst_historycrash.moc"
