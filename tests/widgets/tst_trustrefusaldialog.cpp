// SPDX-License-Identifier: MIT
#include "buttonicons.h"
#include "fingerprintformat.h"
#include "testcerts.h"
#include "trustrefusaldialog.h"

#include <QAbstractButton>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QSslCertificate certificate(const QString& pemName)
{
    return QSslCertificate::fromPath(test::certPath(pemName)).value(0);
}

const QString hostPort = str("localhost:4433");

// selfsigned2 was trusted; selfsigned is presented now.
TrustAssessment changed()
{
    const QSslCertificate server = certificate(str("selfsigned.pem"));
    const KnownPeer known { hostPort, test::sha256Of(str("selfsigned2.pem")), QDateTime::currentDateTimeUtc(),
        {} };
    return TrustEvaluator::evaluate(TrustInput {
        { QSslError(QSslError::SelfSignedCertificate, server) }, { server }, hostPort, std::nullopt, known });
}

TrustAssessment expired()
{
    const QList<QSslCertificate> chain { certificate(str("expired.pem")), certificate(str("ca.pem")) };
    return TrustEvaluator::evaluate(TrustInput { { QSslError(QSslError::CertificateExpired, chain.first()) },
        chain, hostPort, std::nullopt, std::nullopt });
}

QString labelText(const QDialog& dialog, const char* name)
{
    const auto* label = dialog.findChild<QLabel*>(str(name));
    return label ? label->text() : QString();
}

} // namespace

class TestTrustRefusalDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void changedShowsBothFingerprints();
    void changedSaysItMayBeAnAttack();
    void offersNoWayToTrust_data();
    void offersNoWayToTrust();
    void openSettingsClosesAndAsks();
    void refusedListsProblems();
    void escapeCloses();
    void everyButtonHasAnIcon();
};

void TestTrustRefusalDialog::changedShowsBothFingerprints()
{
    const TrustAssessment assessment = changed();
    QCOMPARE(assessment.verdict, TrustVerdict::Changed);
    const TrustRefusalDialog dialog(assessment, hostPort);

    QCOMPARE(labelText(dialog, "expectedFingerprint"),
        FingerprintFormat::grouped(test::sha256Of(str("selfsigned2.pem"))));
    QCOMPARE(labelText(dialog, "presentedFingerprint"),
        FingerprintFormat::grouped(test::sha256Of(str("selfsigned.pem"))));
    QCOMPARE(labelText(dialog, "presentedFingerprint").split(u'\n').size(), 4);
}

void TestTrustRefusalDialog::changedSaysItMayBeAnAttack()
{
    const TrustRefusalDialog dialog(changed(), hostPort);
    const QString heading = labelText(dialog, "heading");
    QVERIFY2(heading.contains(str("localhost:4433 has changed")), qPrintable(heading));
    QVERIFY2(heading.contains(str("attack")), qPrintable(heading));
    QVERIFY(labelText(dialog, "advice").contains(str("Settings → Known peers")));
}

void TestTrustRefusalDialog::offersNoWayToTrust_data()
{
    QTest::addColumn<TrustAssessment>("assessment");
    QTest::newRow("changed") << changed();
    QTest::newRow("expired") << expired();
}

void TestTrustRefusalDialog::offersNoWayToTrust()
{
    QFETCH(TrustAssessment, assessment);
    const TrustRefusalDialog dialog(assessment, hostPort);
    const auto buttons = dialog.findChildren<QAbstractButton*>();
    QVERIFY(!buttons.isEmpty());
    for (const QAbstractButton* button : buttons)
        QVERIFY2(!button->text().contains(str("trust"), Qt::CaseInsensitive), qPrintable(button->text()));
}

void TestTrustRefusalDialog::openSettingsClosesAndAsks()
{
    TrustRefusalDialog dialog(changed(), hostPort);
    QSignalSpy requested(&dialog, &TrustRefusalDialog::openSettingsRequested);
    dialog.open();
    dialog.findChild<QPushButton*>(str("openSettingsButton"))->click();
    QCOMPARE(requested.size(), 1);
    QVERIFY(!dialog.isVisible());
}

void TestTrustRefusalDialog::refusedListsProblems()
{
    const TrustAssessment assessment = expired();
    QCOMPARE(assessment.verdict, TrustVerdict::Refused);
    const TrustRefusalDialog dialog(assessment, hostPort);

    QCOMPARE(dialog.windowTitle(), str("Certificate Refused"));
    const auto problems = dialog.findChildren<QLabel*>(str("problem"));
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first()->text().contains(str("expired")), qPrintable(problems.first()->text()));
    QVERIFY(!dialog.findChild<QLabel*>(str("expectedFingerprint")));
    QVERIFY(!dialog.findChild<QPushButton*>(str("openSettingsButton")));
    QCOMPARE(labelText(dialog, "presentedFingerprint"),
        FingerprintFormat::grouped(test::sha256Of(str("expired.pem"))));
}

void TestTrustRefusalDialog::escapeCloses()
{
    TrustRefusalDialog dialog(changed(), hostPort);
    dialog.open();
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
}

// Where the desktop puts icons on dialog buttons, Open Settings has one beside Close's.
void TestTrustRefusalDialog::everyButtonHasAnIcon()
{
    const test::IconsOnDialogButtons icons;
    const TrustRefusalDialog dialog(changed(), hostPort);
    QCOMPARE(test::buttonsWithoutIcon(dialog), QStringList());
}

QTEST_MAIN(TestTrustRefusalDialog)
#include "tst_trustrefusaldialog.moc"
