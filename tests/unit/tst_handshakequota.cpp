// SPDX-License-Identifier: MIT
// HandshakeQuota: the listener's per-address cap on handshakes in progress, without sockets
// (tst_tlslistener pins the same rules over real TLS).
#include "session/handshakequota.h"

#include <QTest>

using namespace securechat;

namespace {
const QHostAddress Alice(QStringLiteral("192.0.2.1"));
const QHostAddress Bob(QStringLiteral("192.0.2.2"));
const QHostAddress AliceOverIpv6(QStringLiteral("2001:db8::1"));
} // namespace

class TestHandshakeQuota final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void takesUpToTheCapFromOneAddress_data();
    void takesUpToTheCapFromOneAddress();
    void oneAddressAtTheCapLeavesOthersAlone();
    void releaseFreesASlot();
    void releaseOfAnUnknownAddressChangesNothing();
};

void TestHandshakeQuota::takesUpToTheCapFromOneAddress_data()
{
    QTest::addColumn<int>("cap");
    QTest::newRow("no handshakes at all") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("the default, 8") << 8;
}

void TestHandshakeQuota::takesUpToTheCapFromOneAddress()
{
    QFETCH(int, cap);
    HandshakeQuota quota(cap);
    for (int i = 0; i < cap; ++i)
        QVERIFY(quota.tryTake(Alice));
    QVERIFY(!quota.tryTake(Alice));
    QCOMPARE(quota.inProgress(Alice), cap);
}

void TestHandshakeQuota::oneAddressAtTheCapLeavesOthersAlone()
{
    HandshakeQuota quota(2);
    QVERIFY(quota.tryTake(Alice));
    QVERIFY(quota.tryTake(Alice));
    QVERIFY(!quota.tryTake(Alice));
    QVERIFY(quota.tryTake(Bob));
    QVERIFY(quota.tryTake(AliceOverIpv6));
    QCOMPARE(quota.inProgress(Bob), 1);
}

void TestHandshakeQuota::releaseFreesASlot()
{
    HandshakeQuota quota(1);
    QVERIFY(quota.tryTake(Alice));
    QVERIFY(!quota.tryTake(Alice));
    quota.release(Alice);
    QCOMPARE(quota.inProgress(Alice), 0);
    QVERIFY(quota.tryTake(Alice));
}

void TestHandshakeQuota::releaseOfAnUnknownAddressChangesNothing()
{
    HandshakeQuota quota(1);
    QVERIFY(quota.tryTake(Alice));
    quota.release(Bob);
    QCOMPARE(quota.inProgress(Bob), 0);
    QCOMPARE(quota.inProgress(Alice), 1);
    QVERIFY(quota.tryTake(Bob));
}

QTEST_GUILESS_MAIN(TestHandshakeQuota)
#include "tst_handshakequota.moc"
