// SPDX-License-Identifier: MIT
// QuietMemoryRelease: memory goes back once after a burst, never during one or after chatter.
#include "session/quietmemoryrelease.h"

#include <QTest>

using namespace securechat;
using namespace std::chrono_literals;

class TestQuietMemoryRelease final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void releasesOnceWhenABurstIsOver();
    void doesNotReleaseWhileTrafficGoesOn();
    void doesNotReleaseAfterLessThanABurst();

private:
    static constexpr auto Interval = 50ms;
    static constexpr qint64 Burst = 1000;
};

void TestQuietMemoryRelease::releasesOnceWhenABurstIsOver()
{
    int releases = 0;
    QuietMemoryRelease release(Interval, Burst, [&releases] { ++releases; });
    release.noteTraffic(Burst);
    QTRY_COMPARE(releases, 1);
    QTest::qWait(5 * Interval.count());
    QCOMPARE(releases, 1);
}

void TestQuietMemoryRelease::doesNotReleaseWhileTrafficGoesOn()
{
    int releases = 0;
    QuietMemoryRelease release(Interval, Burst, [&releases] { ++releases; });
    for (int i = 0; i < 40; ++i) {
        release.noteTraffic(Burst);
        QTest::qWait(Interval.count() / 5);
    }
    QCOMPARE(releases, 0);
    QTRY_COMPARE(releases, 1);
}

void TestQuietMemoryRelease::doesNotReleaseAfterLessThanABurst()
{
    int releases = 0;
    QuietMemoryRelease release(Interval, Burst, [&releases] { ++releases; });
    release.noteTraffic(Burst - 1);
    QTest::qWait(5 * Interval.count());
    QCOMPARE(releases, 0);
}

QTEST_GUILESS_MAIN(TestQuietMemoryRelease)
#include "tst_quietmemoryrelease.moc"
