// SPDX-License-Identifier: MIT
#include "buttonicons.h"
#include "certificatedialog.h"
#include "modaldriver.h"
#include "protocol/textsanitizer.h"
#include "testcerts.h"
#include "tls/identitygenerator.h"

#include <QClipboard>
#include <QFileDialog>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QList<CertificateDetails> chainOf(const QString& pemName)
{
    return CertificateDialog::detailsOf(QSslCertificate::fromPath(test::certPath(pemName)));
}

QString field(const CertificateDialog& dialog, const char* name)
{
    return dialog.findChild<QLabel*>(str(name))->text();
}

// The fingerprint as shown, one line per group, back in openssl's one-line form.
QString sha256Shown(const CertificateDialog& dialog)
{
    return field(dialog, "sha256Value").split(u'\n').join(u':');
}

QTreeWidget* tree(const CertificateDialog& dialog)
{
    return dialog.findChild<QTreeWidget*>(str("chainTree"));
}

QPushButton* button(const CertificateDialog& dialog, const QString& text)
{
    const auto buttons = dialog.findChildren<QPushButton*>();
    for (QPushButton* each : buttons) {
        if (each->text().remove(u'&') == text)
            return each;
    }
    return nullptr;
}

} // namespace

class TestCertificateDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsFingerprintOfTheFile();
    void fingerprintMatchesOpenssl();
    void chainHasTheCertificateOnTop();
    void selectingTheIssuerSwitchesFields();
    void showsEveryField();
    void validity_data();
    void validity();
    void copyPutsFingerprintOnClipboard();
    void saveWritesPem();
    void showsOwnIdentity();
    void emptyChainOffersNothing();
    void certificateNamesAreShownLiterally();
    void everyButtonHasAnIcon();
};

void TestCertificateDialog::showsFingerprintOfTheFile()
{
    const QList<CertificateDetails> chain = chainOf(str("host-chain.pem"));
    const CertificateDialog dialog(chain);
    QCOMPARE(dialog.currentIndex(), 0);
    QCOMPARE(sha256Shown(dialog), chain.first().sha256Fingerprint);
    QCOMPARE(sha256Shown(dialog), QString::fromLatin1(test::sha256Of(str("host.pem")).toHex(':').toUpper()));
}

void TestCertificateDialog::fingerprintMatchesOpenssl()
{
    QProcess openssl;
    openssl.start(str("openssl"),
        { str("x509"), str("-noout"), str("-fingerprint"), str("-sha256"), str("-in"),
            test::certPath(str("host.pem")) });
    QVERIFY(openssl.waitForFinished(30'000));
    QCOMPARE(openssl.exitCode(), 0);
    // "sha256 Fingerprint=AB:CD:..."
    const QString line = QString::fromLatin1(openssl.readAllStandardOutput()).trimmed();
    const QString expected = line.section(u'=', 1);
    QCOMPARE(expected.size(), 32 * 3 - 1);

    const CertificateDialog dialog(chainOf(str("host-chain.pem")));
    QCOMPARE(sha256Shown(dialog), expected);
}

void TestCertificateDialog::chainHasTheCertificateOnTop()
{
    const CertificateDialog dialog(chainOf(str("host-chain.pem")));
    QTreeWidget* chain = tree(dialog);
    QCOMPARE(chain->topLevelItemCount(), 1);
    QTreeWidgetItem* peer = chain->topLevelItem(0);
    QCOMPARE(peer->text(0), str("localhost"));
    QCOMPARE(peer->childCount(), 1);
    QVERIFY2(
        peer->child(0)->text(0).startsWith(str("SecureChat Test CA")), qPrintable(peer->child(0)->text(0)));
    QCOMPARE(chain->currentItem(), peer);
}

void TestCertificateDialog::selectingTheIssuerSwitchesFields()
{
    const QList<CertificateDetails> chain = chainOf(str("host-chain.pem"));
    const CertificateDialog dialog(chain);
    QCOMPARE(field(dialog, "subjectValue"), str("CN=localhost"));

    QTreeWidget* view = tree(dialog);
    view->setCurrentItem(view->topLevelItem(0)->child(0));

    QCOMPARE(dialog.currentIndex(), 1);
    QCOMPARE(field(dialog, "subjectValue"), str("CN=SecureChat Test CA,O=SecureChat"));
    QCOMPARE(sha256Shown(dialog), chain.at(1).sha256Fingerprint);
    QCOMPARE(field(dialog, "selfSignedValue"), str("Yes: it vouches for itself"));
    QVERIFY(dialog.windowTitle().contains(str("SecureChat Test CA")));
}

void TestCertificateDialog::showsEveryField()
{
    const CertificateDetails host = chainOf(str("host.pem")).first();
    const CertificateDialog dialog({ host });
    QCOMPARE(field(dialog, "issuerValue"), str("CN=SecureChat Test CA,O=SecureChat"));
    QCOMPARE(field(dialog, "serialValue"), host.serialNumber);
    QCOMPARE(field(dialog, "namesValue"), str("DNS:localhost\nIP Address:127.0.0.1\nIP Address:::1"));
    QCOMPARE(field(dialog, "keyValue"), str("EC, 256 bits, curve P-256"));
    QCOMPARE(field(dialog, "signatureValue"), str("ecdsa-with-SHA256"));
    QCOMPARE(field(dialog, "sha1Value").split(u'\n').join(u':'), host.sha1Fingerprint);
    QCOMPARE(field(dialog, "extensionsValue"), host.extensions.join(u'\n'));
    QVERIFY(field(dialog, "extensionsValue").contains(str("CA:FALSE")));
    QCOMPARE(field(dialog, "selfSignedValue"), str("No"));
    QCOMPARE(field(dialog, "validUntilValue"), host.notAfter.toString(str("yyyy-MM-dd HH:mm:ss 'UTC'")));
}

void TestCertificateDialog::validity_data()
{
    QTest::addColumn<QString>("pemName");
    QTest::addColumn<QString>("start");
    QTest::addColumn<bool>("marked");
    QTest::newRow("valid") << str("host.pem") << str("Valid, ") << false;
    QTest::newRow("expired") << str("expired.pem") << str("⚠ Expired ") << true;
}

void TestCertificateDialog::validity()
{
    QFETCH(QString, pemName);
    QFETCH(QString, start);
    QFETCH(bool, marked);
    const CertificateDialog dialog(chainOf(pemName));
    const auto* label = dialog.findChild<QLabel*>(str("validityValue"));
    QVERIFY2(label->text().startsWith(start), qPrintable(label->text()));
    QCOMPARE(label->font().bold(), marked);
}

void TestCertificateDialog::copyPutsFingerprintOnClipboard()
{
    const QList<CertificateDetails> chain = chainOf(str("host-chain.pem"));
    CertificateDialog dialog(chain);
    QGuiApplication::clipboard()->clear();
    dialog.setCurrentIndex(1);
    QTest::mouseClick(button(dialog, str("Copy fingerprint")), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), chain.at(1).sha256Fingerprint);
}

void TestCertificateDialog::saveWritesPem()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(str("saved.pem"));
    CertificateDialog dialog(chainOf(str("host-chain.pem")));
    dialog.show();
    QString suggested;
    test::whenModal<QFileDialog>([&](QFileDialog* files) {
        suggested = files->selectedFiles().value(0);
        test::chooseFile(files, path);
    });

    button(dialog, str("Save as PEM…"))->click();

    QVERIFY2(suggested.endsWith(str("/localhost.pem")), qPrintable(suggested));
    const QList<QSslCertificate> saved = QSslCertificate::fromPath(path);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first(), QSslCertificate::fromPath(test::certPath(str("host.pem"))).first());
}

void TestCertificateDialog::showsOwnIdentity()
{
    const Identity own = test::identity(str("client"));
    const CertificateDialog dialog(CertificateDialog::detailsOf(own.chain()));
    QCOMPARE(sha256Shown(dialog), own.fingerprint());
    QCOMPARE(tree(dialog)->topLevelItem(0)->text(0), str("alice"));
}

void TestCertificateDialog::emptyChainOffersNothing()
{
    const CertificateDialog dialog({});
    QCOMPARE(dialog.currentIndex(), -1);
    QVERIFY(!button(dialog, str("Copy fingerprint"))->isEnabled());
    QVERIFY(!button(dialog, str("Save as PEM…"))->isEnabled());
    QCOMPARE(field(dialog, "sha256Value"), QString());
}

void TestCertificateDialog::certificateNamesAreShownLiterally()
{
    const QString name = str("<a href=\"x\">click</a> \u202Eevil");
    const Result<Identity> made = IdentityGenerator::generate(name, { str("localhost") }, {});
    QVERIFY2(made, qPrintable(made.error()));
    const CertificateDialog dialog(CertificateDialog::detailsOf(made->chain()));

    const auto* subject = dialog.findChild<QLabel*>(str("subjectValue"));
    QCOMPARE(subject->textFormat(), Qt::PlainText);
    // RFC 2253 escapes < > and " with a backslash, as openssl prints them.
    QCOMPARE(subject->text(), str("CN=\\<a href=\\\"x\\\"\\>click\\</a\\> ⟨RLO⟩evil"));
    QCOMPARE(tree(dialog)->topLevelItem(0)->text(0), TextSanitizer::forDisplay(name));
}

// Where the desktop puts icons on dialog buttons, Copy and Save have one beside Close's.
void TestCertificateDialog::everyButtonHasAnIcon()
{
    const test::IconsOnDialogButtons icons;
    const CertificateDialog dialog(chainOf(str("host-chain.pem")));
    QCOMPARE(test::buttonsWithoutIcon(dialog), QStringList());
}

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
