// SPDX-License-Identifier: MIT
// The message history keeps conversations across restarts, privately, and never loses a file.
#include "filemodes.h"
#include "history/historypurge.h"
#include "history/historystore.h"
#include "historytexts.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <sys/stat.h>
#include <unistd.h>

#include <memory>

using securechat::HistoryDirection;
using securechat::HistoryMessage;
using securechat::HistoryOpenReport;
using securechat::HistoryPurge;
using securechat::HistoryState;
using securechat::HistoryStore;
using securechat::test::modeOf;
using securechat::test::UmaskGuard;
using Outcome = securechat::HistoryOpenReport::Outcome;

using securechat::test::textsOf;

namespace {

const QString bobs = QStringLiteral("client:SHA256:b0b");
const QString carols = QStringLiteral("client:SHA256:ca201");

qint64 at(int hour, int minute, int second)
{
    return QDateTime(QDate(2026, 12, 7), QTime(hour, minute, second), QTimeZone::utc()).toMSecsSinceEpoch();
}

HistoryMessage received(const QString& conversation, const QString& id, const QString& text, qint64 time = 0)
{
    return { conversation, id, QStringLiteral("bob"), QStringLiteral("SHA256:b0b"), text, time,
        HistoryDirection::Incoming, HistoryState::Received, 0 };
}

HistoryMessage typed(const QString& conversation, const QString& id, const QString& text, qint64 time = 0)
{
    return { conversation, id, QStringLiteral("alice"), QString(), text, time, HistoryDirection::Outgoing,
        HistoryState::Pending, 0 };
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs one statement on the file through a connection of its own, not through HistoryStore.
QVariant rawValue(const QString& path, const QString& statement)
{
    const QString name = QStringLiteral("tst_historystore-raw");
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(statement) && query.next())
                value = query.value(0);
        }
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// Runs statements on the file through a connection of its own, in one transaction; false if one failed.
bool rawExec(const QString& path, const QStringList& statements)
{
    const QString name = QStringLiteral("tst_historystore-exec");
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        done = db.open() && db.transaction();
        QSqlQuery query(db);
        for (const QString& statement : statements) {
            if (done && !query.exec(statement)) {
                qWarning().noquote() << statement << query.lastError().text();
                done = false;
            }
        }
        done = done && db.commit();
    }
    QSqlDatabase::removeDatabase(name);
    return done;
}

// The rows of a conversation in the file, hidden by a clear or not.
int rowsOf(const QString& path, const QString& conversation)
{
    return rawValue(path,
        QStringLiteral("SELECT count(*) FROM messages WHERE conversation = (SELECT id FROM conversations "
                       "WHERE key = '%1')")
            .arg(conversation))
        .toInt();
}

// Purges to the end, with the pauses the app makes.
bool purgeAll(HistoryStore& store)
{
    const auto purged = HistoryPurge::run(store, [] { return false; });
    if (!purged)
        qWarning().noquote() << purged.error();
    return purged && purged.value();
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;

    // A store opened on m_path that must have opened cleanly.
    std::unique_ptr<HistoryStore> openStore()
    {
        auto store = std::make_unique<HistoryStore>();
        const HistoryOpenReport report = store->open(m_path);
        if (report.outcome != Outcome::Opened)
            qWarning().noquote() << report.message;
        return report.outcome == Outcome::Opened ? std::move(store) : nullptr;
    }

    // Bob's "m1" to "mN", then one message of another conversation.
    std::unique_ptr<HistoryStore> storeWithBobsMessages(int count)
    {
        auto store = openStore();
        for (int i = 1; store && i <= count; ++i) {
            if (!store->append(received(bobs, QString::number(i), QStringLiteral("m%1").arg(i))))
                return nullptr;
        }
        if (store
            && !store->append(received(carols, QStringLiteral("c"), QStringLiteral("other conversation"))))
            return nullptr;
        return store;
    }

    // Bob's "m1" to "mN" in one transaction, made by SQLite itself (quick for many), and Carol's one.
    std::unique_ptr<HistoryStore> storeWithManyOfBobsMessages(int count)
    {
        auto store = openStore();
        if (!store
            || !store->append(received(carols, QStringLiteral("c"), QStringLiteral("other conversation")))
            || !store->setTitle(bobs, QStringLiteral("Bob")))
            return nullptr;
        const bool filled = rawExec(m_path,
            { QStringLiteral(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1)"
                " INSERT INTO messages (conversation, message_id, sender, text, time_ms, direction, state)"
                " SELECT (SELECT id FROM conversations WHERE key = '%2'), i, 'bob', 'm' || i, i, 0, 2 FROM n")
                    .arg(count)
                    .arg(bobs) });
        return filled ? std::move(store) : nullptr;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("history.sqlite"));
    }

    void newFileIsOwnerOnly()
    {
        const UmaskGuard openUmask(0);
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->append(received(bobs, QStringLiteral("1"), QStringLiteral("hi"))));
        QCOMPARE(modeOf(m_path), 0600);
        QVERIFY(QFileInfo::exists(m_path + QStringLiteral("-wal")));
        QCOMPARE(modeOf(m_path + QStringLiteral("-wal")), 0600);
        QCOMPARE(modeOf(m_path + QStringLiteral("-shm")), 0600);
    }

    void existingFileIsNarrowedToOwnerOnly()
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(QFile::setPermissions(
            m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        QCOMPARE(modeOf(m_path), 0604);
        QVERIFY(openStore());
        QCOMPARE(modeOf(m_path), 0600);
    }

    void journalIsWriteAheadLog()
    {
        QVERIFY(openStore());
        QCOMPARE(rawValue(m_path, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    }

    void latestReturnsNewestOldestFirst()
    {
        auto store = openStore();
        QVERIFY(store);
        for (int i = 1; i <= 5; ++i)
            QVERIFY(store->append(
                received(bobs, QString::number(i), QStringLiteral("m%1").arg(i), at(10, 0, i))));
        const QList<HistoryMessage> latest = store->latest(bobs, 3);
        QCOMPARE(textsOf(latest),
            QStringList({ QStringLiteral("m3"), QStringLiteral("m4"), QStringLiteral("m5") }));
        HistoryMessage expected = received(bobs, QStringLiteral("5"), QStringLiteral("m5"), at(10, 0, 5));
        expected.rowId = latest.last().rowId;
        QCOMPARE(latest.last(), expected);
        QVERIFY(latest.at(0).rowId < latest.at(1).rowId);
    }

    void beforePagesBackToTheFirstMessage()
    {
        auto store = storeWithBobsMessages(7);
        QVERIFY(store);
        QList<HistoryMessage> page = store->latest(bobs, 3);
        QStringList seen = textsOf(page);
        while (!page.isEmpty()) {
            page = store->before(bobs, page.first().rowId, 3);
            seen = textsOf(page) + seen;
        }
        QCOMPARE(seen.join(QLatin1Char(' ')), QStringLiteral("m1 m2 m3 m4 m5 m6 m7"));
    }

    void afterPagesForwardToTheLastMessage()
    {
        auto store = storeWithBobsMessages(5);
        QVERIFY(store);
        const qint64 second = store->latest(bobs, 5).at(1).rowId;
        QCOMPARE(textsOf(store->after(bobs, second, 2)),
            QStringList({ QStringLiteral("m3"), QStringLiteral("m4") }));
        QCOMPARE(textsOf(store->after(bobs, second, 10)),
            QStringList({ QStringLiteral("m3"), QStringLiteral("m4"), QStringLiteral("m5") }));
        QVERIFY(store->after(bobs, store->latest(bobs, 1).at(0).rowId, 10).isEmpty());
    }

    void duplicateIdIsKeptOnce()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->append(received(bobs, QStringLiteral("42"), QStringLiteral("first"))));
        QVERIFY(store->append(received(bobs, QStringLiteral("42"), QStringLiteral("again"))));
        QVERIFY(store->append(received(carols, QStringLiteral("42"), QStringLiteral("same id elsewhere"))));
        QCOMPARE(textsOf(store->latest(bobs, 10)), QStringList { QStringLiteral("first") });
        QCOMPARE(textsOf(store->latest(carols, 10)), QStringList { QStringLiteral("same id elsewhere") });
    }

    void pendingSurvivesReopenUntilAcknowledged()
    {
        {
            auto store = openStore();
            QVERIFY(store);
            QVERIFY(store->append(typed(bobs, QStringLiteral("a"), QStringLiteral("first typed"))));
            QVERIFY(store->append(received(bobs, QStringLiteral("r"), QStringLiteral("an answer"))));
            QVERIFY(store->append(typed(bobs, QStringLiteral("b"), QStringLiteral("second typed"))));
        }
        auto store = openStore();
        QVERIFY(store);
        QCOMPARE(textsOf(store->pending(bobs)),
            QStringList({ QStringLiteral("first typed"), QStringLiteral("second typed") }));
        QVERIFY(store->markAcknowledged(bobs, QStringLiteral("a")));
        QCOMPARE(textsOf(store->pending(bobs)), QStringList { QStringLiteral("second typed") });
        QCOMPARE(store->latest(bobs, 1).value(0).state, HistoryState::Pending);
        QCOMPARE(store->latest(bobs, 3).value(0).state, HistoryState::Sent);
    }

    void movedMessagesJoinTheConversationOnce()
    {
        const QString connecting = QStringLiteral("connecting:example.org:7878");
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->append(received(bobs, QStringLiteral("r"), QStringLiteral("from before"))));
        QVERIFY(
            store->append(typed(connecting, QStringLiteral("a"), QStringLiteral("typed while connecting"))));
        QVERIFY(store->append(typed(connecting, QStringLiteral("r"), QStringLiteral("an id bob's has"))));

        QVERIFY(store->moveMessages(connecting, bobs));

        QCOMPARE(textsOf(store->latest(bobs, 10)),
            QStringList({ QStringLiteral("from before"), QStringLiteral("typed while connecting") }));
        QCOMPARE(textsOf(store->pending(bobs)), QStringList { QStringLiteral("typed while connecting") });
        QVERIFY(store->latest(connecting, 10).isEmpty());
        const auto keys = store->conversations();
        QVERIFY(std::none_of(keys.cbegin(), keys.cend(), [&](const auto& c) { return c.key == connecting; }));
        QCOMPARE(textsOf(store->search(QStringLiteral("connecting"), 10)),
            QStringList { QStringLiteral("typed while connecting") });
    }

    void movingIntoAConversationWithHistoryOffKeepsOnlyTheOutbox()
    {
        const QString connecting = QStringLiteral("connecting:example.org:7878");
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->setHistoryEnabled(bobs, false));
        QVERIFY(store->append(typed(connecting, QStringLiteral("a"), QStringLiteral("not sent yet"))));
        HistoryMessage sent = typed(connecting, QStringLiteral("b"), QStringLiteral("sent already"));
        sent.state = HistoryState::Sent;
        QVERIFY(store->append(sent));

        QVERIFY(store->moveMessages(connecting, bobs));

        QCOMPARE(textsOf(store->latest(bobs, 10)), QStringList { QStringLiteral("not sent yet") });
        QVERIFY(store->latest(connecting, 10).isEmpty());
    }

    void searchFindsWordsAcrossConversationsNewestFirst()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->append(
            received(bobs, QStringLiteral("1"), QStringLiteral("check the fingerprint first"))));
        QVERIFY(store->append(received(carols, QStringLiteral("1"), QStringLiteral("unrelated"))));
        QVERIFY(store->append(
            typed(carols, QStringLiteral("2"), QStringLiteral("Fingerprints match, first try"))));
        const QList<HistoryMessage> found = store->search(QStringLiteral("first finger"), 10);
        QCOMPARE(textsOf(found),
            QStringList({ QStringLiteral("Fingerprints match, first try"),
                QStringLiteral("check the fingerprint first") }));
        QCOMPARE(found.at(0).conversation, carols);
        QCOMPARE(found.at(1).conversation, bobs);
        QCOMPARE(store->search(QStringLiteral("fingerprint"), 1).size(), 1);
    }

    void searchTreatsAnyInputAsText_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QStringList>("expected");
        const QStringList none;
        QTest::newRow("lone quote") << QStringLiteral("\"") << none;
        QTest::newRow("unbalanced quote in a word") << QStringLiteral("say\"AND") << none;
        QTest::newRow("AND as a word")
            << QStringLiteral("AND") << QStringList { QStringLiteral("cats AND dogs") };
        QTest::newRow("OR NOT") << QStringLiteral("OR NOT") << none;
        QTest::newRow("star") << QStringLiteral("*") << none;
        QTest::newRow("NEAR(") << QStringLiteral("NEAR(")
                               << QStringList { QStringLiteral("NEAR(x, y) is syntax") };
        QTest::newRow("column filter") << QStringLiteral("text:cats") << none;
        QTest::newRow("caret and plus")
            << QStringLiteral("^cats + dogs") << QStringList { QStringLiteral("cats AND dogs") };
        QTest::newRow("unicode") << QStringLiteral("Grüße")
                                 << QStringList { QStringLiteral("Grüße aus Köln 🙂") };
        QTest::newRow("accents ignored")
            << QStringLiteral("koln") << QStringList { QStringLiteral("Grüße aus Köln 🙂") };
        QTest::newRow("HTML") << QStringLiteral("<b>bold</b>")
                              << QStringList { QStringLiteral("<b>bold</b> & more") };
        QTest::newRow("empty") << QString() << none;
        QTest::newRow("spaces only") << QStringLiteral("  \t ") << none;
    }

    void searchTreatsAnyInputAsText()
    {
        QFETCH(QString, input);
        QFETCH(QStringList, expected);
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->appendAll({ received(bobs, QStringLiteral("1"), QStringLiteral("cats AND dogs")),
            received(bobs, QStringLiteral("2"), QStringLiteral("NEAR(x, y) is syntax")),
            received(carols, QStringLiteral("3"), QStringLiteral("Grüße aus Köln 🙂")),
            received(carols, QStringLiteral("4"), QStringLiteral("<b>bold</b> & more")) }));
        // A query FTS5 could not parse would be logged and come back empty: fail on that.
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        QCOMPARE(textsOf(store->search(input, 10)), expected);
    }

    void clearConversationLeavesOthersAndPending()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->append(received(bobs, QStringLiteral("1"), QStringLiteral("bob's words"))));
        QVERIFY(store->append(typed(bobs, QStringLiteral("2"), QStringLiteral("not sent yet"))));
        QVERIFY(store->append(received(carols, QStringLiteral("1"), QStringLiteral("carol's words"))));
        QVERIFY(store->clearConversation(bobs));
        QCOMPARE(textsOf(store->latest(bobs, 10)), QStringList { QStringLiteral("not sent yet") });
        QCOMPARE(textsOf(store->latest(carols, 10)), QStringList { QStringLiteral("carol's words") });
        QCOMPARE(textsOf(store->search(QStringLiteral("words"), 10)),
            QStringList { QStringLiteral("carol's words") });
    }

    void clearedTextIsGoneFromTheFile()
    {
        const QByteArray secret = "zanzibarquokka";
        auto store = openStore();
        QVERIFY(store);
        for (int i = 0; i < 200; ++i)
            QVERIFY(store->append(received(
                bobs, QString::number(i), QString::fromLatin1(secret + " number ") + QString::number(i))));
        QVERIFY(store->append(received(carols, QStringLiteral("1"), QStringLiteral("kept"))));
        QVERIFY(contentsOf(m_path).contains(secret)
            || contentsOf(m_path + QStringLiteral("-wal")).contains(secret));
        QVERIFY(store->clearConversation(bobs));
        QVERIFY(purgeAll(*store));
        QVERIFY(!contentsOf(m_path).contains(secret));
        QVERIFY(!contentsOf(m_path + QStringLiteral("-wal")).contains(secret));
    }

    // A delete can make SQLite move neighbouring rows to another page, leaving copies of them in the
    // unused part of the page they left, where secure_delete does not reach: rows cleared but not yet
    // purged must not be among them. Half the rows, the short ones, stay: pages stay in use. The
    // marker begins and ends each cleared text: the end of a long one is on an overflow page.
    void clearedWordsLeaveNoCopyInPagesStillInUse()
    {
        const QByteArray marker = "clearedword";
        auto store = openStore();
        QVERIFY(store);
        constexpr int messages = 20'000;
        constexpr int batch = 1000;
        for (int first = 0; first < messages; first += batch) {
            QList<HistoryMessage> messagesOfBatch;
            for (int i = first; i < first + batch; ++i) {
                // Now and then longer than a page: the rest goes to overflow pages.
                const QString filler = QStringLiteral(" and more").repeated(i % 100 == 0 ? 600 : i % 13);
                messagesOfBatch << (i % 2 == 0
                        ? received(bobs, QString::number(i),
                            QString::fromLatin1(marker) + QString::number(i) + filler + QLatin1Char(' ')
                                + QString::fromLatin1(marker))
                        : received(carols, QString::number(i), QStringLiteral("kept")));
            }
            QVERIFY(store->appendAll(messagesOfBatch));
        }
        QVERIFY(store->clearConversation(bobs));
        QVERIFY(purgeAll(*store));
        store->close();

        QCOMPARE(rowsOf(m_path, carols), messages / 2);
        QCOMPARE(contentsOf(m_path).count(marker), 0);
        QCOMPARE(contentsOf(m_path + QStringLiteral("-wal")).count(marker), 0);
    }

    void clearHidesTheMessagesAtOnce()
    {
        auto store = storeWithBobsMessages(300);
        QVERIFY(store);
        QVERIFY(store->append(typed(bobs, QStringLiteral("p"), QStringLiteral("not sent yet"))));
        const QByteArray exportedBefore = [&] {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            return store->exportText(bobs, buffer) ? buffer.data() : QByteArray();
        }();
        QVERIFY(exportedBefore.contains("m150"));

        QVERIFY(store->clearConversation(bobs));

        QCOMPARE(rowsOf(m_path, bobs), 301); // nothing purged yet
        const QList<HistoryMessage> left = store->latest(bobs, 400);
        QCOMPARE(textsOf(left), QStringList { QStringLiteral("not sent yet") });
        QVERIFY(store->before(bobs, left.constFirst().rowId, 400).isEmpty());
        QCOMPARE(textsOf(store->after(bobs, 0, 400)), QStringList { QStringLiteral("not sent yet") });
        QVERIFY(store->search(QStringLiteral("m150"), 10).isEmpty());
        QBuffer exported;
        exported.open(QIODevice::WriteOnly);
        QVERIFY(store->exportText(bobs, exported));
        QVERIFY(exported.data().isEmpty());
        QCOMPARE(textsOf(store->latest(carols, 10)), QStringList { QStringLiteral("other conversation") });
    }

    void purgeDeletesInShortSteps()
    {
        auto store = storeWithManyOfBobsMessages(2500);
        QVERIFY(store);
        QVERIFY(store->clearConversation(bobs));
        QVERIFY(store->isPurgeOwed());

        const auto first = store->purgeStep(1000);
        QVERIFY(first);
        QVERIFY(first.value());
        QCOMPARE(rowsOf(m_path, bobs), 2500);
        QCOMPARE(rawValue(m_path,
                     QStringLiteral("SELECT count(*) FROM messages WHERE CAST(text AS BLOB) ="
                                    " zeroblob(length(CAST(text AS BLOB)))"))
                     .toInt(),
            1000);
        int steps = 1;
        for (auto step = store->purgeStep(1000); step.value(); step = store->purgeStep(1000))
            QVERIFY(++steps < 100);

        QCOMPARE(rowsOf(m_path, bobs), 0);
        QCOMPARE(rowsOf(m_path, carols), 1);
        QVERIFY(steps > 6); // three overwriting rows, three deleting them, then the search index and the log
        QVERIFY(!store->isPurgeOwed());
        QVERIFY(!store->purgeStep().value());
    }

    // The log keeps old copies of the pages: the purge is not over while a reader keeps it from
    // being truncated (here past SQLite's busy wait); the next step tries again.
    void purgeEndsOnlyOnceTheLogIsTruncated()
    {
        const QByteArray secret = "zanzibarquokka";
        auto store = openStore();
        QVERIFY(store);
        for (int i = 0; i < 20; ++i)
            QVERIFY(store->append(received(bobs, QString::number(i), QString::fromLatin1(secret))));
        QVERIFY(store->clearConversation(bobs));
        const QString readerName = QStringLiteral("tst_historystore-reader");
        {
            QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), readerName);
            reader.setDatabaseName(m_path);
            QVERIFY(reader.open() && reader.transaction());
            QSqlQuery reading(reader);
            QVERIFY(reading.exec(QStringLiteral("SELECT count(*) FROM messages")) && reading.next());
            const QString owedBesidesTheLog
                = QStringLiteral("SELECT deleted_since_merge + merging FROM purge");
            for (int step = 0; rowsOf(m_path, bobs) > 0 || rawValue(m_path, owedBesidesTheLog).toInt() > 0;
                 ++step) {
                QVERIFY(step < 10);
                QVERIFY(store->purgeStep().value());
            }

            const auto blocked = store->purgeStep(); // truncating the log, which the reader is in
            QVERIFY(blocked);
            QVERIFY(blocked.value());
            QVERIFY(store->isPurgeOwed());
            reading.finish();
            reader.rollback();
        }
        QSqlDatabase::removeDatabase(readerName);

        QVERIFY(!store->purgeStep().value());
        QVERIFY(!store->isPurgeOwed());
        QVERIFY(!contentsOf(m_path + QStringLiteral("-wal")).contains(secret));
    }

    void purgeIsResumedAfterReopening()
    {
        const QString countAll = QStringLiteral("SELECT count(*) FROM messages");
        {
            auto store = storeWithManyOfBobsMessages(2500);
            QVERIFY(store);
            QVERIFY(store->clearAll());
            // The first steps overwrite the rows; then they are deleted.
            for (int step = 0; rawValue(m_path, countAll).toInt() == 2501; ++step) {
                QVERIFY(step < 10);
                QVERIFY(store->purgeStep(1000).value());
            }
        } // closed mid-purge, as by quitting
        const int left = rawValue(m_path, countAll).toInt();
        QVERIFY2(left > 0 && left < 2501, qPrintable(QString::number(left)));
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->isPurgeOwed());
        QVERIFY(store->latest(bobs, 10).isEmpty());

        QVERIFY(purgeAll(*store));

        QCOMPARE(rowsOf(m_path, bobs), 0);
        QCOMPARE(rowsOf(m_path, carols), 0);
        QVERIFY(!store->isPurgeOwed());
    }

    void aClearDuringThePurgeIsPurgedToo()
    {
        auto store = storeWithManyOfBobsMessages(2500);
        QVERIFY(store);
        QVERIFY(store->append(received(carols, QStringLiteral("c2"), QStringLiteral("carol again"))));
        QVERIFY(store->clearConversation(bobs));
        QVERIFY(store->purgeStep(1000).value());

        QVERIFY(store->clearConversation(carols));
        QVERIFY(purgeAll(*store));

        QCOMPARE(rowsOf(m_path, bobs), 0);
        QCOMPARE(rowsOf(m_path, carols), 0);
        QVERIFY(!store->isPurgeOwed());
    }

    void pendingMessagesOutliveTheClearAndThePurge()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->appendAll({ received(bobs, QStringLiteral("1"), QStringLiteral("an answer")),
            typed(bobs, QStringLiteral("a"), QStringLiteral("first typed")),
            received(bobs, QStringLiteral("2"), QStringLiteral("another answer")),
            typed(bobs, QStringLiteral("b"), QStringLiteral("second typed")) }));

        QVERIFY(store->clearConversation(bobs));
        QVERIFY(purgeAll(*store));

        QCOMPARE(textsOf(store->pending(bobs)),
            QStringList({ QStringLiteral("first typed"), QStringLiteral("second typed") }));
        // Acknowledged after the clear, it is history like any message sent since.
        QVERIFY(store->markAcknowledged(bobs, QStringLiteral("a")));
        QVERIFY(store->append(received(bobs, QStringLiteral("3"), QStringLiteral("after the clear"))));
        QVERIFY(store->purgeStep().ok());
        const QList<HistoryMessage> left = store->latest(bobs, 10);
        QCOMPARE(textsOf(left),
            QStringList({ QStringLiteral("first typed"), QStringLiteral("second typed"),
                QStringLiteral("after the clear") }));
        QCOMPARE(left.constFirst().state, HistoryState::Sent);
    }

    void aClearedIdStoredAgainIsShown()
    {
        auto store = storeWithBobsMessages(3);
        QVERIFY(store);
        QVERIFY(store->clearConversation(bobs));
        QVERIFY(store->append(received(bobs, QStringLiteral("2"), QStringLiteral("the same id, again"))));
        QCOMPARE(textsOf(store->latest(bobs, 10)), QStringList { QStringLiteral("the same id, again") });
        QVERIFY(purgeAll(*store));
        QCOMPARE(textsOf(store->latest(bobs, 10)), QStringList { QStringLiteral("the same id, again") });
    }

    void movedIntoAClearedConversationStaysShown()
    {
        const QString connecting = QStringLiteral("connecting:example.org:7878");
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(
            store->append(typed(connecting, QStringLiteral("a"), QStringLiteral("typed while connecting"))));
        QVERIFY(store->append(received(bobs, QStringLiteral("1"), QStringLiteral("from before"))));
        QVERIFY(store->clearConversation(bobs)); // its watermark is above the connecting message

        QVERIFY(store->moveMessages(connecting, bobs));
        QVERIFY(purgeAll(*store));

        QCOMPARE(textsOf(store->latest(bobs, 10)), QStringList { QStringLiteral("typed while connecting") });
    }

    void anotherConnectionWritesWhileThePurgeRuns()
    {
        constexpr int cleared = 20'000;
        auto store = storeWithManyOfBobsMessages(cleared);
        QVERIFY(store);
        QVERIFY(store->clearConversation(bobs));
        store.reset();
        const QString path = m_path;
        std::unique_ptr<QThread> purge(QThread::create([path] {
            HistoryStore purging;
            if (purging.open(path).outcome == Outcome::Opened)
                purgeAll(purging);
        }));
        HistoryStore writer; // the window's connection, or another process's
        QCOMPARE(writer.open(m_path).outcome, Outcome::Opened);

        purge->start();
        int written = 0;
        int betweenSteps = 0; // writes done when part of the cleared rows were deleted, part not
        while (!purge->isFinished()) {
            QVERIFY(writer.append(
                received(carols, QString::number(written), QStringLiteral("written meanwhile"))));
            ++written;
            const int left = rowsOf(m_path, bobs);
            if (left > 0 && left < cleared)
                ++betweenSteps;
        }
        purge->wait();

        QVERIFY2(betweenSteps > 0, "no write landed between two steps of the purge");
        QCOMPARE(rowsOf(m_path, bobs), 0);
        QCOMPARE(writer.latest(carols, written + 10).size(), written + 1);
    }

    void versionOneFileIsMigrated()
    {
        QVERIFY(rawExec(m_path,
            { QStringLiteral("CREATE TABLE conversations (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
                             " title TEXT NOT NULL DEFAULT '', history_enabled INTEGER NOT NULL DEFAULT 1)"),
                QStringLiteral(
                    "CREATE TABLE messages (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    " conversation INTEGER NOT NULL REFERENCES conversations(id), message_id TEXT NOT NULL,"
                    " sender TEXT NOT NULL, sender_fingerprint TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,"
                    " time_ms INTEGER NOT NULL, direction INTEGER NOT NULL, state INTEGER NOT NULL,"
                    " UNIQUE (conversation, message_id))"),
                QStringLiteral("CREATE INDEX messages_by_conversation ON messages (conversation)"),
                QStringLiteral("CREATE INDEX messages_pending ON messages (conversation) WHERE state = 0"),
                QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5 (text, content = 'messages',"
                               " content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')"),
                QStringLiteral("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
                               " INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END"),
                QStringLiteral(
                    "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
                    " INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id,"
                    " old.text); END"),
                QStringLiteral(
                    "CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN"
                    " INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id,"
                    " old.text); INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END"),
                QStringLiteral("INSERT INTO conversations (key, title) VALUES ('%1', 'Bob''s host')")
                    .arg(bobs),
                QStringLiteral(
                    "INSERT INTO messages (conversation, message_id, sender, text, time_ms, direction,"
                    " state) VALUES (1, 'r', 'bob', 'kept from version one', 1, 0, 2),"
                    " (1, 't', 'alice', 'typed in version one', 2, 1, 0)"),
                QStringLiteral("PRAGMA user_version = 1") }));

        auto store = openStore();
        QVERIFY(store);

        QCOMPARE(rawValue(m_path, QStringLiteral("PRAGMA user_version")).toInt(),
            securechat::HistorySchema::CurrentVersion);
        QCOMPARE(textsOf(store->latest(bobs, 10)),
            QStringList({ QStringLiteral("kept from version one"), QStringLiteral("typed in version one") }));
        QCOMPARE(store->conversations().value(0).title, QStringLiteral("Bob's host"));
        QCOMPARE(textsOf(store->search(QStringLiteral("kept"), 10)),
            QStringList { QStringLiteral("kept from version one") });
        QVERIFY(!store->isPurgeOwed());
        QVERIFY(store->clearConversation(bobs));
        QVERIFY(purgeAll(*store));
        QCOMPARE(textsOf(store->latest(bobs, 10)), QStringList { QStringLiteral("typed in version one") });
        QCOMPARE(rowsOf(m_path, bobs), 1);
    }

    void clearAllKeepsOnlyPending()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->append(received(bobs, QStringLiteral("1"), QStringLiteral("bob's words"))));
        QVERIFY(store->append(received(carols, QStringLiteral("1"), QStringLiteral("carol's words"))));
        QVERIFY(store->append(typed(carols, QStringLiteral("2"), QStringLiteral("not sent yet"))));
        QVERIFY(store->clearAll());
        QVERIFY(store->latest(bobs, 10).isEmpty());
        QCOMPARE(textsOf(store->latest(carols, 10)), QStringList { QStringLiteral("not sent yet") });
        QVERIFY(store->search(QStringLiteral("words"), 10).isEmpty());
        QVERIFY(purgeAll(*store));
        QVERIFY(!contentsOf(m_path).contains("words"));
    }

    void historyOffStoresNoNewMessages()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->append(received(bobs, QStringLiteral("1"), QStringLiteral("from before"))));
        QVERIFY(store->setHistoryEnabled(bobs, false));
        QVERIFY(!store->isHistoryEnabled(bobs));
        QVERIFY(store->isHistoryEnabled(carols));
        QVERIFY(store->append(received(bobs, QStringLiteral("2"), QStringLiteral("not kept"))));
        HistoryMessage sent = typed(bobs, QStringLiteral("3"), QStringLiteral("sent, not kept"));
        sent.state = HistoryState::Sent;
        QVERIFY(store->append(sent));
        QVERIFY(store->append(received(carols, QStringLiteral("1"), QStringLiteral("kept elsewhere"))));
        QCOMPARE(textsOf(store->latest(bobs, 10)), QStringList { QStringLiteral("from before") });
        QCOMPARE(textsOf(store->latest(carols, 10)), QStringList { QStringLiteral("kept elsewhere") });
    }

    void historyOffKeepsTypedMessagesUntilAcknowledged()
    {
        auto store = openStore();
        QVERIFY(store);
        QVERIFY(store->setHistoryEnabled(bobs, false));
        QVERIFY(store->append(typed(bobs, QStringLiteral("1"), QStringLiteral("outbox"))));
        QCOMPARE(textsOf(store->pending(bobs)), QStringList { QStringLiteral("outbox") });
        QVERIFY(store->markAcknowledged(bobs, QStringLiteral("1")));
        QVERIFY(store->pending(bobs).isEmpty());
        QVERIFY(store->latest(bobs, 10).isEmpty());
    }

    void storesOnTwoFilesWorkSideBySide()
    {
        auto first = openStore();
        QVERIFY(first);
        HistoryStore second;
        QCOMPARE(second.open(m_dir->filePath(QStringLiteral("other.sqlite"))).outcome, Outcome::Opened);
        QVERIFY(first->append(received(bobs, QStringLiteral("1"), QStringLiteral("in the first"))));
        QVERIFY(second.append(received(bobs, QStringLiteral("1"), QStringLiteral("in the second"))));
        first.reset(); // removes its connection, not the second store's
        QCOMPARE(textsOf(second.latest(bobs, 10)), QStringList { QStringLiteral("in the second") });
        auto reopened = openStore();
        QVERIFY(reopened);
        QCOMPARE(textsOf(reopened->latest(bobs, 10)), QStringList { QStringLiteral("in the first") });
    }

    void conversationSettingsAreKept()
    {
        {
            auto store = openStore();
            QVERIFY(store);
            QVERIFY(store->setTitle(bobs, QStringLiteral("Bob's host")));
            QVERIFY(store->setHistoryEnabled(carols, false));
        }
        auto store = openStore();
        QVERIFY(store);
        const QList<securechat::HistoryConversation> expected { { bobs, QStringLiteral("Bob's host"), true },
            { carols, QString(), false } };
        QCOMPARE(store->conversations(), expected);
    }

    void exportText()
    {
        auto store = openStore();
        QVERIFY(store);
        fillExportHistory(*store);
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(store->exportText(bobs, out));
        QCOMPARE(out.data(),
            QByteArray("[2026-12-07 10:00:00] bob: hello\n"
                       "[2026-12-07 10:00:05] alice: line one\n"
                       "  line two\n"
                       "[2026-12-07 10:01:00] bob: <b>not bold</b> & \"quoted\" Grüße\n"));
    }

    void exportJsonLines()
    {
        auto store = openStore();
        QVERIFY(store);
        fillExportHistory(*store);
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY(store->exportJsonLines(bobs, out));
        QCOMPARE(out.data(),
            QByteArray("{\"time\":\"2026-12-07T10:00:00.000Z\",\"sender\":\"bob\",\"fingerprint\":\"SHA256:"
                       "b0b\",\"direction\":\"in\",\"text\":\"hello\"}"
                       "\n"
                       "{\"time\":\"2026-12-07T10:00:05.000Z\",\"sender\":\"alice\",\"fingerprint\":\"\","
                       "\"direction\":\"out\",\"text\":\"line one\\nline two\"}"
                       "\n"
                       "{\"time\":\"2026-12-07T10:01:00.000Z\",\"sender\":\"bob\",\"fingerprint\":\"SHA256:"
                       "b0b\",\"direction\":\"in\",\"text\":\"<b>not bold</b> & \\\"quoted\\\" Grüße\"}"
                       "\n"));
    }

    void corruptFileIsSetAsideAndReplaced()
    {
        QByteArray garbage;
        for (int i = 0; i < 4096; ++i)
            garbage.append(static_cast<char>((i * 37 + 11) % 256));
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(garbage), garbage.size());
        file.close();

        HistoryStore store;
        const HistoryOpenReport report = store.open(m_path);
        QCOMPARE(report.outcome, Outcome::StartedAfresh);
        QVERIFY2(QRegularExpression(QStringLiteral("^history\\.sqlite\\.corrupt-\\d{8}-\\d{6}$"))
                     .match(QFileInfo(report.setAsidePath).fileName())
                     .hasMatch(),
            qPrintable(report.setAsidePath));
        QCOMPARE(contentsOf(report.setAsidePath), garbage);
        QCOMPARE(report.message,
            QStringLiteral(
                "The message history at %1 could not be read (file is not a database); it was set aside as "
                "%2 and a new history was started.")
                .arg(m_path, report.setAsidePath));
        QVERIFY(store.isOpen());
        QVERIFY(store.append(received(bobs, QStringLiteral("1"), QStringLiteral("works again"))));
        QCOMPARE(textsOf(store.latest(bobs, 1)), QStringList { QStringLiteral("works again") });
        QCOMPARE(modeOf(m_path), 0600);
    }

    void unwritableFolderDisablesTheStore_data()
    {
        QTest::addColumn<bool>("folderIsAFile");
        QTest::newRow("folder is a file") << true;
        QTest::newRow("read-only folder") << false;
    }

    void unwritableFolderDisablesTheStore()
    {
        QFETCH(bool, folderIsAFile);
        const QString folder = m_dir->filePath(QStringLiteral("data"));
        if (folderIsAFile) {
            QFile file(folder);
            QVERIFY(file.open(QIODevice::WriteOnly));
        } else {
            if (::geteuid() == 0)
                QSKIP("root writes into read-only folders");
            QVERIFY(QDir().mkdir(folder));
            QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        const QString path = folder + QStringLiteral("/history.sqlite");
        HistoryStore store;
        const HistoryOpenReport report = store.open(path);
        QFile::setPermissions(
            folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(report.outcome, Outcome::Disabled);
        QVERIFY2(report.message.startsWith(QStringLiteral("The message history cannot be kept: ")),
            qPrintable(report.message));
        QVERIFY2(report.message.contains(folder), qPrintable(report.message));
        QVERIFY(!store.isOpen());
        const securechat::Status appended
            = store.append(received(bobs, QStringLiteral("1"), QStringLiteral("x")));
        QCOMPARE(appended.error(), QStringLiteral("The message history is off for this session."));
        QVERIFY(store.latest(bobs, 10).isEmpty());
    }

    void lockedFileIsLeftAlone()
    {
        // Another process in the middle of rewriting the file (here: an exclusive transaction
        // on a rollback-journal database) is no reason to set the history aside.
        const QString name = QStringLiteral("tst_historystore-locker");
        {
            QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            locker.setDatabaseName(m_path);
            QVERIFY(locker.open());
            QSqlQuery query(locker);
            QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
            QVERIFY(query.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE being_written (x)")));

            HistoryStore store;
            const HistoryOpenReport report = store.open(m_path); // waits for QSQLITE's 5 s busy timeout
            QCOMPARE(report.outcome, Outcome::Disabled);
            QCOMPARE(report.message,
                QStringLiteral(
                    "The message history at %1 could not be opened (database is locked). It was left as it "
                    "is; history is off for this session.")
                    .arg(m_path));
            QVERIFY(query.exec(QStringLiteral("ROLLBACK")));
        }
        QSqlDatabase::removeDatabase(name);
        QCOMPARE(
            QDir(m_dir->path()).entryList(QDir::Files), QStringList { QStringLiteral("history.sqlite") });
    }

    void newerSchemaIsLeftUntouched()
    {
        QCOMPARE(rawValue(m_path, QStringLiteral("CREATE TABLE future (x)")), QVariant());
        QCOMPARE(rawValue(m_path, QStringLiteral("PRAGMA user_version = 99")), QVariant());
        const QByteArray before = contentsOf(m_path);
        QVERIFY(!before.isEmpty());

        HistoryStore store;
        const HistoryOpenReport report = store.open(m_path);
        QCOMPARE(report.outcome, Outcome::Disabled);
        QCOMPARE(report.message,
            QStringLiteral(
                "The message history at %1 was written by a newer version of SecureChat (format 99; this "
                "version reads format 3 and older). It was left as it is; history is off for this session.")
                .arg(m_path));
        QVERIFY(!store.isOpen());
        QCOMPARE(contentsOf(m_path), before);
        QCOMPARE(
            QDir(m_dir->path()).entryList(QDir::Files), QStringList { QStringLiteral("history.sqlite") });
    }

private:
    static void fillExportHistory(HistoryStore& store)
    {
        HistoryMessage multiLine
            = typed(bobs, QStringLiteral("2"), QStringLiteral("line one\nline two"), at(10, 0, 5));
        multiLine.state = HistoryState::Sent;
        QVERIFY(store.appendAll({ received(bobs, QStringLiteral("1"), QStringLiteral("hello"), at(10, 0, 0)),
            multiLine,
            received(bobs, QStringLiteral("3"), QStringLiteral("<b>not bold</b> & \"quoted\" Grüße"),
                at(10, 1, 0)),
            typed(bobs, QStringLiteral("4"), QStringLiteral("pending: not exported"), at(10, 2, 0)),
            received(carols, QStringLiteral("1"), QStringLiteral("another conversation"), at(10, 0, 1)) }));
    }
};

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
