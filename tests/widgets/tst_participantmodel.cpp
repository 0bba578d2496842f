// SPDX-License-Identifier: MIT
#include "fingerprintformat.h"
#include "lineicon.h"
#include "participantmodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QString Fingerprint
    = str("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");

// The host, checked by a CA, not checked, a text-mode peer without a certificate, known to the
// host, not checked.
QList<Participant> everyone()
{
    return {
        { str("host"), Fingerprint, true, true },
        { str("alice"), Fingerprint, true, true },
        { str("bob"), Fingerprint, false, true },
        { str("guest1"), QString(), false, false },
        { str("carol"), Fingerprint, true, true, true },
        { str("dave"), Fingerprint, false, true },
    };
}

// bob's view of everyone() after he chose to always trust the host, or the host's own.
enum class View { Joiner, Host };

void show(ParticipantModel& model, View view)
{
    if (view == View::Joiner)
        model.setParticipants(everyone(), str("bob"), HostTrust::TrustedRemembered);
    else
        model.setParticipants(everyone(), str("host"));
}

bool drawnAs(const QModelIndex& index, const QIcon& icon)
{
    const QImage drawn = index.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).toImage();
    return !drawn.isNull() && drawn == icon.pixmap(16, 16).toImage();
}

} // namespace

Q_DECLARE_METATYPE(View)

class TestParticipantModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void firstLineNamesTheRole_data();
    void firstLineNamesTheRole();
    void secondLineTellsTrust_data();
    void secondLineTellsTrust();
    void onlyTheUncheckedAreOrange_data();
    void onlyTheUncheckedAreOrange();
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
    QTest::addColumn<View>("view");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");
    QTest::newRow("joiner: the host")
        << View::Joiner << 0 << str("trusted by you, remembered · AB:CD:EF:01…");
    QTest::newRow("joiner: checked by a CA")
        << View::Joiner << 1 << str("admitted by the host; certificate checked by a CA · AB:CD:EF:01…");
    QTest::newRow("joiner: yourself") << View::Joiner << 2 << str("your certificate · AB:CD:EF:01…");
    QTest::newRow("joiner: no certificate")
        << View::Joiner << 3 << str("admitted by the host; no certificate");
    QTest::newRow("joiner: known to the host")
        << View::Joiner << 4 << str("admitted by the host; known to the host · AB:CD:EF:01…");
    QTest::newRow("joiner: not checked")
        << View::Joiner << 5 << str("admitted by the host; not checked · AB:CD:EF:01…");
    QTest::newRow("host: yourself") << View::Host << 0 << str("your certificate · AB:CD:EF:01…");
    QTest::newRow("host: checked by a CA")
        << View::Host << 1 << str("certificate checked by a CA · AB:CD:EF:01…");
    QTest::newRow("host: not checked") << View::Host << 2 << str("not checked · AB:CD:EF:01…");
    QTest::newRow("host: no certificate") << View::Host << 3 << str("no certificate");
    QTest::newRow("host: known to you") << View::Host << 4 << str("known to you · AB:CD:EF:01…");
}

void TestParticipantModel::secondLineTellsTrust()
{
    QFETCH(View, view);
    QFETCH(int, row);
    QFETCH(QString, expected);
    ParticipantModel model;
    show(model, view);
    QCOMPARE(model.index(row).data().toString().section(u'\n', 1), expected);
}

void TestParticipantModel::onlyTheUncheckedAreOrange_data()
{
    QTest::addColumn<View>("view");
    QTest::addColumn<int>("row");
    QTest::addColumn<QIcon>("icon");
    const QIcon green(str(":/icons/peer-verified.svg"));
    const QIcon orange(str(":/icons/peer-unverified.svg"));
    QTest::newRow("joiner: the host, trusted by you") << View::Joiner << 0 << green;
    QTest::newRow("joiner: checked by a CA") << View::Joiner << 1 << green;
    QTest::newRow("joiner: yourself, no verdict") << View::Joiner << 2 << LineIcon::icon(str("certificate"));
    QTest::newRow("joiner: text mode") << View::Joiner << 3 << LineIcon::icon(str("peer-textmode"));
    QTest::newRow("joiner: known to the host") << View::Joiner << 4 << green;
    QTest::newRow("joiner: not checked") << View::Joiner << 5 << orange;
    QTest::newRow("host: not checked") << View::Host << 2 << orange;
    QTest::newRow("host: known to you") << View::Host << 4 << green;
}

void TestParticipantModel::onlyTheUncheckedAreOrange()
{
    QFETCH(View, view);
    QFETCH(int, row);
    QFETCH(QIcon, icon);
    ParticipantModel model;
    show(model, view);
    QVERIFY(drawnAs(model.index(row), icon));
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
    for (const QString& line : FingerprintFormat::lines(Fingerprint))
        QVERIFY2(tip.contains(line), qPrintable(tip));
    QVERIFY(!tip.contains(Fingerprint)); // in the grouped form, never as one long hex run
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
