// SPDX-License-Identifier: MIT
#include "historycommand.h"

#include "base/apppaths.h"
#include "console.h"
#include "exitcode.h"
#include "history/historyexporter.h"
#include "history/historystore.h"
#include "tr.h"

#include <QFile>

#include <cstdio>

namespace securechat::cli {

namespace {

    constexpr int MaxSearchResults = 1000;

    int list(const HistoryStore& store)
    {
        for (const HistoryConversation& conversation : store.conversations()) {
            QString line = conversation.key;
            if (!conversation.title.isEmpty())
                line += u' ' + conversation.title;
            if (!conversation.historyEnabled)
                line += u' ' + Tr::tr("(history off)");
            Console::line(line);
        }
        return ExitOk;
    }

    int search(const HistoryStore& store, const QString& text)
    {
        const QList<HistoryMessage> found = store.search(text, MaxSearchResults);
        for (const HistoryMessage& message : found) {
            // The export's line, led by the conversation; the console neutralises what peers wrote.
            const QString line = QString::fromUtf8(HistoryExporter::textLine(message)).trimmed();
            Console::line(message.conversation + u' ' + line);
        }
        if (found.isEmpty())
            Console::status(Tr::tr("no stored message contains %1").arg(text));
        return ExitOk;
    }

    int exportConversation(const HistoryStore& store, const QString& conversation, const QString& format)
    {
        const QList<HistoryConversation> conversations = store.conversations();
        const bool known = std::any_of(conversations.cbegin(), conversations.cend(),
            [&conversation](const HistoryConversation& each) { return each.key == conversation; });
        if (!known) {
            Console::error(Tr::tr("no conversation %1 in the history; securechat-cli history list shows them")
                               .arg(conversation));
            return ExitFailure;
        }
        Console::flushWhenIdle();
        std::fflush(stdout);
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly)) {
            Console::error(out.errorString());
            return ExitFailure;
        }
        const Status written = format == QLatin1String("jsonl") ? store.exportJsonLines(conversation, out)
                                                                : store.exportText(conversation, out);
        out.flush();
        if (!written) {
            Console::error(written.error());
            return ExitFailure;
        }
        return ExitOk;
    }

} // namespace

int runHistoryCommand(const Invocation& invocation)
{
    const QStringList& arguments = invocation.positional;
    const QString action = arguments.value(0, QStringLiteral("list"));
    const QString format = invocation.historyFormat;
    if (format != QLatin1String("text") && format != QLatin1String("jsonl")) {
        Console::error(Tr::tr("--format is text or jsonl, not %1").arg(format));
        return ExitUsage;
    }
    const bool listing = action == QLatin1String("list") && arguments.size() <= 1;
    const bool searching = action == QLatin1String("search") && arguments.size() >= 2;
    const bool exporting = action == QLatin1String("export") && arguments.size() == 2;
    if (!listing && !searching && !exporting) {
        Console::error(
            Tr::tr("usage: securechat-cli history [list | search TEXT | export [--format text|jsonl] "
                   "CONVERSATION]"));
        return ExitUsage;
    }
    HistoryStore store;
    const HistoryOpenReport report = store.open(AppPaths(invocation.common.configDir).historyFile());
    if (!report.message.isEmpty())
        Console::status(report.message);
    if (!store.isOpen())
        return ExitFailure;
    if (listing)
        return list(store);
    if (searching)
        return search(store, arguments.mid(1).join(u' '));
    return exportConversation(store, arguments.at(1), format);
}

} // namespace securechat::cli
