// SPDX-License-Identifier: MIT
#include "participantmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QString Fingerprint
    = str("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");

QList<Participant> everyone()
{
    return {
        { str("host"), Fingerprint, true, true },
        { str("alice"), Fingerprint, true, true },
        { str("bob"), Fingerprint, false, true },
        { str("guest1"), QString(), false, false },
    };
}

} // namespace

class TestParticipantModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void firstLineNamesTheRole_data();
    void firstLineNamesTheRole();
    void secondLineTellsTrust_data();
    void secondLineTellsTrust();
    void nicknameIsSanitized();
    void toolTipKeepsMarkupLiteral();
    void rolesCarryTheParticipant();
};

void TestParticipantModel::passesModelTester()
{
    ParticipantModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setParticipants(everyone(), str("bob"));
    model.setParticipants(everyone().mid(0, 2), str("bob"));
    model.setParticipants({}, QString());
    QCOMPARE(model.rowCount(), 0);
}

void TestParticipantModel::firstLineNamesTheRole_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");
    QTest::newRow("host") << 0 << str("host (host)");
    QTest::newRow("another peer") << 1 << str("alice");
    QTest::newRow("the person") << 2 << str("bob (you)");
}

void TestParticipantModel::firstLineNamesTheRole()
{
    QFETCH(int, row);
    QFETCH(QString, expected);
    ParticipantModel model;
    model.setParticipants(everyone(), str("bob"));
    QCOMPARE(model.index(row).data().toString().section(u'\n', 0, 0), expected);
}

void TestParticipantModel::secondLineTellsTrust_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");
    QTest::newRow("verified") << 1 << str("verified · AB:CD:EF:01…");
    QTest::newRow("not verified") << 2 << str("not verified · AB:CD:EF:01…");
    QTest::newRow("text mode") << 3 << str("text-mode peer");
}

void TestParticipantModel::secondLineTellsTrust()
{
    QFETCH(int, row);
    QFETCH(QString, expected);
    ParticipantModel model;
    model.setParticipants(everyone(), str("bob"));
    QCOMPARE(model.index(row).data().toString().section(u'\n', 1), expected);
}

void TestParticipantModel::nicknameIsSanitized()
{
    ParticipantModel model;
    model.setParticipants({ { str("evil\u202Egnp.exe"), QString(), false, true } }, QString());
    const QString shown = model.index(0).data().toString();
    QVERIFY(!shown.contains(QChar(0x202E)));
    QCOMPARE(shown.count(u'\n'), 1); // still two lines: a nickname cannot add one
}

void TestParticipantModel::toolTipKeepsMarkupLiteral()
{
    ParticipantModel model;
    model.setParticipants({ { str("<b>x</b>"), Fingerprint, false, true } }, QString());
    const QString tip = model.index(0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(str("&lt;b&gt;x&lt;/b&gt;")), qPrintable(tip));
    QVERIFY(!tip.contains(str("<b>x")));
    QVERIFY(tip.contains(Fingerprint));
}

void TestParticipantModel::rolesCarryTheParticipant()
{
    ParticipantModel model;
    model.setParticipants(everyone(), str("bob"));
    const QModelIndex bob = model.index(2);
    QCOMPARE(bob.data(ParticipantModel::NickRole).toString(), str("bob"));
    QCOMPARE(bob.data(ParticipantModel::FingerprintRole).toString(), Fingerprint);
    QCOMPARE(bob.data(ParticipantModel::VerifiedRole).toBool(), false);
    QCOMPARE(bob.data(ParticipantModel::IsSelfRole).toBool(), true);
    QCOMPARE(model.index(3).data(ParticipantModel::StructuredRole).toBool(), false);
}

QTEST_MAIN(TestParticipantModel)
#include "tst_participantmodel.moc"
