// SPDX-License-Identifier: MIT
#include "session/reconnectpolicy.h"

#include <QTest>

using namespace securechat;

Q_DECLARE_METATYPE(Disconnect::Kind)

class TestReconnectPolicy final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void delaysDoubleUpToAMinute();
    void resetStartsAgainFromOneSecond();
    void whichEndingsReconnect_data();
    void whichEndingsReconnect();
};

void TestReconnectPolicy::delaysDoubleUpToAMinute()
{
    ReconnectPolicy policy;
    QList<qint64> delays;
    for (int i = 0; i < 10; ++i)
        delays << policy.nextDelay().count();
    QCOMPARE(delays, (QList<qint64> { 1, 2, 4, 8, 16, 32, 60, 60, 60, 60 }));
    QCOMPARE(policy.attempts(), 10);
}

void TestReconnectPolicy::resetStartsAgainFromOneSecond()
{
    ReconnectPolicy policy;
    policy.nextDelay();
    policy.nextDelay();
    policy.nextDelay();
    policy.reset();
    QCOMPARE(policy.nextDelay().count(), 1);
    QCOMPARE(policy.nextDelay().count(), 2);
}

void TestReconnectPolicy::whichEndingsReconnect_data()
{
    using Kind = Disconnect::Kind;
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<bool>("everJoined");
    QTest::addColumn<bool>("closedByPerson");
    QTest::addColumn<bool>("closedByHost");
    QTest::addColumn<bool>("reconnects");
    QTest::newRow("connection closed without a goodbye") << Kind::Clean << true << false << false << true;
    QTest::newRow("network error") << Kind::Network << true << false << false << true;
    QTest::newRow("handshake cut short") << Kind::Tls << true << false << false << true;
    QTest::newRow("the person disconnected") << Kind::Clean << true << true << false << false;
    QTest::newRow("the person stopped during a network error")
        << Kind::Network << true << true << false << false;
    QTest::newRow("the host said bye") << Kind::Clean << true << false << true << false;
    QTest::newRow("the host refused on rejoin") << Kind::Protocol << true << false << true << false;
    QTest::newRow("certificate refused") << Kind::Trust << true << false << false << false;
    QTest::newRow("the host broke the protocol") << Kind::Protocol << true << false << false << false;
    QTest::newRow("never joined: the first connect failed")
        << Kind::Network << false << false << false << false;
}

void TestReconnectPolicy::whichEndingsReconnect()
{
    QFETCH(Disconnect::Kind, kind);
    QFETCH(bool, everJoined);
    QFETCH(bool, closedByPerson);
    QFETCH(bool, closedByHost);
    QFETCH(bool, reconnects);
    QCOMPARE(
        ReconnectPolicy::shouldReconnect({ kind, everJoined, closedByPerson, closedByHost }), reconnects);
}

QTEST_GUILESS_MAIN(TestReconnectPolicy)
#include "tst_reconnectpolicy.moc"
