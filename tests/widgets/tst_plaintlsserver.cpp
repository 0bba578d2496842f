// SPDX-License-Identifier: MIT
// Connecting to a TLS server that is no SecureChat host (a real `openssl s_server`, which agrees
// no ALPN): the window says so, instead of an empty "Participants (0)"; and what was typed while
// connecting, which the server never acknowledges, is not left pending.
#include "chatmessagemodel.h"
#include "history/conversationkey.h"
#include "history/historystore.h"
#include "joinedsession.h"
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

// Bob, pinned to the server's certificate: no trust question, this test is about what follows.
ClientOptions bobTo(quint16 port)
{
    ClientOptions options;
    options.host = str("127.0.0.1");
    options.port = port;
    options.nick = str("bob");
    options.pin = test::sha256Of(str("host.pem"));
    return options;
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
    void typedWhileConnectingIsNotLeftPending();

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
    SessionTab* tab = window.connectTo(bobTo(m_port));
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

// The server acknowledges nothing: the line went out on joining, as sent as it gets, and neither
// the tab nor the history keeps it pending (the next connection would send it again).
void TestPlainTlsServer::typedWhileConnectingIsNotLeftPending()
{
    QTemporaryDir home;
    const AppPaths paths(home.path());
    MainWindow window { paths };
    SessionTab* tab = window.connectTo(bobTo(m_port));
    tab->session().send(str("typed while connecting"));
    QTRY_COMPARE_WITH_TIMEOUT(tab->session().phase(), ChatSession::Phase::Active, 15'000);

    QByteArray served;
    QTRY_VERIFY((served += m_server.readAll()).contains("typed while connecting"));
    const ChatMessageModel& messages = tab->messages();
    const QStringList shown = notices(messages);
    const auto row = static_cast<int>(shown.indexOf(str("typed while connecting")));
    QVERIFY(row >= 0);
    QCOMPARE(messages.index(row).data(ChatMessageModel::DeliveryRole).toInt(),
        static_cast<int>(ChatMessageModel::Delivery::None));
    const QString conversation = ConversationKey::joined(
        static_cast<JoinedSession&>(tab->session()).hostChain().constFirst().sha256Fingerprint);
    HistoryStore store;
    QCOMPARE(store.open(paths.historyFile()).outcome, HistoryOpenReport::Outcome::Opened);
    const QList<HistoryMessage> stored = store.latest(conversation, 10);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.constFirst().state, HistoryState::Sent);
}

QTEST_MAIN(TestPlainTlsServer)
#include "tst_plaintlsserver.moc"
