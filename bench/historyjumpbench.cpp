// SPDX-License-Identifier: MIT
// securechat-historyjumpbench: a history search hit far back, shown in its conversation's tab,
// against opening that tab at the conversation's end, in the same run.
//   fill:   N messages (default 1,000,000) into the hosted conversation; the one a tenth of the
//           way in says "zanzibar", so it is 0.9 N messages back
//   open:   hosting opens a tab at the conversation's end (its latest page), painted
//   search: History › Search for the word (FTS5), the results listed
//   jump:   the result activated: its tab shows it among its neighbours, painted
//   latest: Jump to Latest in that tab, painted
// Each of open, jump and latest runs R times (open: a new tab each time; jump and latest: in the
// first tab, which the History menu shows results in); medians are printed, with the tab's model
// rows and the process's resident memory after each step. Nothing is asserted.
//   securechat-historyjumpbench [--messages N] [--runs R]
#include "base/apppaths.h"
#include "chatmessagemodel.h"
#include "conversationhistory.h"
#include "exposedwindow.h"
#include "history/historystore.h"
#include "historymenu.h"
#include "historysearchdialog.h"
#include "mainwindow.h"
#include "procstats.h"
#include "sessiontab.h"
#include "tls/certificatedetails.h"
#include "tls/identitygenerator.h"

#include <QApplication>
#include <QListWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>

#include <unistd.h>

#include <algorithm>
#include <cstdio>

using namespace securechat;
using securechat::bench::ProcStats;

namespace {

constexpr int FillChunk = 50'000; // one transaction each: a million messages at once would take GBs

double msSince(qint64 startNs)
{
    return static_cast<double>(ProcStats::nowNs() - startNs) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double residentMiB()
{
    return static_cast<double>(ProcStats::residentKiB(getpid())) / 1024.0;
}

bool fill(const QString& path, const QString& conversation, int count)
{
    HistoryStore store;
    if (store.open(path).outcome != HistoryOpenReport::Outcome::Opened)
        return false;
    const qint64 start = 1'796'000'000'000;
    for (int first = 0; first < count; first += FillChunk) {
        QList<HistoryMessage> chunk;
        for (int i = first; i < std::min(count, first + FillChunk); ++i) {
            const bool hit = i == count / 10;
            chunk.append({ conversation, QString::number(i),
                i % 3 == 0 ? QStringLiteral("hal") : QStringLiteral("bob"), QString(),
                QStringLiteral("message #%1%2").arg(i).arg(hit ? QStringLiteral(" zanzibar") : QString()),
                start + i * 1000LL, i % 3 == 0 ? HistoryDirection::Outgoing : HistoryDirection::Incoming,
                i % 3 == 0 ? HistoryState::Sent : HistoryState::Received, 0 });
        }
        if (!store.appendAll(chunk))
            return false;
    }
    return true;
}

/// Lets the window lay out and paint what changed.
void settle(SessionTab& tab)
{
    QCoreApplication::processEvents();
    tab.messageView()->viewport()->repaint();
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const auto option = [&arguments](const char* name, int fallback) {
        const qsizetype at = arguments.indexOf(QLatin1String(name));
        return at >= 0 ? arguments.value(at + 1).toInt() : fallback;
    };
    const int messages = option("--messages", 1'000'000);
    const int runs = std::max(1, option("--runs", 5));

    QTemporaryDir home;
    const AppPaths paths(home.path());
    Result<Identity> identity
        = IdentityGenerator::generate(QStringLiteral("bench"), { QStringLiteral("localhost") }, {});
    if (!identity || !home.isValid()) {
        std::fprintf(stderr, "no identity or folder\n");
        return 1;
    }
    const QString conversation
        = ConversationHistory::hostKey(CertificateDetails::fingerprintSha256(identity.value().certificate()));
    const qint64 fillStart = ProcStats::nowNs();
    if (!fill(paths.historyFile(), conversation, messages)) {
        std::fprintf(stderr, "could not fill the history\n");
        return 1;
    }
    std::printf("fill: %d messages in %.1f s\n", messages, msSince(fillStart) / 1000);

    MainWindow window { paths };
    window.resize(1000, 700);
    window.show();
    if (!bench::waitExposed(window))
        return 1;

    QList<double> openMs, searchMs, jumpMs, latestMs;
    int openRows = 0, jumpRows = 0, latestRows = 0;
    double openMiB = 0, jumpMiB = 0, latestMiB = 0;
    SessionTab* first = nullptr;
    for (int run = 0; run < runs; ++run) {
        HostOptions options;
        options.address = QHostAddress::LocalHost;
        options.nick = QStringLiteral("hal");
        options.identity = identity.value();
        qint64 start = ProcStats::nowNs();
        Result<SessionTab*> hosted = window.host(options);
        if (!hosted) {
            std::fprintf(stderr, "%s\n", qPrintable(hosted.error()));
            return 1;
        }
        settle(*hosted.value());
        openMs << msSince(start);
        openRows = hosted.value()->messages().rowCount();
        openMiB = residentMiB();
        if (!first)
            first = hosted.value();
        SessionTab& tab = *first;

        start = ProcStats::nowNs();
        HistorySearchDialog* dialog = window.historyMenu()->openSearch(QStringLiteral("zanzibar"));
        searchMs << msSince(start);
        if (dialog->results()->count() != 1)
            return 1;

        start = ProcStats::nowNs();
        Q_EMIT dialog->results()->itemActivated(dialog->results()->item(0));
        settle(tab);
        jumpMs << msSince(start);
        jumpRows = tab.messages().rowCount();
        jumpMiB = residentMiB();
        if (!tab.messageView()->currentIndex().data().toString().endsWith(QStringLiteral("zanzibar")))
            return 1;
        dialog->close();

        start = ProcStats::nowNs();
        tab.jumpToLatestButton()->click();
        settle(tab);
        latestMs << msSince(start);
        latestRows = tab.messages().rowCount();
        latestMiB = residentMiB();
    }

    const double open = median(openMs);
    const double jump = median(jumpMs);
    std::printf("hit %d messages back, medians of %d runs (RSS after the step):\n",
        messages - messages / 10 - 1, runs);
    std::printf("  open at the end (host, latest page, painted): %.1f ms, %d rows, RSS %.0f MiB\n", open,
        openRows, openMiB);
    std::printf("  search \"zanzibar\" (dialog, FTS5): %.1f ms\n", median(searchMs));
    std::printf("  jump to the hit (window around it, painted): %.1f ms, %d rows, RSS %.0f MiB\n", jump,
        jumpRows, jumpMiB);
    std::printf(
        "  back to the latest: %.1f ms, %d rows, RSS %.0f MiB\n", median(latestMs), latestRows, latestMiB);
    std::printf("  jump / open: %.2fx time, %.2fx rows\n", jump / open,
        static_cast<double>(jumpRows) / std::max(1, openRows));
    std::printf("open_ms=%.2f jump_ms=%.2f latest_ms=%.2f search_ms=%.2f open_rows=%d jump_rows=%d "
                "latest_rows=%d jump_open_ratio=%.3f rss_mib=%.1f\n",
        open, jump, median(latestMs), median(searchMs), openRows, jumpRows, latestRows, jump / open,
        latestMiB);
    return 0;
}
