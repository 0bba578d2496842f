// SPDX-License-Identifier: MIT
#include "trust/knownpeers.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace securechat;

#define VERIFY_OK(expression)                                                                                \
    do {                                                                                                     \
        const auto result_ = (expression);                                                                   \
        QVERIFY2(result_.ok(), qPrintable(result_.error()));                                                 \
    } while (false)

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray digest(const QByteArray& seed)
{
    return QCryptographicHash::hash(seed, QCryptographicHash::Sha256);
}

// "AB:CD:..." built byte by byte, independently of the code under test.
QString colonHex(const QByteArray& bytes)
{
    QStringList pairs;
    for (const char byte : bytes)
        pairs << str("%1").arg(static_cast<uchar>(byte), 2, 16, QLatin1Char('0')).toUpper();
    return pairs.join(u':');
}

QDateTime at(int day)
{
    return QDateTime(QDate(2026, 11, day), QTime(19, 0), Qt::UTC);
}

KnownPeer peer(const char* hostPort, const char* seed, const char* note = "")
{
    return KnownPeer { str(hostPort), digest(seed), at(29), str(note) };
}

// The line the file holds for peer(hostPort, seed), followed by rest.
QString line(const char* hostPort, const char* seed, const char* rest = "")
{
    return str(hostPort) + str(" SHA256:") + colonHex(digest(seed)) + str(" 2026-11-29T19:00:00Z")
        + str(rest);
}

QStringList list(std::initializer_list<const char*> items)
{
    QStringList result;
    for (const char* item : items)
        result << str(item);
    return result;
}

void writeFile(const QString& path, const QStringList& lines)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write((lines.join(u'\n') + u'\n').toUtf8());
}

QStringList readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

QStringList hostPorts(const QList<KnownPeer>& peers)
{
    QStringList result;
    for (const KnownPeer& p : peers)
        result << p.hostPort;
    return result;
}

// The host:ports a fresh object reads from the file, or why it could not read it.
QStringList onDisk(const QString& path)
{
    KnownPeers reader(path);
    const Status loaded = reader.load();
    return loaded ? hostPorts(reader.all()) : QStringList { loaded.error() };
}

// Child-process mode of this test binary: one of several writers sharing one file.
int addPeers(const QString& file, const QString& writer, int count)
{
    KnownPeers peers(file);
    for (int i = 0; i < count; ++i) {
        const QString hostPort = str("writer%1-peer%2.example:4433").arg(writer).arg(i);
        const Status saved
            = peers.remember(KnownPeer { hostPort, digest(hostPort.toUtf8()), at(29), QString() });
        if (!saved) {
            qCritical("%s", qPrintable(saved.error()));
            return 1;
        }
    }
    return 0;
}

} // namespace

class TestKnownPeers final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();

    void missingFileIsEmpty();
    void unreadableFileFails();
    void roundTrip();
    void writesOneReadableLinePerPeer();
    void corruptedLineIsSkipped_data();
    void corruptedLineIsSkipped();
    void firstOfDuplicateLinesCounts();
    void commentsAndCorruptedLinesSurviveSave();
    void rememberReplaces();
    void rememberWithoutTimeUsesNow();
    void noteLineBreaksBecomeSpaces();
    void rememberRejectsWrongDigestSize();
    void rememberCreatesFolder();
    void forgetRemovesOnlyThatPeer();
    void forgetUnknownFails();
    void findNormalizes();
    void normalizeHostPort_data();
    void normalizeHostPort();
    void joinHostPort_data();
    void joinHostPort();
    void twoObjectsKeepEachOthersEntries();
    void forgetIsNotUndoneByAnotherObject();
    void concurrentProcessesKeepAllEntries();

private:
    QString path() const { return m_dir->filePath(str("known_peers")); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestKnownPeers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestKnownPeers::missingFileIsEmpty()
{
    KnownPeers peers(path());
    VERIFY_OK(peers.load());
    QVERIFY(peers.all().isEmpty());
    QVERIFY(peers.warnings().isEmpty());
    QVERIFY(!QFile::exists(path()));
}

void TestKnownPeers::unreadableFileFails()
{
    QVERIFY(QDir().mkpath(path())); // a folder where the file should be
    KnownPeers peers(path());
    const Status loaded = peers.load();
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().contains(path()), qPrintable(loaded.error()));
}

void TestKnownPeers::roundTrip()
{
    const QList<KnownPeer> written {
        KnownPeer { str("127.0.0.1:4433"), digest("a"), at(1), str("Alice's  laptop") },
        KnownPeer { str("[::1]:5000"), digest("b"), at(2), QString() },
        KnownPeer { str("chat.example:443"), digest("c"), at(3), str("# not a comment") },
    };
    KnownPeers writer(path());
    for (const KnownPeer& p : written)
        VERIFY_OK(writer.remember(p));

    KnownPeers reader(path());
    VERIFY_OK(reader.load());
    QVERIFY(reader.warnings().isEmpty());
    const QList<KnownPeer> read = reader.all();
    QCOMPARE(read.size(), written.size());
    for (qsizetype i = 0; i < read.size(); ++i) {
        QCOMPARE(read.at(i).hostPort, written.at(i).hostPort);
        QCOMPARE(read.at(i).sha256, written.at(i).sha256);
        QCOMPARE(read.at(i).firstSeen, written.at(i).firstSeen);
        QCOMPARE(read.at(i).note, written.at(i).note);
    }
}

void TestKnownPeers::writesOneReadableLinePerPeer()
{
    KnownPeers peers(path());
    VERIFY_OK(peers.remember(peer("127.0.0.1:4433", "a", "Alice")));
    QStringList lines = readFile(path());
    QVERIFY(!lines.isEmpty());
    while (!lines.isEmpty() && lines.constFirst().startsWith(u'#'))
        lines.removeFirst();
    QCOMPARE(lines, QStringList { line("127.0.0.1:4433", "a", " Alice") });
}

void TestKnownPeers::corruptedLineIsSkipped_data()
{
    QTest::addColumn<QString>("badLine");
    QTest::addColumn<QString>("reason");
    const QString goodFingerprint = str("SHA256:") + colonHex(digest("x"));
    QTest::newRow("too few fields") << str("bad.example:4433 %1").arg(goodFingerprint) << str("expected");
    QTest::newRow("short fingerprint")
        << str("bad.example:4433 SHA256:AB:CD 2026-11-29T19:00:00Z") << str("not a SHA-256 fingerprint");
    QTest::newRow("fingerprint not hex")
        << str("bad.example:4433 SHA256:%1GG 2026-11-29T19:00:00Z").arg(str("GG:").repeated(31))
        << str("not a SHA-256 fingerprint");
    QTest::newRow("no SHA256 prefix")
        << str("bad.example:4433 %1 2026-11-29T19:00:00Z").arg(goodFingerprint.mid(7))
        << str("should start with SHA256:");
    QTest::newRow("bad date") << str("bad.example:4433 %1 yesterday").arg(goodFingerprint)
                              << str("is not a date and time");
    QTest::newRow("no port") << str("bad.example %1 2026-11-29T19:00:00Z").arg(goodFingerprint)
                             << str("has no port");
    QTest::newRow("IPv6 without brackets")
        << str("::1:4433 %1 2026-11-29T19:00:00Z").arg(goodFingerprint) << str("in brackets");
}

void TestKnownPeers::corruptedLineIsSkipped()
{
    QFETCH(QString, badLine);
    QFETCH(QString, reason);
    writeFile(
        path(), { line("one.example:1", "1"), str("# a comment"), badLine, line("two.example:2", "2") });
    KnownPeers peers(path());
    VERIFY_OK(peers.load());
    QCOMPARE(hostPorts(peers.all()), list({ "one.example:1", "two.example:2" }));
    QCOMPARE(peers.warnings().size(), 1);
    const QString warning = peers.warnings().constFirst();
    QVERIFY2(warning.startsWith(str("line 3: ")) && warning.contains(reason), qPrintable(warning));
}

void TestKnownPeers::firstOfDuplicateLinesCounts()
{
    writeFile(path(), { line("one.example:1", "first"), line("ONE.example:1", "second") });
    KnownPeers peers(path());
    VERIFY_OK(peers.load());
    QCOMPARE(peers.all().size(), 1);
    QCOMPARE(peers.all().constFirst().sha256, digest("first"));
    QCOMPARE(peers.warnings(),
        list({ "line 2: one.example:1 is already listed on line 1, which is the one used." }));
}

void TestKnownPeers::commentsAndCorruptedLinesSurviveSave()
{
    const QStringList original { str("# my peers"), QString(), str("garbage I will fix later"),
        line("one.example:1", "1", " old note") };
    writeFile(path(), original);
    KnownPeers peers(path());
    VERIFY_OK(peers.remember(peer("two.example:2", "2")));
    QCOMPARE(peers.warnings().size(), 1);

    QFile file(path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    QCOMPARE(lines.mid(0, original.size()), original);
    QCOMPARE(lines.at(original.size()), line("two.example:2", "2"));
}

void TestKnownPeers::rememberReplaces()
{
    KnownPeers peers(path());
    VERIFY_OK(peers.remember(peer("one.example:1", "old")));
    VERIFY_OK(peers.remember(peer("two.example:2", "2")));
    VERIFY_OK(peers.remember(peer("One.Example:1", "new")));

    QCOMPARE(hostPorts(peers.all()), list({ "one.example:1", "two.example:2" }));
    QCOMPARE(peers.find(str("one.example:1"))->sha256, digest("new"));
    const QStringList lines = readFile(path()).filter(str("one.example:1"));
    QCOMPARE(lines, QStringList { line("one.example:1", "new") });
}

void TestKnownPeers::rememberWithoutTimeUsesNow()
{
    const QDateTime before = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    KnownPeers peers(path());
    VERIFY_OK(peers.remember(KnownPeer { str("one.example:1"), digest("1"), QDateTime(), QString() }));
    const QDateTime firstSeen = peers.find(str("one.example:1"))->firstSeen;
    QVERIFY2(firstSeen >= before && firstSeen <= QDateTime::currentDateTimeUtc(),
        qPrintable(firstSeen.toString(Qt::ISODate)));
}

void TestKnownPeers::noteLineBreaksBecomeSpaces()
{
    KnownPeers peers(path());
    VERIFY_OK(peers.remember(peer("one.example:1", "1", "first\nsecond\r\tthird\n")));
    KnownPeers reader(path());
    VERIFY_OK(reader.load());
    QVERIFY(reader.warnings().isEmpty());
    QCOMPARE(reader.find(str("one.example:1"))->note, str("first second  third"));
}

void TestKnownPeers::rememberRejectsWrongDigestSize()
{
    KnownPeers peers(path());
    const Status saved = peers.remember(KnownPeer {
        str("one.example:1"), QCryptographicHash::hash("x", QCryptographicHash::Sha1), at(1), QString() });
    QVERIFY(!saved.ok());
    QVERIFY2(saved.error().contains(str("32 bytes")), qPrintable(saved.error()));
    QVERIFY(!QFile::exists(path()));
}

void TestKnownPeers::rememberCreatesFolder()
{
    const QString nested = m_dir->filePath(str("config/securechat/known_peers"));
    KnownPeers peers(nested);
    VERIFY_OK(peers.remember(peer("one.example:1", "1")));
    QCOMPARE(onDisk(nested), list({ "one.example:1" }));
}

void TestKnownPeers::forgetRemovesOnlyThatPeer()
{
    KnownPeers peers(path());
    VERIFY_OK(peers.remember(peer("one.example:1", "1")));
    VERIFY_OK(peers.remember(peer("two.example:2", "2")));
    VERIFY_OK(peers.forget(str("one.example:1")));

    QVERIFY(!peers.find(str("one.example:1")));
    QCOMPARE(onDisk(path()), list({ "two.example:2" }));
}

void TestKnownPeers::forgetUnknownFails()
{
    KnownPeers peers(path());
    VERIFY_OK(peers.remember(peer("one.example:1", "1")));
    const Status forgotten = peers.forget(str("two.example:2"));
    QVERIFY(!forgotten.ok());
    QCOMPARE(forgotten.error(), str("two.example:2 is not a known peer."));
    QCOMPARE(peers.all().size(), 1);
}

void TestKnownPeers::findNormalizes()
{
    KnownPeers peers(path());
    VERIFY_OK(peers.remember(peer("[0:0:0:0:0:0:0:1]:4433", "1")));
    VERIFY_OK(peers.remember(peer("Chat.Example:1", "2")));
    QVERIFY(peers.find(str("[::1]:4433")));
    QVERIFY(peers.find(str("CHAT.example:1")));
    QVERIFY(!peers.find(str("chat.example:2")));
}

void TestKnownPeers::normalizeHostPort_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: refused
    QTest::newRow("IPv4") << str("127.0.0.1:4433") << str("127.0.0.1:4433");
    QTest::newRow("IPv4 with leading zeros") << str("127.000.0.1:4433") << str("127.0.0.1:4433");
    QTest::newRow("IPv6 loopback") << str("[::1]:4433") << str("[::1]:4433");
    QTest::newRow("IPv6 long form") << str("[0:0:0:0:0:0:0:1]:4433") << str("[::1]:4433");
    QTest::newRow("IPv6 upper case") << str("[FE80::A]:1") << str("[fe80::a]:1");
    QTest::newRow("host name case") << str("LocalHost:4433") << str("localhost:4433");
    QTest::newRow("international name") << str("Bücher.example:443") << str("xn--bcher-kva.example:443");
    QTest::newRow("highest port") << str("a.example:65535") << str("a.example:65535");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("no port") << str("localhost") << QString();
    QTest::newRow("empty host") << str(":4433") << QString();
    QTest::newRow("port 0") << str("localhost:0") << QString();
    QTest::newRow("port too high") << str("localhost:65536") << QString();
    QTest::newRow("port not a number") << str("localhost:https") << QString();
    QTest::newRow("signed port") << str("localhost:+1") << QString();
    QTest::newRow("IPv6 without brackets") << str("::1:4433") << QString();
    QTest::newRow("unclosed bracket") << str("[::1:4433") << QString();
    QTest::newRow("name in brackets") << str("[localhost]:4433") << QString();
    QTest::newRow("space in name") << str("bad host:4433") << QString();
}

void TestKnownPeers::normalizeHostPort()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const Result<QString> normalized = KnownPeers::normalizeHostPort(input);
    QVERIFY2(normalized.ok() == !expected.isEmpty(),
        qPrintable(normalized.ok() ? normalized.value() : normalized.error()));
    QCOMPARE(normalized.ok() ? normalized.value() : QString(), expected);
    QCOMPARE(normalized.error().isEmpty(), normalized.ok());
}

void TestKnownPeers::joinHostPort_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<quint16>("port");
    QTest::addColumn<QString>("expected");
    QTest::newRow("IPv6 bare") << str("::1") << quint16(4433) << str("[::1]:4433");
    QTest::newRow("IPv6 bracketed") << str("[::1]") << quint16(4433) << str("[::1]:4433");
    QTest::newRow("name") << str("Example.COM") << quint16(1) << str("example.com:1");
    QTest::newRow("port 0") << str("example.com") << quint16(0) << QString();
}

void TestKnownPeers::joinHostPort()
{
    QFETCH(QString, host);
    QFETCH(quint16, port);
    QFETCH(QString, expected);
    const Result<QString> joined = KnownPeers::joinHostPort(host, port);
    QCOMPARE(joined.ok() ? joined.value() : QString(), expected);
    QCOMPARE(joined.error().isEmpty(), joined.ok());
}

void TestKnownPeers::twoObjectsKeepEachOthersEntries()
{
    KnownPeers first(path());
    KnownPeers second(path());
    VERIFY_OK(first.remember(peer("one.example:1", "1")));
    VERIFY_OK(second.remember(peer("two.example:2", "2")));
    VERIFY_OK(first.remember(peer("three.example:3", "3")));
    VERIFY_OK(second.remember(peer("four.example:4", "4")));

    const QStringList all { str("one.example:1"), str("two.example:2"), str("three.example:3"),
        str("four.example:4") };
    QCOMPARE(hostPorts(second.all()), all);
    QCOMPARE(onDisk(path()), all);
}

void TestKnownPeers::forgetIsNotUndoneByAnotherObject()
{
    KnownPeers first(path());
    KnownPeers second(path());
    VERIFY_OK(first.remember(peer("one.example:1", "1")));
    VERIFY_OK(second.load());
    VERIFY_OK(second.forget(str("one.example:1")));
    VERIFY_OK(first.remember(peer("two.example:2", "2")));

    QCOMPARE(onDisk(path()), list({ "two.example:2" }));
}

void TestKnownPeers::concurrentProcessesKeepAllEntries()
{
    constexpr int writers = 4;
    constexpr int peersPerWriter = 25;
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int writer = 0; writer < writers; ++writer) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process->start(QCoreApplication::applicationFilePath(),
            { str("--add-peers"), path(), QString::number(writer), QString::number(peersPerWriter) });
        processes.push_back(std::move(process));
    }
    for (const auto& process : processes) {
        QVERIFY2(process->waitForFinished(120'000), qPrintable(process->errorString()));
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 0);
    }

    KnownPeers reader(path());
    VERIFY_OK(reader.load());
    QVERIFY(reader.warnings().isEmpty());
    QCOMPARE(reader.all().size(), writers * peersPerWriter);
    QVERIFY(!QFile::exists(path() + str(".lock")));
}

// Not QTEST_GUILESS_MAIN: the concurrency test starts this binary again as a writer process.
int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() == 5 && arguments.at(1) == str("--add-peers"))
        return addPeers(arguments.at(2), arguments.at(3), arguments.at(4).toInt());
    TestKnownPeers test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_knownpeers.moc"
