// SPDX-License-Identifier: MIT
// Connecting to a TLS server that is no SecureChat host (a real `openssl s_server`, which agrees
// no ALPN): the window says so, instead of an empty "Participants (0)".
#include "chatmessagemodel.h"
#include "mainwindow.h"
#include "sessiontab.h"
#include "statusindicator.h"
#include "testcerts.h"

#include <QLabel>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("no free port on 127.0.0.1");
    return probe.serverPort();
}

bool isListening(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    const bool connected = socket.waitForConnected(200);
    socket.abort();
    return connected;
}

QStringList notices(const ChatMessageModel& messages)
{
    QStringList texts;
    for (int row = 0; row < messages.rowCount(); ++row)
        texts << messages.index(row).data().toString();
    return texts;
}

} // namespace

class TestPlainTlsServer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void joiningAPlainTlsServerSaysSo();

private:
    QProcess m_server;
    quint16 m_port = 0;
};

void TestPlainTlsServer::init()
{
    if (QStandardPaths::findExecutable(str("openssl")).isEmpty())
        QSKIP("openssl is not installed");
    m_port = freePort();
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.start(str("openssl"),
        { str("s_server"), str("-quiet"), str("-accept"), str("127.0.0.1:%1").arg(m_port), str("-cert"),
            test::certPath(str("host.pem")), str("-key"), test::certPath(str("host.key")) });
    QVERIFY2(m_server.waitForStarted(), qPrintable(m_server.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(isListening(m_port), 10'000);
}

void TestPlainTlsServer::cleanup()
{
    m_server.kill();
    m_server.waitForFinished();
}

void TestPlainTlsServer::joiningAPlainTlsServerSaysSo()
{
    QTemporaryDir home;
    MainWindow window { AppPaths(home.path()) };
    ClientOptions options;
    options.host = str("127.0.0.1");
    options.port = m_port;
    options.nick = str("bob");
    options.pin = test::sha256Of(str("host.pem")); // no trust question: this test is about what follows
    SessionTab* tab = window.connectTo(options);
    QTRY_COMPARE_WITH_TIMEOUT(tab->session().phase(), ChatSession::Phase::Active, 15'000);

    QTRY_VERIFY(notices(tab->messages())
                    .contains(str("This is a plain TLS server, not a SecureChat host: messages are sent as "
                                  "text lines, and it does "
                                  "not say who else is there.")));
    const QString header = tab->findChild<QLabel*>(str("participantHeader"))->text();
    QCOMPARE(header, str("Participants: a plain TLS server does not say"));
    QVERIFY2(window.statusIndicator()->summary().endsWith(str("plain TLS server, text lines")),
        qPrintable(window.statusIndicator()->summary()));
}

QTEST_MAIN(TestPlainTlsServer)
#include "tst_plaintlsserver.moc"
