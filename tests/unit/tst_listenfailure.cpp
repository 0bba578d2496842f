// SPDX-License-Identifier: MIT
// Why a listener could not listen, in one sentence: never Qt's "The bound address is already in
// use" after a lower-case "cannot listen on …".
#include "session/listenfailure.h"

#include <QTcpServer>
#include <QTest>

using namespace securechat;

class tst_ListenFailure final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void busyPortIsSaidInWords();
    void eachErrorIsOneSentence_data();
    void eachErrorIsOneSentence();
};

void tst_ListenFailure::busyPortIsSaidInWords()
{
    QTcpServer first;
    QVERIFY(first.listen(QHostAddress::LocalHost, 0));
    QTcpServer second;
    QVERIFY(!second.listen(QHostAddress::LocalHost, first.serverPort()));
    QCOMPARE(ListenFailure::describe(second, QHostAddress::LocalHost, first.serverPort()),
        QStringLiteral("127.0.0.1:%1 is already in use: another program or session listens there. Choose "
                       "another port, or 0 for any free one.")
            .arg(first.serverPort()));
}

void tst_ListenFailure::eachErrorIsOneSentence_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("busy on every address")
        << int(QAbstractSocket::AddressInUseError) << QStringLiteral("0.0.0.0") << 7447
        << QStringLiteral("Port 7447 is already in use on this computer: another program or session listens "
                          "there. Choose another port, or 0 for any free one.");
    QTest::newRow("privileged port") << int(QAbstractSocket::SocketAccessError) << QStringLiteral("0.0.0.0")
                                     << 80
                                     << QStringLiteral(
                                            "Only the administrator may listen on port 80: choose a "
                                            "port from 1024 up.");
    QTest::newRow("not this computer's address")
        << int(QAbstractSocket::SocketAddressNotAvailableError) << QStringLiteral("192.0.2.7") << 7447
        << QStringLiteral("192.0.2.7 is not an address of this computer.");
    QTest::newRow("anything else, with Qt's words in brackets")
        << int(QAbstractSocket::UnknownSocketError) << QStringLiteral("::1") << 7447
        << QStringLiteral("SecureChat could not listen on [::1]:7447 (Unknown error).");
}

void tst_ListenFailure::eachErrorIsOneSentence()
{
    QFETCH(int, error);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, sentence);
    QCOMPARE(ListenFailure::describe(static_cast<QAbstractSocket::SocketError>(error),
                 QStringLiteral("Unknown error"), QHostAddress(address), static_cast<quint16>(port)),
        sentence);
}

QTEST_GUILESS_MAIN(tst_ListenFailure)
#include "tst_listenfailure.moc"
