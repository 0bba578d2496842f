// SPDX-License-Identifier: MIT
#include "console.h"

#include "protocol/textsanitizer.h"

#include <QAbstractEventDispatcher>
#include <QObject>

#include <cstdio>

#include <unistd.h>

namespace securechat::cli {

namespace {

    bool flushEachLine(FILE* stream)
    {
        static const bool stdoutIsTerminal = isatty(fileno(stdout)) == 1; // asked once: it is a system call
        return stream == stderr || stdoutIsTerminal;
    }

    void write(FILE* stream, const QString& text)
    {
        const QByteArray bytes = TextSanitizer::forDisplay(text).toUtf8();
        std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
        std::fputc('\n', stream);
        if (flushEachLine(stream))
            std::fflush(stream);
    }

} // namespace

void Console::flushWhenIdle()
{
    // stdio's buffer for a pipe or file is 4 KiB: sixteen times that means sixteen times fewer
    // writes to a busy host's output (the 1 KiB lines of bulk chat filled it every four).
    if (!flushEachLine(stdout))
        std::setvbuf(stdout, nullptr, _IOFBF, 64 * 1024);
    // Before the loop waits for the next event, so the reader sees everything it has.
    QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock,
        [] { std::fflush(stdout); });
}

void Console::message(const QString& from, const QString& text)
{
    write(stdout, u'<' + from + QStringLiteral("> ") + text);
}

void Console::line(const QString& text)
{
    write(stdout, text);
}

void Console::notice(const QString& text)
{
    write(stdout, QStringLiteral("* ") + text);
}

void Console::status(const QString& text)
{
    write(stderr, text);
}

void Console::error(const QString& text)
{
    write(stderr, QStringLiteral("securechat-cli: ") + text);
}

} // namespace securechat::cli
