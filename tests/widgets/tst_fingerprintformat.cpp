// SPDX-License-Identifier: MIT
#include "fingerprintformat.h"

#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// 32 bytes 00, 01, ..., 1F as openssl prints them.
QString counting(int bytes)
{
    QStringList pairs;
    for (int i = 0; i < bytes; ++i)
        pairs << QStringLiteral("%1").arg(i, 2, 16, QLatin1Char('0')).toUpper();
    return pairs.join(u':');
}

} // namespace

class TestFingerprintFormat final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lines_data();
    void lines();
    void groupedDigest();
};

void TestFingerprintFormat::lines_data()
{
    QTest::addColumn<QString>("fingerprint");
    QTest::addColumn<int>("pairsPerLine");
    QTest::addColumn<QStringList>("expected");
    const QStringList sha256Lines { str("00:01:02:03:04:05:06:07"), str("08:09:0A:0B:0C:0D:0E:0F"),
        str("10:11:12:13:14:15:16:17"), str("18:19:1A:1B:1C:1D:1E:1F") };
    QTest::newRow("SHA-256") << counting(32) << 8 << sha256Lines;
    QTest::newRow("lower case, no colons") << counting(32).remove(u':').toLower() << 8 << sha256Lines;
    QTest::newRow("SHA-1") << counting(20) << 10
                           << QStringList { str("00:01:02:03:04:05:06:07:08:09"),
                                  str("0A:0B:0C:0D:0E:0F:10:11:12:13") };
    QTest::newRow("short last line") << str("AA:BB:CC") << 2 << QStringList { str("AA:BB"), str("CC") };
    QTest::newRow("empty") << QString() << 8 << QStringList();
    QTest::newRow("odd digits") << str("ABC") << 8 << QStringList();
    QTest::newRow("not hex") << str("AB:CD:EG") << 8 << QStringList();
}

void TestFingerprintFormat::lines()
{
    QFETCH(QString, fingerprint);
    QFETCH(int, pairsPerLine);
    QFETCH(QStringList, expected);
    QCOMPARE(FingerprintFormat::lines(fingerprint, pairsPerLine), expected);
    QCOMPARE(FingerprintFormat::grouped(fingerprint, pairsPerLine), expected.join(u'\n'));
}

void TestFingerprintFormat::groupedDigest()
{
    QByteArray digest;
    for (char i = 0; i < 32; ++i)
        digest += i;
    QCOMPARE(FingerprintFormat::grouped(digest), FingerprintFormat::grouped(counting(32)));
    QCOMPARE(FingerprintFormat::grouped(digest).count(u'\n'), 3);
}

QTEST_MAIN(TestFingerprintFormat)
#include "tst_fingerprintformat.moc"
