// SPDX-License-Identifier: MIT
#include "discovery/avahiqtpoll.h"

#include <QElapsedTimer>
#include <QTest>

#include <avahi-common/timeval.h>
#include <fcntl.h>
#include <unistd.h>

#include <functional>

using securechat::AvahiQtPoll;

namespace {

// What Avahi's side of a watch saw, and what it does when called.
struct WatchRecord {
    explicit WatchRecord(const AvahiPoll* api)
        : api(api)
    {
    }
    const AvahiPoll* api;
    int calls = 0;
    AvahiWatchEvent lastEvents {};
    AvahiWatchEvent getEventsInCallback {};
    std::function<void(AvahiWatch*, int fd)> onCall;
};

void watchCallback(AvahiWatch* watch, int fd, AvahiWatchEvent events, void* userdata)
{
    auto* record = static_cast<WatchRecord*>(userdata);
    ++record->calls;
    record->lastEvents = events;
    record->getEventsInCallback = record->api->watch_get_events(watch);
    if (record->onCall)
        record->onCall(watch, fd);
}

struct TimeoutRecord {
    int calls = 0;
    std::function<void(AvahiTimeout*)> onCall;
};

void timeoutCallback(AvahiTimeout* timeout, void* userdata)
{
    auto* record = static_cast<TimeoutRecord*>(userdata);
    ++record->calls;
    if (record->onCall)
        record->onCall(timeout);
}

timeval inMilliseconds(unsigned milliseconds)
{
    timeval when {};
    avahi_elapse_time(&when, milliseconds, 0);
    return when;
}

// A pipe closed at the end of the test.
struct Pipe {
    int read = -1;
    int write = -1;
    Pipe()
    {
        int ends[2];
        if (::pipe2(ends, O_NONBLOCK | O_CLOEXEC) == 0) {
            read = ends[0];
            write = ends[1];
        }
    }
    ~Pipe()
    {
        closeWrite();
        if (read >= 0)
            ::close(read);
    }
    Q_DISABLE_COPY_MOVE(Pipe)
    void closeWrite()
    {
        if (write >= 0)
            ::close(write);
        write = -1;
    }
    bool send() const { return ::write(write, "x", 1) == 1; }
};

void drain(int fd)
{
    char buffer[16];
    while (::read(fd, buffer, sizeof buffer) > 0) { }
}

} // namespace

class TestAvahiQtPoll final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void watchReportsReadableData();
    void watchReportsWritable();
    void watchReportsHangUpAndCanBeFreedInItsCallback();
    void watchUpdatedToNothingStaysSilent();
    void timeoutFiresOnceNotBeforeItsTime();
    void timeoutInThePastFiresAtOnce();
    void timeoutWithoutTimeNeverFires();
    void timeoutUpdatedToNothingNeverFires();
    void timeoutRearmedInItsCallbackFiresAgain();
    void timeoutFreedInItsCallbackStops();
};

void TestAvahiQtPoll::watchReportsReadableData()
{
    AvahiQtPoll poll;
    Pipe pipe;
    WatchRecord record(poll.api());
    record.onCall = [](AvahiWatch*, int fd) { drain(fd); };
    AvahiWatch* watch = poll.api()->watch_new(poll.api(), pipe.read, AVAHI_WATCH_IN, watchCallback, &record);
    QVERIFY(pipe.send());
    QTRY_COMPARE(record.calls, 1);
    QCOMPARE(record.lastEvents, AVAHI_WATCH_IN);
    QCOMPARE(record.getEventsInCallback, AVAHI_WATCH_IN);
    poll.api()->watch_free(watch);
}

void TestAvahiQtPoll::watchReportsWritable()
{
    AvahiQtPoll poll;
    Pipe pipe;
    WatchRecord record(poll.api());
    // As the D-Bus glue does once its queue is flushed: stop asking for OUT.
    record.onCall = [&](AvahiWatch* watch, int) { poll.api()->watch_update(watch, AvahiWatchEvent {}); };
    AvahiWatch* watch
        = poll.api()->watch_new(poll.api(), pipe.write, AVAHI_WATCH_OUT, watchCallback, &record);
    QTRY_COMPARE(record.calls, 1);
    QCOMPARE(record.lastEvents, AVAHI_WATCH_OUT);
    QTest::qWait(50);
    QCOMPARE(record.calls, 1);
    poll.api()->watch_free(watch);
}

void TestAvahiQtPoll::watchReportsHangUpAndCanBeFreedInItsCallback()
{
    AvahiQtPoll poll;
    Pipe pipe;
    WatchRecord record(poll.api());
    record.onCall = [&](AvahiWatch* watch, int) { poll.api()->watch_free(watch); };
    poll.api()->watch_new(poll.api(), pipe.read, AVAHI_WATCH_IN, watchCallback, &record);
    pipe.closeWrite();
    QTRY_COMPARE(record.calls, 1);
    QVERIFY(record.lastEvents & AVAHI_WATCH_HUP);
    QTest::qWait(50);
    QCOMPARE(record.calls, 1);
}

void TestAvahiQtPoll::watchUpdatedToNothingStaysSilent()
{
    AvahiQtPoll poll;
    Pipe pipe;
    WatchRecord record(poll.api());
    record.onCall = [](AvahiWatch*, int fd) { drain(fd); };
    AvahiWatch* watch = poll.api()->watch_new(poll.api(), pipe.read, AVAHI_WATCH_IN, watchCallback, &record);
    poll.api()->watch_update(watch, AvahiWatchEvent {});
    QVERIFY(pipe.send());
    QTest::qWait(100);
    QCOMPARE(record.calls, 0);
    poll.api()->watch_update(watch, AVAHI_WATCH_IN);
    QTRY_COMPARE(record.calls, 1);
    poll.api()->watch_free(watch);
}

void TestAvahiQtPoll::timeoutFiresOnceNotBeforeItsTime()
{
    AvahiQtPoll poll;
    TimeoutRecord record;
    qint64 firedAfter = -1;
    QElapsedTimer clock;
    record.onCall = [&](AvahiTimeout*) { firedAfter = clock.elapsed(); };
    const timeval when = inMilliseconds(150);
    clock.start();
    AvahiTimeout* timeout = poll.api()->timeout_new(poll.api(), &when, timeoutCallback, &record);
    QTRY_COMPARE(record.calls, 1);
    QVERIFY2(firedAfter >= 149, qPrintable(QString::number(firedAfter)));
    QTest::qWait(200);
    QCOMPARE(record.calls, 1);
    poll.api()->timeout_free(timeout);
}

void TestAvahiQtPoll::timeoutInThePastFiresAtOnce()
{
    AvahiQtPoll poll;
    TimeoutRecord record;
    timeval when = inMilliseconds(0);
    when.tv_sec -= 10;
    AvahiTimeout* timeout = poll.api()->timeout_new(poll.api(), &when, timeoutCallback, &record);
    QTRY_COMPARE_WITH_TIMEOUT(record.calls, 1, 100);
    poll.api()->timeout_free(timeout);
}

void TestAvahiQtPoll::timeoutWithoutTimeNeverFires()
{
    AvahiQtPoll poll;
    TimeoutRecord record;
    AvahiTimeout* timeout = poll.api()->timeout_new(poll.api(), nullptr, timeoutCallback, &record);
    QTest::qWait(100);
    QCOMPARE(record.calls, 0);
    poll.api()->timeout_free(timeout);
}

void TestAvahiQtPoll::timeoutUpdatedToNothingNeverFires()
{
    AvahiQtPoll poll;
    TimeoutRecord record;
    const timeval when = inMilliseconds(30);
    AvahiTimeout* timeout = poll.api()->timeout_new(poll.api(), &when, timeoutCallback, &record);
    poll.api()->timeout_update(timeout, nullptr);
    QTest::qWait(150);
    QCOMPARE(record.calls, 0);
    poll.api()->timeout_free(timeout);
}

void TestAvahiQtPoll::timeoutRearmedInItsCallbackFiresAgain()
{
    AvahiQtPoll poll;
    TimeoutRecord record;
    record.onCall = [&](AvahiTimeout* timeout) {
        if (record.calls < 3) {
            const timeval next = inMilliseconds(20);
            poll.api()->timeout_update(timeout, &next);
        }
    };
    const timeval when = inMilliseconds(20);
    AvahiTimeout* timeout = poll.api()->timeout_new(poll.api(), &when, timeoutCallback, &record);
    QTRY_COMPARE(record.calls, 3);
    QTest::qWait(100);
    QCOMPARE(record.calls, 3);
    poll.api()->timeout_free(timeout);
}

void TestAvahiQtPoll::timeoutFreedInItsCallbackStops()
{
    AvahiQtPoll poll;
    TimeoutRecord record;
    record.onCall = [&](AvahiTimeout* timeout) { poll.api()->timeout_free(timeout); };
    const timeval when = inMilliseconds(10);
    poll.api()->timeout_new(poll.api(), &when, timeoutCallback, &record);
    QTRY_COMPARE(record.calls, 1);
    QTest::qWait(100);
    QCOMPARE(record.calls, 1);
}

QTEST_GUILESS_MAIN(TestAvahiQtPoll)
#include "tst_avahiqtpoll.moc"
