// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace securechat::test {

/// The securechat-cli of this build.
QString cliPath();

/// "--cert <name>.pem --key <name>.key" of the test certificates.
QStringList certificateArguments(const QString& name);

/// A `securechat-cli host` on 127.0.0.1, running in the background; killed when destroyed.
class HostProcess final {
public:
    explicit HostProcess(const QStringList& extraArguments);
    ~HostProcess();
    HostProcess(const HostProcess&) = delete;
    HostProcess& operator=(const HostProcess&) = delete;

    /// Waits for "listening on 127.0.0.1:PORT" on stderr; 0 if it never came.
    quint16 waitForPort();
    /// The host's "fingerprint SHA256:..." line, without the prefix.
    QString fingerprint();
    QString readOutput();
    QString readError();
    void write(const QByteArray& input);
    /// SIGTERM, then its exit code; -1 if it did not exit within 10 s.
    int terminate();
    qint64 processId() const { return m_process.processId(); }

private:
    // The first capture of `pattern` in stderr, waiting up to 10 s; empty if it never came.
    QString waitForStatus(const QRegularExpression& pattern);

    QProcess m_process;
    QString m_err;
    QString m_out;
};

} // namespace securechat::test
