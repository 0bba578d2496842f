// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace securechat::test {

/// The securechat-cli of this build.
QString cliPath();

/// How a securechat-cli run ended: its exit code (-1: killed or crashed) and what it printed.
struct Finished {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs securechat-cli with `input` on stdin, waiting up to 20 s.
Finished runCli(const QStringList& arguments, const QByteArray& input = {});
/// The same for `securechat-cli connect` with arguments (what follows "connect"), as ConnectProcess.
Finished runConnect(const QStringList& arguments, const QByteArray& input = {});

/// "--cert <name>.pem --key <name>.key" of the test certificates.
QStringList certificateArguments(const QString& name);

/// A securechat-cli process running in the background, what it prints collected as it comes;
/// killed when destroyed.
class CliProcess {
public:
    explicit CliProcess(const QStringList& arguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());
    ~CliProcess();
    CliProcess(const CliProcess&) = delete;
    CliProcess& operator=(const CliProcess&) = delete;

    /// Everything it printed on stdout (the messages and notices) so far.
    QString readOutput();
    /// Everything it printed on stderr (the status lines) so far.
    QString readError();
    void write(const QByteArray& input);
    /// Ends its stdin, as the end of what the person types.
    void closeInput();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    /// Its exit code once it exits within 10 s; -1 if it did not, or was killed.
    int waitForExit();
    /// SIGTERM, then its exit code; -1 if it did not exit within 10 s.
    int terminate();
    /// Sends it signal number (SIGSTOP, SIGKILL...).
    void signal(int number);
    qint64 processId() const { return m_process.processId(); }
    /// The first capture of `pattern` in stderr, waiting up to 15 s; empty if it never came.
    QString waitFor(const QRegularExpression& pattern);
    /// The same on stdout, where the messages and notices ("* bob joined ...") go.
    QString waitForOutput(const QRegularExpression& pattern);

private:
    QString waitOn(QProcess::ProcessChannel channel, const QRegularExpression& pattern);

    QProcess m_process;
    QString m_err;
    QString m_out;
};

/// A `securechat-cli host` on 127.0.0.1.
class HostProcess final : public CliProcess {
public:
    explicit HostProcess(const QStringList& extraArguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());

    /// Waits for "listening on 127.0.0.1:PORT" on stderr; 0 if it never came.
    quint16 waitForPort();
    /// The host's "fingerprint SHA256:..." line, without the prefix, as one "AB:CD:..." run.
    QString fingerprint();
};

/// A `securechat-cli connect` with arguments (what follows "connect").
class ConnectProcess final : public CliProcess {
public:
    explicit ConnectProcess(const QStringList& arguments);
};

} // namespace securechat::test
