// SPDX-License-Identifier: MIT
// securechat-historybench: the message history at the size the issue names, in one run.
//   fill:   1,000,000 messages into one conversation with appendAll (one transaction)
//   open:   a new process opens the store and loads the latest 200 messages (the page cache is
//           warm: dropping it would disturb the machine), then pages back 200, searches a
//           common word, a prefix and a rare one, and reports its peak RSS (VmHWM)
//   raw:    a new process reads the same latest 200 with QSqlQuery alone (no HistoryStore):
//           the reference that shows the store's own overhead
//   clear:  clearing that conversation, last, as it empties the file: the clear itself (a
//           watermark: the messages are gone from every read) against opening the conversation;
//           the purge that then overwrites the rows with zeros, deletes them, merges the search
//           index and truncates the log, in steps: its longest step (the longest the write lock
//           is held) against one append of a message, the whole of it against a bare SQL DELETE
//           of the same rows (their search index entries go with them, by trigger) on a copy of
//           the file, and the longest wait of a writer on another connection meanwhile; then
//           Clear All on what is left, whose purge ends in VACUUM, the one long hold of the lock
// Each process runs several times; the median is printed. Timings are printed, never asserted.
//   securechat-historybench [--messages N] [--runs R] [--keep DIR]
#include "history/historypurge.h"
#include "history/historystore.h"
#include "procstats.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <cstdio>

using namespace securechat;

namespace {

constexpr int PageSize = 200;
const QString conversation
    = QStringLiteral("client:SHA256:"
                     "5d41402abc4b2a76b9719d911017c592aaf1e2e3bd4d7b2e8c2a9ef0cc1a3b71");

double msSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

QList<HistoryMessage> makeMessages(int count)
{
    const QStringList texts { QStringLiteral("on my way, ten minutes"),
        QStringLiteral(
            "did anyone check the fingerprint before joining? SHA256 should match what the host read out"),
        QStringLiteral("ok"), QStringLiteral("Grüße aus Köln — 你好 — مرحبا — 🙂"),
        QStringLiteral("a < b and c > d, <b>not bold</b>, & so on"),
        QStringLiteral(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
            "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco.") };
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    const QString bobsFingerprint = QStringLiteral("SHA256:0b0b");
    const QString rareWord = QStringLiteral(" zanzibar"); // in one message only
    const qint64 start = 1'796'000'000'000;
    QList<HistoryMessage> messages;
    messages.reserve(count);
    for (int i = 0; i < count; ++i) {
        const bool mine = i % 4 == 0;
        messages.append(
            { conversation, QString::number(i), mine ? alice : bob, mine ? QString() : bobsFingerprint,
                texts.at(i % texts.size()) + QStringLiteral(" #") + QString::number(i)
                    + (i == 17 ? rareWord : QString()),
                start + i * 1000LL, mine ? HistoryDirection::Outgoing : HistoryDirection::Incoming,
                mine ? HistoryState::Sent : HistoryState::Received, 0 });
    }
    return messages;
}

int fill(const QString& path, int count)
{
    HistoryStore store;
    if (const HistoryOpenReport report = store.open(path);
        report.outcome != HistoryOpenReport::Outcome::Opened) {
        std::fprintf(stderr, "%s\n", qPrintable(report.message));
        return 1;
    }
    const QList<HistoryMessage> messages = makeMessages(count);
    QElapsedTimer timer;
    timer.start();
    if (const Status appended = store.appendAll(messages); !appended) {
        std::fprintf(stderr, "%s\n", qPrintable(appended.error()));
        return 1;
    }
    const double seconds = msSince(timer) / 1000;
    store.close();
    std::printf("fill: %d messages in one transaction: %.1f s (%.0f messages/s), file %.0f MiB\n", count,
        seconds, count / seconds, static_cast<double>(QFileInfo(path).size()) / (1024.0 * 1024.0));
    std::fflush(stdout);
    return 0;
}

// In a process of its own: what the app does when a conversation is opened and scrolled.
int openAndRead(const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    HistoryStore store;
    const HistoryOpenReport report = store.open(path);
    const QList<HistoryMessage> latest = store.latest(conversation, PageSize);
    const double openMs = msSince(timer);
    if (report.outcome != HistoryOpenReport::Outcome::Opened || latest.size() != PageSize)
        return 1;
    timer.restart();
    const QList<HistoryMessage> older = store.before(conversation, latest.first().rowId, PageSize);
    const double pageMs = msSince(timer);
    timer.restart();
    const qsizetype common = store.search(QStringLiteral("fingerprint"), 50).size();
    const double commonMs = msSince(timer);
    timer.restart();
    const qsizetype prefix = store.search(QStringLiteral("fing"), 50).size();
    const double prefixMs = msSince(timer);
    timer.restart();
    const qsizetype rare = store.search(QStringLiteral("zanzibar"), 50).size();
    const double rareMs = msSince(timer);
    if (older.size() != PageSize || common != 50 || prefix != 50 || rare != 1)
        return 1;
    std::printf(
        "open_latest_ms=%.2f page_ms=%.2f search_common_ms=%.2f search_prefix_ms=%.2f search_rare_ms=%.2f "
        "peak_rss_kib=%lld\n",
        openMs, pageMs, commonMs, prefixMs, rareMs,
        static_cast<long long>(bench::ProcStats::ownPeakResidentKiB()));
    return 0;
}

// In a process of its own: the same latest 200 with QSqlQuery alone.
int rawRead(const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    qsizetype rows = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        if (!db.open())
            return 1;
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral(
            "SELECT id, message_id, sender, sender_fingerprint, text, time_ms, direction, state"
            " FROM messages WHERE conversation = (SELECT id FROM conversations WHERE key = ?)"
            " ORDER BY id DESC LIMIT ?"));
        query.addBindValue(conversation);
        query.addBindValue(PageSize);
        if (!query.exec())
            return 1;
        QStringList texts;
        while (query.next()) {
            texts.append(query.value(4).toString());
            ++rows;
        }
    }
    const double rawMs = msSince(timer);
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    if (rows != PageSize)
        return 1;
    std::printf("raw_latest_ms=%.2f raw_peak_rss_kib=%lld\n", rawMs,
        static_cast<long long>(bench::ProcStats::ownPeakResidentKiB()));
    return 0;
}

// The reference for clearing: the same rows deleted with one SQL statement, nothing else (no
// merge of the search index, no zeroing, no truncation of the log). Seconds, or -1.
double bareDelete(const QString& path)
{
    double seconds = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
        db.setDatabaseName(path);
        if (db.open() && db.transaction()) {
            QElapsedTimer timer;
            timer.start();
            QSqlQuery query(db);
            query.prepare(QStringLiteral(
                "DELETE FROM messages WHERE conversation = (SELECT id FROM conversations WHERE key = ?)"));
            query.addBindValue(conversation);
            if (query.exec() && db.commit())
                seconds = msSince(timer) / 1000;
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bare"));
    return seconds;
}

// The reference for a purge step: one message appended (its own transaction), median of 21.
double medianAppendMs(HistoryStore& store)
{
    QList<double> samples;
    for (int i = 0; i < 21; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!store.append({ QStringLiteral("client:SHA256:reference"), QString::number(i),
                QStringLiteral("bob"), QString(), QStringLiteral("one appended message"), i,
                HistoryDirection::Incoming, HistoryState::Received, 0 }))
            return -1;
        samples.append(msSince(timer));
    }
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}

struct Purged {
    bool done = false;
    double seconds = 0;
    int steps = 0;
    double longestStepMs = 0;
    double medianStepMs = 0;
    double step99Ms = 0; // the 99th percentile
    int writes = 0;
    double slowestWriteMs = 0;
};

// Runs the purge owed on store to its end, as the app does, while another thread appends a
// message every 10 ms on a connection of its own, as the window does.
Purged purgeWhileWriting(HistoryStore& store, const QString& path)
{
    Purged purged;
    std::atomic<bool> purging { true };
    std::unique_ptr<QThread> writer(QThread::create([&] {
        HistoryStore window;
        if (window.open(path).outcome != HistoryOpenReport::Outcome::Opened)
            return;
        while (purging) {
            QElapsedTimer timer;
            timer.start();
            if (!window.append({ QStringLiteral("client:SHA256:meanwhile"), QUuid::createUuid().toString(),
                    QStringLiteral("bob"), QString(), QStringLiteral("written during the purge"), 0,
                    HistoryDirection::Incoming, HistoryState::Received, 0 }))
                return;
            purged.slowestWriteMs = std::max(purged.slowestWriteMs, msSince(timer));
            ++purged.writes;
            QThread::msleep(10);
        }
    }));
    writer->start();
    QList<double> stepsMs;
    QElapsedTimer timer;
    timer.start();
    const Result<bool> done = HistoryPurge::run(
        store, [] { return false; }, [&](qint64 ns) { stepsMs.append(static_cast<double>(ns) / 1e6); });
    purged.seconds = msSince(timer) / 1000;
    std::sort(stepsMs.begin(), stepsMs.end());
    purged.steps = static_cast<int>(stepsMs.size());
    if (!stepsMs.isEmpty()) {
        purged.medianStepMs = stepsMs.at(stepsMs.size() / 2);
        purged.step99Ms = stepsMs.at(stepsMs.size() * 99 / 100);
        purged.longestStepMs = stepsMs.constLast();
    }
    purging = false;
    writer->wait();
    if (!done)
        std::fprintf(stderr, "%s\n", qPrintable(done.error()));
    purged.done = done && done.value();
    return purged;
}

// Runs this program with mode on path, runs times; the median of each key=value figure.
QMap<QString, double> medianOf(const QString& mode, const QString& path, int runs)
{
    QMap<QString, QList<double>> samples;
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(), { mode, path });
        if (!child.waitForFinished(120'000) || child.exitCode() != 0) {
            std::fprintf(stderr, "%s %s failed\n", qPrintable(mode), qPrintable(path));
            return {};
        }
        for (const QByteArray& pair : child.readAllStandardOutput().trimmed().split(' ')) {
            const QList<QByteArray> keyValue = pair.split('=');
            samples[QString::fromLatin1(keyValue.value(0))].append(keyValue.value(1).toDouble());
        }
    }
    QMap<QString, double> medians;
    for (auto it = samples.begin(); it != samples.end(); ++it) {
        std::sort(it->begin(), it->end());
        medians.insert(it.key(), it->at(it->size() / 2));
    }
    return medians;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--open"))
        return openAndRead(arguments.at(2));
    if (arguments.size() == 3 && arguments.at(1) == QLatin1String("--raw"))
        return rawRead(arguments.at(2));
    auto option = [&](const char* name, const QString& fallback) {
        const qsizetype at = arguments.indexOf(QLatin1String(name));
        return at > 0 ? arguments.value(at + 1, fallback) : fallback;
    };
    const int messages = option("--messages", QStringLiteral("1000000")).toInt();
    const int runs = option("--runs", QStringLiteral("5")).toInt();
    QTemporaryDir scratch;
    const QString folder = option("--keep", scratch.path());
    const QString path = QDir(folder).filePath(QStringLiteral("history.sqlite"));

    if (fill(path, messages) != 0)
        return 1;
    const QMap<QString, double> store = medianOf(QStringLiteral("--open"), path, runs);
    const QMap<QString, double> raw = medianOf(QStringLiteral("--raw"), path, runs);
    if (store.isEmpty() || raw.isEmpty())
        return 1;
    const double openMs = store.value(QStringLiteral("open_latest_ms"));
    const double peakMiB = store.value(QStringLiteral("peak_rss_kib")) / 1024;
    const double rawMs = raw.value(QStringLiteral("raw_latest_ms"));
    std::printf("medians of %d runs, each a new process (page cache warm):\n", runs);
    std::printf("  open + latest %d: %.1f ms (issue: < 500 ms: %s)\n", PageSize, openMs,
        openMs < 500 ? "met" : "NOT met");
    std::printf("  peak RSS of that process: %.1f MiB (issue: < 200 MB: %s)\n", peakMiB,
        peakMiB * 1.048576 < 200 ? "met" : "NOT met");
    std::printf(
        "  raw QSqlQuery, same latest %d: %.1f ms, peak RSS %.1f MiB; HistoryStore is %.2fx the raw time\n",
        PageSize, rawMs, raw.value(QStringLiteral("raw_peak_rss_kib")) / 1024, openMs / rawMs);
    std::printf("  page back %d: %.2f ms\n", PageSize, store.value(QStringLiteral("page_ms")));
    std::printf("  search, newest 50: common word %.2f ms, prefix \"fing\" %.2f ms, rare word %.2f ms\n",
        store.value(QStringLiteral("search_common_ms")), store.value(QStringLiteral("search_prefix_ms")),
        store.value(QStringLiteral("search_rare_ms")));
    std::fflush(stdout);

    const QString copy = QDir(folder).filePath(QStringLiteral("reference.sqlite"));
    QFile::remove(copy);
    if (!QFile::copy(path, copy))
        return 1;
    const double bareSeconds = bareDelete(copy);
    QFile::remove(copy);
    if (bareSeconds < 0)
        return 1;

    HistoryStore clearing;
    if (clearing.open(path).outcome != HistoryOpenReport::Outcome::Opened)
        return 1;
    const double appendMs = medianAppendMs(clearing);
    QElapsedTimer timer;
    timer.start();
    if (const Status cleared = clearing.clearConversation(conversation); !cleared) {
        std::fprintf(stderr, "%s\n", qPrintable(cleared.error()));
        return 1;
    }
    const double clearMs = msSince(timer);
    std::printf(
        "  clear the conversation (%d messages): %.1f ms until no read returns them, %.2fx opening it\n",
        messages, clearMs, clearMs / openMs);
    std::fflush(stdout);

    const Purged purge = purgeWhileWriting(clearing, path);
    if (!purge.done)
        return 1;
    std::printf("  purge: %.1f s in %d steps (%.2fx a bare SQL DELETE of the same rows on a copy: %.1f s)\n",
        purge.seconds, purge.steps, purge.seconds / bareSeconds, bareSeconds);
    std::printf("  longest step, the longest the write lock is held: %.1f ms, %.1fx one append of a message "
                "(%.2f ms); median step %.1f ms, 99th percentile %.1f ms\n",
        purge.longestStepMs, purge.longestStepMs / appendMs, appendMs, purge.medianStepMs, purge.step99Ms);
    std::printf("  a writer on another connection meanwhile: %d appends, the slowest %.1f ms\n", purge.writes,
        purge.slowestWriteMs);
    std::printf(
        "  file after clearing: %.1f MiB\n", static_cast<double>(QFileInfo(path).size()) / (1024.0 * 1024.0));
    std::fflush(stdout);

    if (!clearing.clearAll())
        return 1;
    const Purged all = purgeWhileWriting(clearing, path);
    if (!all.done)
        return 1;
    std::printf("  then Clear All: purge %.2f s in %d steps, its longest (VACUUM, then the log) %.1f ms; the "
                "slowest append meanwhile %.1f ms; file after: %.1f MiB\n",
        all.seconds, all.steps, all.longestStepMs, all.slowestWriteMs,
        static_cast<double>(QFileInfo(path).size()) / (1024.0 * 1024.0));
    return 0;
}
