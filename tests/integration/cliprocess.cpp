// SPDX-License-Identifier: MIT
#include "cliprocess.h"

#include "testcerts.h"

#include <QDeadlineTimer>

#include <csignal>

namespace securechat::test {

QString cliPath()
{
    return QStringLiteral(SECURECHAT_BINARY_DIR "/app/securechat-cli");
}

Finished runCli(const QStringList& arguments, const QByteArray& input)
{
    QProcess process;
    process.start(cliPath(), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(20'000))
        process.kill();
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

Finished runConnect(const QStringList& arguments, const QByteArray& input)
{
    return runCli(QStringList { QStringLiteral("connect") } + arguments, input);
}

QStringList certificateArguments(const QString& name)
{
    return { QStringLiteral("--cert"), certPath(name + QStringLiteral(".pem")), QStringLiteral("--key"),
        certPath(name + QStringLiteral(".key")) };
}

CliProcess::CliProcess(const QStringList& arguments, const QProcessEnvironment& environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.start(cliPath(), arguments);
}

CliProcess::~CliProcess()
{
    if (isRunning()) {
        m_process.kill();
        m_process.waitForFinished();
    }
}

QString CliProcess::readOutput()
{
    return m_out += QString::fromUtf8(m_process.readAllStandardOutput());
}

QString CliProcess::readError()
{
    return m_err += QString::fromUtf8(m_process.readAllStandardError());
}

void CliProcess::write(const QByteArray& input)
{
    m_process.write(input);
}

void CliProcess::closeInput()
{
    m_process.closeWriteChannel();
}

int CliProcess::waitForExit()
{
    // waitForFinished() is false for a process that has finished already.
    if ((isRunning() && !m_process.waitForFinished(10'000)) || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process.exitCode();
}

int CliProcess::terminate()
{
    signal(SIGTERM);
    return waitForExit();
}

void CliProcess::signal(int number)
{
    ::kill(static_cast<pid_t>(m_process.processId()), number);
}

QString CliProcess::waitFor(const QRegularExpression& pattern)
{
    return waitOn(QProcess::StandardError, pattern);
}

QString CliProcess::waitForOutput(const QRegularExpression& pattern)
{
    return waitOn(QProcess::StandardOutput, pattern);
}

QString CliProcess::waitOn(QProcess::ProcessChannel channel, const QRegularExpression& pattern)
{
    const bool error = channel == QProcess::StandardError;
    QDeadlineTimer deadline(15'000);
    while (!deadline.hasExpired()) {
        if (const auto match = pattern.match(error ? readError() : readOutput()); match.hasMatch())
            return match.captured(1);
        m_process.waitForReadyRead(100);
    }
    return {};
}

HostProcess::HostProcess(const QStringList& extraArguments, const QProcessEnvironment& environment)
    : CliProcess(QStringList { QStringLiteral("host"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1") }
            + extraArguments,
        environment)
{
}

quint16 HostProcess::waitForPort()
{
    static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    return static_cast<quint16>(waitFor(listening).toUInt());
}

QString HostProcess::fingerprint()
{
    // Printed in groups a space apart, for people; returned as one "AB:CD:..." run, for pins.
    static const QRegularExpression line(QStringLiteral("fingerprint SHA256:([0-9A-F: ]+)"));
    return waitFor(line).trimmed().replace(u' ', u':');
}

ConnectProcess::ConnectProcess(const QStringList& arguments)
    : CliProcess(QStringList { QStringLiteral("connect") } + arguments)
{
}

} // namespace securechat::test
