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

/// "--cert <name>.pem --key <name>.key" of the test certificates.
QStringList certificateArguments(const QString& name);

/// A `securechat-cli host` on 127.0.0.1, running in the background; killed when destroyed.
class HostProcess final {
public:
    explicit HostProcess(const QStringList& extraArguments,
        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment());
    ~HostProcess();
    HostProcess(const HostProcess&) = delete;
    HostProcess& operator=(const HostProcess&) = delete;

    /// Waits for "listening on 127.0.0.1:PORT" on stderr; 0 if it never came.
    quint16 waitForPort();
    /// The host's "fingerprint SHA256:..." line, without the prefix, as one "AB:CD:..." run.
    QString fingerprint();
    QString readOutput();
    QString readError();
    void write(const QByteArray& input);
    /// SIGTERM, then its exit code; -1 if it did not exit within 10 s.
    int terminate();
    qint64 processId() const { return m_process.processId(); }
    /// The first capture of `pattern` in stderr, waiting up to 15 s; empty if it never came.
    QString waitFor(const QRegularExpression& pattern);
    /// The same on stdout, where the notices ("* bob joined ...") go.
    QString waitForOutput(const QRegularExpression& pattern);

private:
    QString waitOn(QProcess::ProcessChannel channel, const QRegularExpression& pattern);

    QProcess m_process;
    QString m_err;
    QString m_out;
};

} // namespace securechat::test
