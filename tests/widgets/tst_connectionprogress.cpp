// SPDX-License-Identifier: MIT
// Connecting shows every stage (looking up, connecting, securing, your decision, joining), and
// Cancel at each one stops that attempt at once and leaves the tab saying "Cancelled". Each stage
// is held for real on loopback: a name still being looked up, a listener whose backlog is full
// (TCP connect stalls), a plain TCP listener that never answers the TLS handshake, a host with a
// certificate nobody vouches for (the person decides), and a host that asks its person first.
#include "hostedsession.h"
#include "mainwindow.h"
#include "sessionbanner.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "testcerts.h"
#include "trustpromptdialog.h"

#include <QPushButton>
#include <QSignalSpy>
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

// What holds the attempt at one stage: the listeners it connects to, kept for the checks after.
struct StalledHost {
    std::unique_ptr<QTcpServer> tcp; // connecting, securing
    std::unique_ptr<QTcpSocket> backlogFiller; // connecting
    std::unique_ptr<ChatHost> chat; // your decision, joining
    QString hostName = str("127.0.0.1");
    quint16 port = 0;
};

} // namespace

class TestConnectionProgress final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void cancelStopsEachStage_data();
    void cancelStopsEachStage();
    void stagesFollowEachOther();
    void cancelInTheTrustPromptSaysCancelled();

private:
    StalledHost stallAt(const QString& stage);
    ClientOptions clientOptions(const StalledHost& host, bool verifyWithTestCa) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<MainWindow> m_window;
};

void TestConnectionProgress::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    m_window = std::make_unique<MainWindow>(AppPaths(m_home->path()));
    m_window->show();
}

void TestConnectionProgress::cleanup()
{
    m_window.reset();
}

StalledHost TestConnectionProgress::stallAt(const QString& stage)
{
    StalledHost host;
    if (stage == str("looking up")) {
        // A name, not an address: the lookup runs while the event loop does not.
        host.tcp = std::make_unique<QTcpServer>();
        if (!host.tcp->listen(QHostAddress::LocalHost))
            qFatal("cannot listen");
        host.hostName = str("localhost");
    } else if (stage == str("connecting")) {
        // Backlog 0 holds one connection nobody accepts; the kernel drops the next one's SYN.
        host.tcp = std::make_unique<QTcpServer>();
        host.tcp->setListenBacklogSize(0);
        if (!host.tcp->listen(QHostAddress::LocalHost))
            qFatal("cannot listen");
        host.tcp->pauseAccepting();
        host.backlogFiller = std::make_unique<QTcpSocket>();
        host.backlogFiller->connectToHost(QHostAddress::LocalHost, host.tcp->serverPort());
        if (!host.backlogFiller->waitForConnected(5'000))
            qFatal("the backlog filler did not connect");
    } else if (stage == str("securing")) {
        // Accepts, and never says a word of TLS.
        host.tcp = std::make_unique<QTcpServer>();
        if (!host.tcp->listen(QHostAddress::LocalHost))
            qFatal("cannot listen");
    } else if (stage == str("your decision")) {
        host.chat = test::startHost(test::hostOptions(str("selfsigned")));
    } else if (stage == str("joining")) {
        HostOptions options = test::hostOptions();
        options.admission = Admission::Ask;
        host.chat = test::startHost(options);
    }
    host.port = host.tcp ? host.tcp->serverPort() : host.chat->port();
    return host;
}

ClientOptions TestConnectionProgress::clientOptions(const StalledHost& host, bool verifyWithTestCa) const
{
    ClientOptions options;
    options.host = host.hostName;
    options.port = host.port;
    options.nick = str("bob");
    options.identity = test::identity(str("client"));
    if (verifyWithTestCa)
        options.caCertificates = test::caCertificates();
    else
        options.caCertificates = test::caCertificates(str("other-ca")); // nobody vouches for the host
    return options;
}

void TestConnectionProgress::cancelStopsEachStage_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("banner");
    QTest::newRow("looking up") << str("looking up") << str("Looking up localhost:%1…");
    QTest::newRow("connecting") << str("connecting") << str("Connecting to 127.0.0.1:%1…");
    QTest::newRow("securing") << str("securing")
                              << str("Securing the connection to 127.0.0.1:%1 (TLS handshake)…");
    QTest::newRow("your decision") << str("your decision")
                                   << str("Waiting for your decision about the certificate of 127.0.0.1:%1");
    QTest::newRow("joining") << str("joining") << str("Waiting for the host to let you in");
}

void TestConnectionProgress::cancelStopsEachStage()
{
    QFETCH(QString, stage);
    QFETCH(QString, banner);
    StalledHost host = stallAt(stage);
    SessionTab* tab = m_window->connectTo(clientOptions(host, stage == str("joining")));
    const QString expected = banner.contains(str("%1")) ? banner.arg(host.port) : banner;
    if (stage == str("looking up")) {
        // The answer comes through the event loop, which has not run yet.
        QCOMPARE(tab->banner()->text(), expected);
    } else {
        QTRY_COMPARE(tab->banner()->text(), expected);
        // It stays there: the stage is held by the other side, not passing by.
        QTest::qWait(300);
        QCOMPARE(tab->banner()->text(), expected);
    }
    QCOMPARE(tab->banner()->mode(), SessionBanner::Mode::Progress);
    QCOMPARE(tab->banner()->actionButton()->text(), str("Cancel"));

    std::unique_ptr<QSignalSpy> requestEnded;
    if (host.chat)
        requestEnded = std::make_unique<QSignalSpy>(host.chat.get(), &ChatHost::joinRequestEnded);
    tab->banner()->actionButton()->click();

    // At once: no event loop has run since the click.
    QCOMPARE(tab->session().phase(), ChatSession::Phase::Ended);
    QCOMPARE(tab->banner()->text(), str("Cancelled"));
    QCOMPARE(tab->banner()->mode(), SessionBanner::Mode::Ended);
    QVERIFY2(tab->banner()->detail().contains(str("you cancelled connecting")),
        qPrintable(tab->banner()->detail()));
    QCOMPARE(m_window->tabs().size(), 1); // the tab stays, saying what happened
    QCOMPARE(tab->session().summary(), str("Cancelled"));

    // And the other side sees the attempt go.
    if (stage == str("looking up")) {
        QTest::qWait(300);
        QVERIFY(!host.tcp->hasPendingConnections()); // it never got as far as connecting
    } else if (stage == str("securing")) {
        QTRY_VERIFY(host.tcp->hasPendingConnections());
        QTcpSocket* accepted = host.tcp->nextPendingConnection();
        QTRY_COMPARE(accepted->state(), QAbstractSocket::UnconnectedState);
    } else if (stage == str("your decision")) {
        QTRY_VERIFY(!m_window->findChild<TrustPromptDialog*>()
            || !m_window->findChild<TrustPromptDialog*>()->isVisible());
        QTRY_COMPARE(host.chat->participants().size(), 1); // the host alone
    } else if (stage == str("joining")) {
        QTRY_COMPARE(requestEnded->count(), 1); // the host's lobby lets the request go
    }
}

void TestConnectionProgress::stagesFollowEachOther()
{
    StalledHost host = stallAt(str("joining"));
    SessionTab* tab = m_window->connectTo(clientOptions(host, true));
    QStringList seen { tab->banner()->text() };
    connect(&tab->session(), &ChatSession::statusChanged, this, [&] {
        if (tab->banner()->text() != seen.constLast())
            seen << tab->banner()->text();
    });
    QTRY_COMPARE(seen.constLast(), str("Waiting for the host to let you in"));
    const QString port = QString::number(host.port);
    // An address is not looked up: connecting comes first.
    const QStringList expected { str("Connecting to 127.0.0.1:%1…").arg(port),
        str("Securing the connection to 127.0.0.1:%1 (TLS handshake)…").arg(port),
        str("Joining 127.0.0.1:%1…").arg(port), str("Waiting for the host to let you in") };
    QCOMPARE(seen, expected);
}

void TestConnectionProgress::cancelInTheTrustPromptSaysCancelled()
{
    StalledHost host = stallAt(str("your decision"));
    SessionTab* tab = m_window->connectTo(clientOptions(host, false));
    TrustPromptDialog* prompt = nullptr;
    QTRY_VERIFY((prompt = m_window->findChild<TrustPromptDialog*>()) && prompt->isVisible());
    prompt->reject(); // the prompt's Cancel
    QTRY_COMPARE(tab->banner()->text(), str("Cancelled"));
    QCOMPARE(tab->session().phase(), ChatSession::Phase::Ended);
}

QTEST_MAIN(TestConnectionProgress)
#include "tst_connectionprogress.moc"
