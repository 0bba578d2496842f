// SPDX-License-Identifier: MIT
#include "buttonicons.h"
#include "certificatedialog.h"
#include "protocol/textsanitizer.h"
#include "sessionharness.h"
#include "testcerts.h"
#include "tls/identitygenerator.h"
#include "trustpromptdialog.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace securechat;

Q_DECLARE_METATYPE(securechat::ChatClient::TrustAnswer)

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QSslCertificate certificate(const QString& pemName)
{
    return QSslCertificate::fromPath(test::certPath(pemName)).value(0);
}

// An assessment as ChatClient would get it for these errors: TrustEvaluator, not hand-written.
TrustAssessment assess(const QList<QSslCertificate>& chain, const QList<QSslError>& errors)
{
    return TrustEvaluator::evaluate(
        TrustInput { errors, chain, str("localhost:4433"), std::nullopt, std::nullopt });
}

struct Case {
    QList<QSslCertificate> chain;
    TrustAssessment assessment;
};

Case selfSigned()
{
    const QSslCertificate server = certificate(str("selfsigned.pem"));
    return { { server }, assess({ server }, { QSslError(QSslError::SelfSignedCertificate, server) }) };
}

Case unknownAuthority()
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(test::certPath(str("host-chain.pem")));
    return { chain, assess(chain, { QSslError(QSslError::SelfSignedCertificateInChain, chain.at(1)) }) };
}

Case nameMismatch()
{
    const QSslCertificate server = certificate(str("wronghost.pem"));
    return { { server }, assess({ server }, { QSslError(QSslError::HostNameMismatch, server) }) };
}

QString fingerprintShown(const TrustPromptDialog& dialog)
{
    return dialog.findChild<QLabel*>(str("fingerprint"))->text();
}

QStringList problemsShown(const TrustPromptDialog& dialog)
{
    QStringList texts;
    const auto labels = dialog.findChildren<QLabel*>(str("problem"));
    for (const QLabel* label : labels)
        texts << label->text();
    return texts;
}

} // namespace

class TestTrustPromptDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsGroupedFingerprint_data();
    void showsGroupedFingerprint();
    void showsProblems_data();
    void showsProblems();
    void showsWhoThePeerClaimsToBe();
    void buttonGivesAnswer_data();
    void buttonGivesAnswer();
    void escapeCancels();
    void enterDoesNotTrust();
    void closingCancels();
    void viewCertificateShowsChain();
    void certificateNamesAreShownLiterally();
    void answersARealClient();
    void everyButtonHasAnIcon();

private:
    void addCases();
};

void TestTrustPromptDialog::addCases()
{
    QTest::addColumn<QList<QSslCertificate>>("chain");
    QTest::addColumn<TrustAssessment>("assessment");
    const auto add = [](const char* name, const Case& c) { QTest::newRow(name) << c.chain << c.assessment; };
    add("self-signed", selfSigned());
    add("unknown authority", unknownAuthority());
    add("name mismatch", nameMismatch());
}

void TestTrustPromptDialog::showsGroupedFingerprint_data()
{
    addCases();
}

void TestTrustPromptDialog::showsGroupedFingerprint()
{
    QFETCH(QList<QSslCertificate>, chain);
    QFETCH(TrustAssessment, assessment);
    QCOMPARE(assessment.verdict, TrustVerdict::Unknown);
    const TrustPromptDialog dialog(assessment, CertificateDialog::detailsOf(chain));

    const QStringList lines = fingerprintShown(dialog).split(u'\n');
    QCOMPARE(lines.size(), 4);
    for (const QString& line : lines)
        QCOMPARE(line.split(u':').size(), 8);
    const QString expected = QString::fromLatin1(
        QCryptographicHash::hash(chain.first().toDer(), QCryptographicHash::Sha256).toHex(':').toUpper());
    QCOMPARE(lines.join(u':'), expected);
}

void TestTrustPromptDialog::showsProblems_data()
{
    addCases();
}

void TestTrustPromptDialog::showsProblems()
{
    QFETCH(QList<QSslCertificate>, chain);
    QFETCH(TrustAssessment, assessment);
    QVERIFY(!assessment.problems.isEmpty());
    const TrustPromptDialog dialog(assessment, CertificateDialog::detailsOf(chain));

    const QStringList shown = problemsShown(dialog);
    QCOMPARE(shown.size(), assessment.problems.size());
    for (qsizetype i = 0; i < shown.size(); ++i)
        QVERIFY2(shown.at(i).endsWith(assessment.problems.at(i)), qPrintable(shown.at(i)));
}

void TestTrustPromptDialog::showsWhoThePeerClaimsToBe()
{
    const Case c = unknownAuthority();
    const TrustPromptDialog dialog(c.assessment, CertificateDialog::detailsOf(c.chain));
    QCOMPARE(dialog.findChild<QLabel*>(str("claimedName"))->text(), str("localhost"));
    QCOMPARE(dialog.findChild<QLabel*>(str("issuer"))->text(), str("CN=SecureChat Test CA,O=SecureChat"));
}

void TestTrustPromptDialog::buttonGivesAnswer_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<ChatClient::TrustAnswer>("answer");
    QTest::addColumn<int>("result");
    QTest::newRow("trust once") << str("trustOnceButton") << ChatClient::TrustAnswer::TrustOnce
                                << int(QDialog::Accepted);
    QTest::newRow("always trust") << str("alwaysTrustButton") << ChatClient::TrustAnswer::AlwaysTrust
                                  << int(QDialog::Accepted);
    QTest::newRow("cancel") << str("cancelButton") << ChatClient::TrustAnswer::Cancel
                            << int(QDialog::Rejected);
}

void TestTrustPromptDialog::buttonGivesAnswer()
{
    QFETCH(QString, button);
    QFETCH(ChatClient::TrustAnswer, answer);
    QFETCH(int, result);
    const Case c = selfSigned();
    TrustPromptDialog dialog(c.assessment, CertificateDialog::detailsOf(c.chain));
    QSignalSpy answered(&dialog, &TrustPromptDialog::answered);
    dialog.open();

    QTest::mouseClick(dialog.findChild<QPushButton*>(button), Qt::LeftButton);

    QCOMPARE(dialog.answer(), answer);
    QCOMPARE(dialog.result(), result);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(answered.size(), 1);
    QCOMPARE(answered.at(0).at(0).value<ChatClient::TrustAnswer>(), answer);
}

void TestTrustPromptDialog::escapeCancels()
{
    const Case c = selfSigned();
    TrustPromptDialog dialog(c.assessment, CertificateDialog::detailsOf(c.chain));
    QSignalSpy answered(&dialog, &TrustPromptDialog::answered);
    dialog.open();
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.answer(), ChatClient::TrustAnswer::Cancel);
    QCOMPARE(answered.size(), 1);
}

void TestTrustPromptDialog::enterDoesNotTrust()
{
    const Case c = selfSigned();
    TrustPromptDialog dialog(c.assessment, CertificateDialog::detailsOf(c.chain));
    dialog.open();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    // Even with a trust button focused, Enter activates only the default button: Cancel.
    auto* alwaysTrust = dialog.findChild<QPushButton*>(str("alwaysTrustButton"));
    alwaysTrust->setFocus();
    QVERIFY(alwaysTrust->hasFocus());
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.answer(), ChatClient::TrustAnswer::Cancel);
}

void TestTrustPromptDialog::closingCancels()
{
    const Case c = selfSigned();
    TrustPromptDialog dialog(c.assessment, CertificateDialog::detailsOf(c.chain));
    QSignalSpy answered(&dialog, &TrustPromptDialog::answered);
    dialog.show();
    QVERIFY(dialog.close());
    QCOMPARE(dialog.answer(), ChatClient::TrustAnswer::Cancel);
    QCOMPARE(answered.size(), 1);
}

void TestTrustPromptDialog::viewCertificateShowsChain()
{
    const Case c = unknownAuthority();
    TrustPromptDialog dialog(c.assessment, CertificateDialog::detailsOf(c.chain));
    dialog.open();
    dialog.findChild<QPushButton*>(str("viewCertificateButton"))->click();
    auto* certificateDialog = dialog.findChild<CertificateDialog*>();
    QVERIFY(certificateDialog);
    QVERIFY(certificateDialog->isVisible());
    QCOMPARE(certificateDialog->currentIndex(), 0);
    // The prompt stays open: looking at the certificate is not an answer.
    QVERIFY(dialog.isVisible());
}

void TestTrustPromptDialog::certificateNamesAreShownLiterally()
{
    const QString name = str("<b>Bank</b> <img src=\"/dev/zero\"> \u202Egnp.exe");
    const Result<Identity> made = IdentityGenerator::generate(name, { str("localhost") }, {});
    QVERIFY2(made, qPrintable(made.error()));
    const QSslCertificate server = made->certificate();
    const TrustAssessment assessment
        = assess({ server }, { QSslError(QSslError::SelfSignedCertificate, server) });
    const TrustPromptDialog dialog(assessment, CertificateDialog::detailsOf({ server }));

    const auto* label = dialog.findChild<QLabel*>(str("claimedName"));
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(label->text(), TextSanitizer::forDisplay(name));
    QVERIFY(label->text().contains(str("<img src=\"/dev/zero\">")));
    QVERIFY(!label->text().contains(QChar(0x202E)));
    const auto labels = dialog.findChildren<QLabel*>();
    for (const QLabel* each : labels) {
        if (each->text().contains(u'<'))
            QCOMPARE(each->textFormat(), Qt::PlainText);
    }
}

void TestTrustPromptDialog::answersARealClient()
{
    auto host = test::startHost(test::hostOptions(str("selfsigned")));
    ClientOptions options = test::clientOptions(*host, str("alice"));
    options.caCertificates = test::caCertificates(); // does not vouch for the self-signed host
    ChatClient client(options);
    std::unique_ptr<TrustPromptDialog> dialog;
    connect(&client, &ChatClient::trustRequired, this, [&](const TrustAssessment& assessment) {
        dialog = std::make_unique<TrustPromptDialog>(assessment, client.sessionDetails().peerChain);
        connect(dialog.get(), &TrustPromptDialog::answered, &client, &ChatClient::answerTrust);
        dialog->open();
    });
    client.connectToHost();
    QTRY_VERIFY(dialog);
    QCOMPARE(fingerprintShown(*dialog).split(u'\n').join(u':'), host->fingerprint());

    dialog->findChild<QPushButton*>(str("trustOnceButton"))->click();
    QTRY_COMPARE(client.state(), ChatClient::State::Joined);
}

// Where the desktop puts icons on dialog buttons, the answers have one beside Cancel's.
void TestTrustPromptDialog::everyButtonHasAnIcon()
{
    const test::IconsOnDialogButtons icons;
    const Case c = selfSigned();
    const TrustPromptDialog dialog(c.assessment, CertificateDialog::detailsOf(c.chain));
    QCOMPARE(test::buttonsWithoutIcon(dialog), QStringList());
}

QTEST_MAIN(TestTrustPromptDialog)
#include "tst_trustpromptdialog.moc"
