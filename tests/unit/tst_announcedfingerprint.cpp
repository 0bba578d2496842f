// SPDX-License-Identifier: MIT
#include "discovery/announcedfingerprint.h"

#include <QTest>

using securechat::AnnouncedFingerprint;
using Verdict = AnnouncedFingerprint::Verdict;

Q_DECLARE_METATYPE(AnnouncedFingerprint::Verdict)

namespace {
const QString Hex = QStringLiteral("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF");
const QString OtherHex = QStringLiteral("FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210FEDCBA9876543210");

QString withColons(const QString& hex)
{
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs << hex.mid(i, 2);
    return pairs.join(u':');
}
} // namespace

class TestAnnouncedFingerprint final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void normalisesTheUsualSpellings_data();
    void normalisesTheUsualSpellings();
    void comparesAnnouncedWithPresented_data();
    void comparesAnnouncedWithPresented();
    void warnsPlainlyWhenTheyDiffer();
    void connectionIsWarnedOnceAndOnlyAboutADifference_data();
    void connectionIsWarnedOnceAndOnlyAboutADifference();
};

void TestAnnouncedFingerprint::normalisesTheUsualSpellings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("announced form") << u"SHA256:"_qs + Hex << Hex;
    QTest::newRow("bare upper-case hex") << Hex << Hex;
    QTest::newRow("lower case") << Hex.toLower() << Hex;
    QTest::newRow("prefix in lower case") << u"sha256:"_qs + Hex.toLower() << Hex;
    QTest::newRow("colon pairs, as the app shows it") << withColons(Hex) << Hex;
    QTest::newRow("prefix and colon pairs") << u"SHA256:"_qs + withColons(Hex) << Hex;
    QTest::newRow("surrounding and inner spaces")
        << u"  SHA256: "_qs + Hex.left(32) + u' ' + Hex.mid(32) + u" "_qs << Hex;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("one digit short") << Hex.chopped(1) << QString();
    QTest::newRow("one digit long") << Hex + u'0' << QString();
    QTest::newRow("not hex") << Hex.chopped(1) + u'G' << QString();
    QTest::newRow("another algorithm") << u"SHA1:"_qs + Hex.left(40) << QString();
    QTest::newRow("another algorithm's prefix on 64 digits") << u"MD5:"_qs + Hex << QString();
}

void TestAnnouncedFingerprint::normalisesTheUsualSpellings()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(AnnouncedFingerprint::normalise(text), expected);
}

void TestAnnouncedFingerprint::comparesAnnouncedWithPresented_data()
{
    QTest::addColumn<QString>("announced");
    QTest::addColumn<QString>("presented");
    QTest::addColumn<Verdict>("verdict");
    QTest::newRow("same, announced form against the app's form")
        << u"SHA256:"_qs + Hex << u"SHA256:"_qs + withColons(Hex) << Verdict::Matches;
    QTest::newRow("same, differing in case") << Hex.toLower() << Hex << Verdict::Matches;
    QTest::newRow("another certificate") << u"SHA256:"_qs + OtherHex << withColons(Hex) << Verdict::Differs;
    QTest::newRow("one digit changed") << u"SHA256:"_qs + Hex.chopped(1) + u'E' << Hex << Verdict::Differs;
    QTest::newRow("presented unreadable") << u"SHA256:"_qs + Hex << u"garbage"_qs << Verdict::Differs;
    QTest::newRow("nothing announced") << QString() << Hex << Verdict::NotAnnounced;
    QTest::newRow("garbage announced") << u"SHA256:xyz"_qs << Hex << Verdict::NotAnnounced;
}

void TestAnnouncedFingerprint::comparesAnnouncedWithPresented()
{
    QFETCH(QString, announced);
    QFETCH(QString, presented);
    QFETCH(Verdict, verdict);
    const AnnouncedFingerprint::Check check = AnnouncedFingerprint::check(announced, presented);
    QCOMPARE(check.verdict, verdict);
    QCOMPARE(check.message.isEmpty(), verdict == Verdict::Matches);
}

void TestAnnouncedFingerprint::warnsPlainlyWhenTheyDiffer()
{
    const AnnouncedFingerprint::Check check = AnnouncedFingerprint::check(u"SHA256:"_qs + OtherHex, Hex);
    QCOMPARE(check.message,
        u"This host announced a different certificate on the local network than the one it presented: "
        "someone may be impersonating it."_qs);
}

void TestAnnouncedFingerprint::connectionIsWarnedOnceAndOnlyAboutADifference_data()
{
    QTest::addColumn<QString>("announced");
    QTest::addColumn<bool>("warned");
    QTest::newRow("the certificate announced") << u"SHA256:"_qs + Hex << false;
    QTest::newRow("another certificate") << u"SHA256:"_qs + OtherHex << true;
    QTest::newRow("nothing announced") << QString() << false;
}

void TestAnnouncedFingerprint::connectionIsWarnedOnceAndOnlyAboutADifference()
{
    QFETCH(QString, announced);
    QFETCH(bool, warned);
    const QByteArray presented = QByteArray::fromHex(Hex.toLatin1());
    QCOMPARE(AnnouncedFingerprint::takeWarning(announced, presented).isEmpty(), !warned);
    QVERIFY(announced.isEmpty());
    QVERIFY(AnnouncedFingerprint::takeWarning(announced, presented).isEmpty()); // said once
}

QTEST_GUILESS_MAIN(TestAnnouncedFingerprint)
#include "tst_announcedfingerprint.moc"
