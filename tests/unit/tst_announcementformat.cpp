// SPDX-License-Identifier: MIT
#include "discovery/announcementformat.h"

#include <QTest>

namespace Format = securechat::AnnouncementFormat;

namespace {
const QString Hex = QStringLiteral("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF");
const QString Announced = u"SHA256:"_qs + Hex;
} // namespace

class TestAnnouncementFormat final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void encodesNickProtocolAndFingerprint();
    void refusesWhatCannotBeAnnounced_data();
    void refusesWhatCannotBeAnnounced();
    void decodesWhatItEncodes();
    void decodesWhateverIsAnnounced_data();
    void decodesWhateverIsAnnounced();
    void namesTheServiceWithinSixtyThreeBytes_data();
    void namesTheServiceWithinSixtyThreeBytes();
};

void TestAnnouncementFormat::encodesNickProtocolAndFingerprint()
{
    const Format::EncodedTxt txt = Format::encodeTxt({ u"Zoë"_qs, u"1"_qs, Hex.toLower() });
    QVERIFY2(txt.ok(), qPrintable(txt.error));
    const QList<QByteArray> expected { "nick=Zo\xc3\xab", "proto=1", "fp=SHA256:" + Hex.toLatin1() };
    QCOMPARE(txt.items, expected);
}

void TestAnnouncementFormat::refusesWhatCannotBeAnnounced_data()
{
    QTest::addColumn<QString>("nickname");
    QTest::addColumn<QString>("fingerprint");
    QTest::addColumn<QString>("error");
    QTest::newRow("no fingerprint") << u"alice"_qs << QString()
                                    << u"The certificate fingerprint \"\" is not a SHA-256 fingerprint."_qs;
    QTest::newRow("a SHA-1 fingerprint")
        << u"alice"_qs << u"SHA1:0123456789abcdef0123456789abcdef01234567"_qs
        << u"The certificate fingerprint \"SHA1:0123456789abcdef0123456789abcdef01234567\" is not a SHA-256 "
           "fingerprint."_qs;
    QTest::newRow("a nickname over 250 bytes")
        << QString(251, u'a') << Announced
        << u"The nickname or protocol version is too long to announce (at most 250 bytes)."_qs;
}

void TestAnnouncementFormat::refusesWhatCannotBeAnnounced()
{
    QFETCH(QString, nickname);
    QFETCH(QString, fingerprint);
    QFETCH(QString, error);
    const Format::EncodedTxt txt = Format::encodeTxt({ nickname, u"1"_qs, fingerprint });
    QVERIFY(!txt.ok());
    QCOMPARE(txt.error, error);
    QVERIFY(txt.items.isEmpty());
}

void TestAnnouncementFormat::decodesWhatItEncodes()
{
    const Format::TxtFields fields { u"Zoë on the ☕ machine"_qs, u"2.1"_qs, Announced };
    const Format::TxtFields decoded = Format::decodeTxt(Format::encodeTxt(fields).items);
    QCOMPARE(decoded.nickname, fields.nickname);
    QCOMPARE(decoded.protocolVersion, fields.protocolVersion);
    QCOMPARE(decoded.fingerprint, fields.fingerprint);
}

void TestAnnouncementFormat::decodesWhateverIsAnnounced_data()
{
    QTest::addColumn<QList<QByteArray>>("items");
    QTest::addColumn<QString>("nickname");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("fingerprint");
    const QByteArray fp = "fp=" + Announced.toLatin1();
    QTest::newRow("well formed") << QList<QByteArray> { "nick=bob", "proto=1", fp } << u"bob"_qs << u"1"_qs
                                 << Announced;
    QTest::newRow("any order, keys in any case")
        << QList<QByteArray> { "FP=" + Announced.toLatin1(), "Proto=1", "NICK=bob" } << u"bob"_qs << u"1"_qs
        << Announced;
    QTest::newRow("fingerprint in lower case with colons") << QList<QByteArray> { "nick=bob",
        "fp=sha256:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:"
        "89:ab:cd:ef:01:23:45:67:89:ab:cd:ef" } << u"bob"_qs
                                                           << QString() << Announced;
    QTest::newRow("first occurrence wins")
        << QList<QByteArray> { "nick=bob", "nick=mallory", fp, "fp=SHA256:" + QByteArray(64, 'F') }
        << u"bob"_qs << QString() << Announced;
    QTest::newRow("no fingerprint") << QList<QByteArray> { "nick=bob", "proto=1" } << u"bob"_qs << u"1"_qs
                                    << QString();
    QTest::newRow("fingerprint not hex")
        << QList<QByteArray> { "nick=bob", "fp=SHA256:nothex" } << u"bob"_qs << QString() << QString();
    QTest::newRow("fingerprint empty") << QList<QByteArray> { "fp=" } << QString() << QString() << QString();
    QTest::newRow("boolean attributes and empty items")
        << QList<QByteArray> { "fp", "", "=value", "nick=bob" } << u"bob"_qs << QString() << QString();
    QTest::newRow("nothing") << QList<QByteArray> {} << QString() << QString() << QString();
    QTest::newRow("invalid UTF-8 and control bytes")
        << QList<QByteArray> { QByteArray("nick=\xff\xfe\x01", 8), QByteArray("proto=\0", 7) }
        << QString::fromUtf8(QByteArray("\xff\xfe\x01", 3)) << QString(QChar(u'\0')) << QString();
}

void TestAnnouncementFormat::decodesWhateverIsAnnounced()
{
    QFETCH(QList<QByteArray>, items);
    QFETCH(QString, nickname);
    QFETCH(QString, protocol);
    QFETCH(QString, fingerprint);
    const Format::TxtFields fields = Format::decodeTxt(items);
    QCOMPARE(fields.nickname, nickname);
    QCOMPARE(fields.protocolVersion, protocol);
    QCOMPARE(fields.fingerprint, fingerprint);
}

void TestAnnouncementFormat::namesTheServiceWithinSixtyThreeBytes_data()
{
    QTest::addColumn<QString>("nickname");
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("short") << u"alice"_qs << u"laptop"_qs << u"alice on laptop"_qs;
    QTest::newRow("cut at 63 bytes") << QString(60, u'a') << u"laptop"_qs << QString(60, u'a') + u" on"_qs;
    // "é" is 2 bytes: 31 of them are 62 bytes, and a 32nd would not fit.
    QTest::newRow("never inside a character") << QString(40, u'é') << u"laptop"_qs << QString(31, u'é');
    // "😀" is a surrogate pair in UTF-16 and 4 bytes in UTF-8: "ab" and 15 of them are 62 bytes.
    QTest::newRow("never inside a surrogate pair")
        << u"ab"_qs + u"😀"_qs.repeated(16) << u"laptop"_qs << u"ab"_qs + u"😀"_qs.repeated(15);
}

void TestAnnouncementFormat::namesTheServiceWithinSixtyThreeBytes()
{
    QFETCH(QString, nickname);
    QFETCH(QString, hostName);
    QFETCH(QString, expected);
    const QString name = Format::serviceName(nickname, hostName);
    QCOMPARE(name, expected);
    QVERIFY(name.toUtf8().size() <= 63);
}

QTEST_GUILESS_MAIN(TestAnnouncementFormat)
#include "tst_announcementformat.moc"
