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

QStringList certificateArguments(const QString& name)
{
    return { QStringLiteral("--cert"), certPath(name + QStringLiteral(".pem")), QStringLiteral("--key"),
        certPath(name + QStringLiteral(".key")) };
}

HostProcess::HostProcess(const QStringList& extraArguments, const QProcessEnvironment& environment)
{
    m_process.setProcessEnvironment(environment);
    m_process.start(cliPath(),
        QStringList { QStringLiteral("host"), QStringLiteral("--bind"), QStringLiteral("127.0.0.1") }
            + extraArguments);
}

HostProcess::~HostProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished();
    }
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

QString HostProcess::readOutput()
{
    return m_out += QString::fromUtf8(m_process.readAllStandardOutput());
}

QString HostProcess::readError()
{
    return m_err += QString::fromUtf8(m_process.readAllStandardError());
}

void HostProcess::write(const QByteArray& input)
{
    m_process.write(input);
}

int HostProcess::terminate()
{
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(10'000))
        return -1;
    return m_process.exitCode();
}

QString HostProcess::waitFor(const QRegularExpression& pattern)
{
    return waitOn(QProcess::StandardError, pattern);
}

QString HostProcess::waitForOutput(const QRegularExpression& pattern)
{
    return waitOn(QProcess::StandardOutput, pattern);
}

QString HostProcess::waitOn(QProcess::ProcessChannel channel, const QRegularExpression& pattern)
{
    const bool error = channel == QProcess::StandardError;
    QString& text = error ? m_err : m_out;
    QDeadlineTimer deadline(15'000);
    while (!deadline.hasExpired()) {
        text += QString::fromUtf8(
            error ? m_process.readAllStandardError() : m_process.readAllStandardOutput());
        if (const auto match = pattern.match(text); match.hasMatch())
            return match.captured(1);
        m_process.waitForReadyRead(100);
    }
    return {};
}

} // namespace securechat::test
