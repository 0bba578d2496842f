// SPDX-License-Identifier: MIT
// PendingHandshakes: the listener's admission decisions fed fake arrivals, without sockets
// (tst_tlslistener and tst_hardening_handshake pin the same rules over real TLS).
#include "session/pendinghandshakes.h"

#include <QObject>
#include <QTest>

using namespace securechat;

namespace {
const QHostAddress Alice(QStringLiteral("192.0.2.1"));
const QHostAddress Bob(QStringLiteral("192.0.2.2"));
const QString AliceWho = QStringLiteral("192.0.2.1:50000");
const QString NotTls = QStringLiteral("not TLS: the first bytes were not a TLS handshake");

enum class WayOut { Cancelled, HandedOut, Gone, FailedThenGone };
} // namespace

Q_DECLARE_METATYPE(WayOut)

class TestPendingHandshakes final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void refusesPastTheCapPerAddressAndSaysWhy();
    void everyWayOutOfAHandshakeFreesItsSlot_data();
    void everyWayOutOfAHandshakeFreesItsSlot();
    void droppedConnectionIsReportedWithTheFirstReason_data();
    void droppedConnectionIsReportedWithTheFirstReason();
    void droppedConnectionIsReportedOnce();
    void handedOutConnectionIsNotReported();
    void failureOfAnUntrackedConnectionIsIgnored();
    void countsHandshakesInProgressFromAllAddresses();
};

void TestPendingHandshakes::refusesPastTheCapPerAddressAndSaysWhy()
{
    PendingHandshakes pending(2);
    QVERIFY(pending.admit(Alice).ok());
    QVERIFY(pending.admit(Alice).ok());
    const Status refused = pending.admit(Alice);
    QVERIFY(!refused.ok());
    QCOMPARE(
        refused.error(), QStringLiteral("refused: 2 TLS handshakes already in progress from that address"));
    QVERIFY(pending.admit(Bob).ok());
}

void TestPendingHandshakes::everyWayOutOfAHandshakeFreesItsSlot_data()
{
    QTest::addColumn<WayOut>("way");
    QTest::newRow("could not be taken") << WayOut::Cancelled;
    QTest::newRow("handed out") << WayOut::HandedOut;
    QTest::newRow("went away") << WayOut::Gone;
    QTest::newRow("failed, then went away") << WayOut::FailedThenGone;
}

void TestPendingHandshakes::everyWayOutOfAHandshakeFreesItsSlot()
{
    QFETCH(WayOut, way);
    PendingHandshakes pending(1);
    const QObject connection;
    QVERIFY(pending.admit(Alice).ok());
    QVERIFY(!pending.admit(Alice).ok());
    if (way == WayOut::Cancelled) {
        pending.cancel(Alice);
    } else {
        pending.track(&connection, Alice, AliceWho);
        if (way == WayOut::HandedOut)
            pending.handedOut(&connection);
        if (way == WayOut::FailedThenGone)
            QVERIFY(pending.fail(&connection, QStringLiteral("TLS handshake failed")));
        if (way == WayOut::Gone || way == WayOut::FailedThenGone)
            QVERIFY(pending.gone(&connection));
    }
    QCOMPARE(pending.inProgress(), 0);
    QVERIFY(pending.admit(Alice).ok());
}

void TestPendingHandshakes::droppedConnectionIsReportedWithTheFirstReason_data()
{
    QTest::addColumn<QStringList>("failures");
    QTest::addColumn<QString>("reported");
    // Qt drops bytes that are not a TLS record without a signal: no failure is ever recorded.
    QTest::newRow("plaintext, or nothing at all") << QStringList() << NotTls;
    QTest::newRow("one failure") << QStringList { QStringLiteral("TLS handshake failed: no shared cipher") }
                                 << QStringLiteral("TLS handshake failed: no shared cipher");
    QTest::newRow("a refused certificate, then the error it caused")
        << QStringList { QStringLiteral("refused client certificate \"eve\""),
               QStringLiteral("TLS handshake failed: certificate verify failed") }
        << QStringLiteral("refused client certificate \"eve\"");
    QTest::newRow("timed out, then the abort's error") << QStringList {
        QStringLiteral("the TLS handshake did not finish within 10 s"), QStringLiteral("network error")
    } << QStringLiteral("the TLS handshake did not finish within 10 s");
}

void TestPendingHandshakes::droppedConnectionIsReportedWithTheFirstReason()
{
    QFETCH(QStringList, failures);
    QFETCH(QString, reported);
    PendingHandshakes pending(8);
    const QObject connection;
    QVERIFY(pending.admit(Alice).ok());
    pending.track(&connection, Alice, AliceWho);
    for (const QString& failure : std::as_const(failures))
        QVERIFY(pending.fail(&connection, failure));
    const std::optional<PendingHandshakes::Rejection> rejection = pending.gone(&connection);
    QVERIFY(rejection);
    QCOMPARE(rejection->who, AliceWho);
    QCOMPARE(rejection->reason, reported);
}

void TestPendingHandshakes::droppedConnectionIsReportedOnce()
{
    PendingHandshakes pending(8);
    const QObject connection;
    QVERIFY(pending.admit(Alice).ok());
    pending.track(&connection, Alice, AliceWho);
    QVERIFY(pending.gone(&connection));
    QVERIFY(!pending.gone(&connection));
}

void TestPendingHandshakes::handedOutConnectionIsNotReported()
{
    PendingHandshakes pending(8);
    const QObject connection;
    QVERIFY(pending.admit(Alice).ok());
    pending.track(&connection, Alice, AliceWho);
    pending.handedOut(&connection);
    QVERIFY(!pending.gone(&connection));
}

void TestPendingHandshakes::failureOfAnUntrackedConnectionIsIgnored()
{
    PendingHandshakes pending(8);
    const QObject connection;
    QVERIFY(!pending.fail(&connection, QStringLiteral("TLS handshake failed")));
    QVERIFY(!pending.gone(&connection));
    QCOMPARE(pending.inProgress(), 0);
}

void TestPendingHandshakes::countsHandshakesInProgressFromAllAddresses()
{
    PendingHandshakes pending(8);
    const QObject fromAlice;
    const QObject fromBob;
    QVERIFY(pending.admit(Alice).ok());
    pending.track(&fromAlice, Alice, AliceWho);
    QVERIFY(pending.admit(Bob).ok());
    pending.track(&fromBob, Bob, QStringLiteral("192.0.2.2:50001"));
    QCOMPARE(pending.inProgress(), 2);
    pending.handedOut(&fromAlice);
    QCOMPARE(pending.inProgress(), 1);
}

QTEST_GUILESS_MAIN(TestPendingHandshakes)
#include "tst_pendinghandshakes.moc"
