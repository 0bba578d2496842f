// SPDX-License-Identifier: MIT
// securechat-uibench: the desktop app's costs that a person feels, measured offscreen.
//   launch: from the moment the script started the process (--launched-at, CLOCK_REALTIME ns)
//           to a main window that is shown and exposed
//   append: 100,000 received messages into a chat tab (model, view, unread count, auto-scroll),
//           with events processed every 1,000 messages as they would be between network reads;
//           CPU time and the memory it added (peak RSS over the RSS before)
//   scroll: the view scrolled from the first message to the last, one page at a time, each
//           page painted
// Prints one line of key=value results.
#include "base/apppaths.h"
#include "benchsession.h"
#include "exposedwindow.h"
#include "mainwindow.h"
#include "sessiontab.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTreeView>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <string>

using namespace securechat;
using securechat::bench::waitExposed;

namespace {

constexpr int Messages = 100'000;
constexpr int BatchSize = 1'000;

double cpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

long statusKiB(const std::string& field)
{
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind(field, 0) == 0)
            return std::stol(line.substr(field.size()));
    }
    return -1;
}

ChatMessage messageNumber(int i, const QDateTime& when)
{
    static const QStringList nicks { QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
        QStringLiteral("dave"), QStringLiteral("erin"), QStringLiteral("frank") };
    static const QStringList texts { QStringLiteral("on my way, ten minutes"),
        QStringLiteral(
            "did anyone check the fingerprint before joining? SHA256 should match what the host read out"),
        QStringLiteral("ok"), QStringLiteral("Grüße aus Köln — 你好 — مرحبا — 🙂"),
        QStringLiteral("a < b and c > d, <b>not bold</b>, & so on"),
        QStringLiteral(
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
            "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco.") };
    return { i + 1, QString::number(i), nicks.at(i % nicks.size()), texts.at(i % texts.size()),
        when.addMSecs(i) };
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    const qint64 launchedAt
        = arguments.value(arguments.indexOf(QStringLiteral("--launched-at")) + 1).toLongLong();
    QTemporaryDir home;

    MainWindow window { AppPaths(home.path()) };
    window.show();
    const bool shown = waitExposed(window);
    timespec realtime {};
    clock_gettime(CLOCK_REALTIME, &realtime);
    const double launchMs = launchedAt > 0
        ? static_cast<double>(
              static_cast<qint64>(realtime.tv_sec) * 1'000'000'000 + realtime.tv_nsec - launchedAt)
            / 1e6
        : -1;

    auto session = std::make_unique<bench::BenchSession>();
    bench::BenchSession* feed = session.get();
    SessionTab tab(std::move(session));
    tab.resize(1000, 700);
    tab.show();
    waitExposed(tab);
    QCoreApplication::processEvents();

    const long rssBefore = statusKiB("VmRSS:");
    const QDateTime start = QDateTime::currentDateTimeUtc();
    const double appendCpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    for (int i = 0; i < Messages; ++i) {
        feed->deliver(messageNumber(i, start));
        if ((i + 1) % BatchSize == 0)
            QCoreApplication::processEvents();
    }
    QCoreApplication::processEvents();
    const double appendCpu = cpuSeconds() - appendCpu0;
    const double appendWall = static_cast<double>(wall.elapsed()) / 1000.0;
    const long peakAfterAppend = statusKiB("VmHWM:");

    QScrollBar* bar = tab.messageView()->verticalScrollBar();
    const double scrollCpu0 = cpuSeconds();
    int pages = 0;
    for (int value = 0; value <= bar->maximum() && pages < 20'000; value += std::max(1, bar->pageStep())) {
        bar->setValue(value);
        tab.messageView()->viewport()->repaint();
        ++pages;
    }
    const double scrollCpu = cpuSeconds() - scrollCpu0;
    const long peak = statusKiB("VmHWM:");

    std::printf(
        "shown=%d launch_ms=%.1f messages=%d rows=%d append_cpu_s=%.3f append_wall_s=%.3f "
        "append_extra_mib=%.1f scroll_pages=%d scroll_cpu_s=%.3f peak_extra_mib=%.1f peak_rss_mib=%.1f\n",
        shown ? 1 : 0, launchMs, Messages, tab.messageView()->model()->rowCount(), appendCpu, appendWall,
        static_cast<double>(peakAfterAppend - rssBefore) / 1024.0, pages, scrollCpu,
        static_cast<double>(peak - rssBefore) / 1024.0, static_cast<double>(peak) / 1024.0);
    return shown ? 0 : 1;
}
