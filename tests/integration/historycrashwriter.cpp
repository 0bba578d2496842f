// SPDX-License-Identifier: MIT
// For tst_historycrash: appends messages to a history until it is killed, printing each id on
// stdout once append() has returned. Usage: historycrashwriter PATH CONVERSATION
#include "history/historystore.h"

#include <QCoreApplication>

#include <cstdio>

using namespace securechat;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fputs("usage: historycrashwriter PATH CONVERSATION\n", stderr);
        return 2;
    }
    const QString& conversation = arguments.at(2);
    HistoryStore store;
    if (const HistoryOpenReport report = store.open(arguments.at(1));
        report.outcome != HistoryOpenReport::Outcome::Opened) {
        std::fprintf(stderr, "%s\n", qPrintable(report.message));
        return 1;
    }
    // Two messages typed here for every one received, as in a lively conversation.
    for (qint64 i = 0;; ++i) {
        const bool typed = i % 3 != 0;
        const QString id = QString::number(i);
        const HistoryMessage message { conversation, id,
            typed ? QStringLiteral("alice") : QStringLiteral("bob"),
            typed ? QString() : QStringLiteral("SHA256:b0b"), QStringLiteral("message number %1").arg(i), i,
            typed ? HistoryDirection::Outgoing : HistoryDirection::Incoming,
            typed ? HistoryState::Pending : HistoryState::Received, 0 };
        if (const Status appended = store.append(message); !appended) {
            std::fprintf(stderr, "%s\n", qPrintable(appended.error()));
            return 1;
        }
        std::printf("%lld\n", static_cast<long long>(i));
        std::fflush(stdout);
    }
}
