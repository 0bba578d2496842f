// SPDX-License-Identifier: MIT
#include "verification/safetynumber.h"

#include <QTest>

#include <algorithm>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray bytesFrom(int first, int step)
{
    QByteArray bytes;
    for (int i = 0; i < SafetyNumber::Sha256Size; ++i)
        bytes.append(static_cast<char>(first + i * step));
    return bytes;
}

// The known-answer inputs: 00 01 .. 1f for the host, ff fe .. e0 for the participant.
const QByteArray HostDigest = bytesFrom(0x00, 1);
const QByteArray ParticipantDigest = bytesFrom(0xff, -1);

// Computed once from the construction in safetynumber.h, independently of this code, with
//   python3 -c "import hashlib
//   def half(fp):
//       h = b'\0\0' + b'SecureChat safety number' + fp
//       for _ in range(5200): h = hashlib.sha512(h + fp).digest()
//       return ''.join('%05d' % (int.from_bytes(h[i:i+5], 'big') % 100000) for i in range(0, 30, 5))
//   a, b = bytes(range(32)), bytes(range(255, 223, -1))
//   print(''.join(sorted([half(a), half(b)])))"
// The host's half is 718902853693346075495354459648 and the participant's
// 102118799801522114908252139935, so the participant's comes first: the order is by value.
const QString KnownAnswer = str("102118799801522114908252139935718902853693346075495354459648");

SafetyNumber numberFor(const QByteArray& host, const QByteArray& participant)
{
    const std::optional<SafetyNumber> number = SafetyNumber::fromCertificateDigests(host, participant);
    if (!number)
        qFatal("no safety number for digests of %lld and %lld bytes", static_cast<long long>(host.size()),
            static_cast<long long>(participant.size()));
    return *number;
}

QByteArray withBitFlipped(QByteArray bytes, int bit)
{
    bytes[bit / 8] = static_cast<char>(bytes[bit / 8] ^ (1 << (bit % 8)));
    return bytes;
}

} // namespace

class TestSafetyNumber : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesTheKnownAnswer() { QCOMPARE(numberFor(HostDigest, ParticipantDigest).digits(), KnownAnswer); }

    void isTheSameOnBothSides()
    {
        QCOMPARE(numberFor(HostDigest, ParticipantDigest), numberFor(ParticipantDigest, HostDigest));
        const QByteArray other = bytesFrom(0x5a, 7);
        QCOMPARE(numberFor(other, HostDigest).digits(), numberFor(HostDigest, other).digits());
    }

    void hasSixtyDecimalDigits()
    {
        const QString digits = numberFor(bytesFrom(0x80, 3), bytesFrom(0x11, 5)).digits();
        QCOMPARE(digits.size(), SafetyNumber::Digits);
        QVERIFY2(std::all_of(digits.cbegin(), digits.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }),
            qPrintable(digits));
    }

    void changesWhenOneBitOfEitherCertificateChanges_data()
    {
        QTest::addColumn<bool>("hostChanges");
        QTest::addColumn<int>("bit");
        QTest::newRow("host, first bit") << true << 0;
        QTest::newRow("host, a middle bit") << true << 131;
        QTest::newRow("host, last bit") << true << 255;
        QTest::newRow("participant, first bit") << false << 0;
        QTest::newRow("participant, a middle bit") << false << 131;
        QTest::newRow("participant, last bit") << false << 255;
    }

    void changesWhenOneBitOfEitherCertificateChanges()
    {
        QFETCH(bool, hostChanges);
        QFETCH(int, bit);
        const QByteArray host = hostChanges ? withBitFlipped(HostDigest, bit) : HostDigest;
        const QByteArray participant
            = hostChanges ? ParticipantDigest : withBitFlipped(ParticipantDigest, bit);
        QVERIFY(numberFor(host, participant).digits() != KnownAnswer);
    }

    // The brute-force argument in docs/safety-number.md counts on it: one half per certificate.
    void keepsTheHalfOfTheCertificateThatDidNotChange()
    {
        const QString participantHalf = KnownAnswer.left(30);
        const QString changed = numberFor(withBitFlipped(HostDigest, 7), ParticipantDigest).digits();
        QVERIFY2(
            changed.startsWith(participantHalf) || changed.endsWith(participantHalf), qPrintable(changed));
        QVERIFY(!changed.contains(KnownAnswer.right(30)));
    }

    void isGroupedInTwelveGroupsOfFive()
    {
        QCOMPARE(numberFor(HostDigest, ParticipantDigest).grouped(),
            str("10211 87998 01522 11490 82521 39935 71890 28536 93346 07549 53544 59648"));
    }

    void comparesWithATypedNumber_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("matches");
        QTest::newRow("as shown") << str(
            "10211 87998 01522 11490 82521 39935 71890 28536 93346 07549 53544 59648")
                                  << true;
        QTest::newRow("without spaces") << KnownAnswer << true;
        QTest::newRow("on three lines, with tabs")
            << str("\t10211 87998 01522 11490\n82521 39935  71890 28536\r\n93346 07549 53544 59648\n")
            << true;
        QTest::newRow("uneven groups")
            << str("102 1187 99801522114908252139935718902853693346075495354 459648") << true;
        QTest::newRow("one digit wrong")
            << str("10211 87998 01522 11490 82521 39935 71890 28536 93346 07549 53544 59649") << false;
        QTest::newRow("halves swapped") << (KnownAnswer.right(30) + KnownAnswer.left(30)) << false;
        QTest::newRow("a group missing")
            << str("10211 87998 01522 11490 82521 39935 71890 28536 93346 07549 53544") << false;
        QTest::newRow("a digit too many") << (KnownAnswer + u'0') << false;
        QTest::newRow("dashes") << str(
            "10211-87998-01522-11490-82521-39935-71890-28536-93346-07549-53544-59648")
                                << false;
        QTest::newRow("empty") << QString() << false;
    }

    void comparesWithATypedNumber()
    {
        QFETCH(QString, typed);
        QFETCH(bool, matches);
        QCOMPARE(numberFor(HostDigest, ParticipantDigest).matches(typed), matches);
    }

    void needsTwoSha256Digests_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("participant");
        QTest::newRow("participant without a certificate") << HostDigest << QByteArray();
        QTest::newRow("host without a certificate") << QByteArray() << ParticipantDigest;
        QTest::newRow("31 bytes") << HostDigest.left(31) << ParticipantDigest;
        QTest::newRow("33 bytes") << HostDigest << (ParticipantDigest + '\0');
        QTest::newRow("a SHA-1 digest") << QByteArray(20, 'x') << ParticipantDigest;
    }

    void needsTwoSha256Digests()
    {
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, participant);
        QVERIFY(!SafetyNumber::fromCertificateDigests(host, participant));
    }
};

QTEST_GUILESS_MAIN(TestSafetyNumber)
#include "tst_safetynumber.moc"
