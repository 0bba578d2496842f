// SPDX-License-Identifier: MIT
#include "fingerprintformat.h"
#include "knownclientsmodel.h"
#include "knownpeersmodel.h"
#include "modaldriver.h"
#include "settingsdialog.h"
#include "testcerts.h"
#include "tls/certificatedetails.h"
#include "tls/identitygenerator.h"
#include "trust/identitystore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QPushButton* button(const QWidget& parent, const QString& text)
{
    const auto buttons = parent.findChildren<QPushButton*>();
    for (QPushButton* each : buttons) {
        if (each->text().remove(u'&') == text)
            return each;
    }
    qFatal("no button %s", qPrintable(text));
}

QString label(const QWidget& parent, const char* name)
{
    return parent.findChild<QLabel*>(str(name))->text();
}

// Answers the next QMessageBox with the given button.
void answerMessageBox(QMessageBox::StandardButton answer)
{
    test::whenModal<QMessageBox>([answer](QMessageBox* box) { box->button(answer)->click(); });
}

} // namespace

class TestSettingsDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void savesGeneralSettings_data();
    void savesGeneralSettings();
    void showsSavedSettings();
    void cancelSavesNothing();
    void opensWithTheLoginNameBeforeANicknameIsSaved();
    void refusedNicknameCannotBeSaved_data();
    void refusedNicknameCannotBeSaved();
    void savedRefusedNicknameIsShownWithWhatIsWrong();
    void showsStoredIdentity();
    void saysWhenThereIsNoIdentity();
    void subjectIsShownLiterally();
    void regenerateKeepsBackup();
    void regeneratedCertificateIsNamedAfterTheSavedNickname();
    void regenerateCanBeCancelled();
    void importsPkcs12WithPassphrase();
    void importsPemWithSeparateEncryptedKey();
    void forgetsKnownPeerAfterConfirming();
    void forgetCanBeCancelled();
    void showsKnownClients();
    void forgetsKnownClientAfterConfirming_data();
    void forgetsKnownClientAfterConfirming();
    void forgettingAClientKeepsWhatWasDecidedMeanwhile();

private:
    std::unique_ptr<SettingsDialog> dialog();
    QString storedFingerprint() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppPaths> m_paths;
    std::unique_ptr<QSettings> m_settings;
};

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_paths = std::make_unique<AppPaths>(m_dir->path());
    m_settings = std::make_unique<QSettings>(m_paths->settingsFile(), QSettings::IniFormat);
}

void TestSettingsDialog::cleanup()
{
    m_settings.reset();
    m_paths.reset();
    m_dir.reset();
}

std::unique_ptr<SettingsDialog> TestSettingsDialog::dialog()
{
    auto result = std::make_unique<SettingsDialog>(*m_paths, *m_settings);
    result->show();
    return result;
}

QString TestSettingsDialog::storedFingerprint() const
{
    const Result<Identity> identity = IdentityStore(m_paths->identityDirectory()).load();
    return identity ? identity->fingerprint() : QString();
}

void TestSettingsDialog::savesGeneralSettings_data()
{
    QTest::addColumn<QString>("nickname");
    QTest::addColumn<bool>("notifications");
    QTest::newRow("plain") << str("alice") << false;
    QTest::newRow("accented") << str("Zoë") << true;
    QTest::newRow("punctuation") << str("bob_(work)") << false;
}

void TestSettingsDialog::savesGeneralSettings()
{
    QFETCH(QString, nickname);
    QFETCH(bool, notifications);
    auto settings = dialog();
    settings->findChild<QLineEdit*>(str("nicknameEdit"))->setText(nickname);
    settings->findChild<QCheckBox*>(str("notificationsCheck"))->setChecked(notifications);

    settings->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();

    QCOMPARE(settings->result(), int(QDialog::Accepted));
    const QSettings stored(m_paths->settingsFile(), QSettings::IniFormat);
    QCOMPARE(stored.value(SettingsDialog::nicknameKey).toString(), nickname);
    QCOMPARE(stored.value(SettingsDialog::notificationsKey).toBool(), notifications);
}

void TestSettingsDialog::showsSavedSettings()
{
    m_settings->setValue(SettingsDialog::nicknameKey, str("dave"));
    m_settings->setValue(SettingsDialog::notificationsKey, false);
    auto settings = dialog();
    QCOMPARE(settings->findChild<QLineEdit*>(str("nicknameEdit"))->text(), str("dave"));
    QVERIFY(!settings->findChild<QCheckBox*>(str("notificationsCheck"))->isChecked());
}

void TestSettingsDialog::opensWithTheLoginNameBeforeANicknameIsSaved()
{
    qputenv("USER", "carl");
    auto settings = dialog();
    QCOMPARE(settings->findChild<QLineEdit*>(str("nicknameEdit"))->text(), str("carl"));
    QVERIFY(settings->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestSettingsDialog::refusedNicknameCannotBeSaved_data()
{
    QTest::addColumn<QString>("nickname");
    QTest::addColumn<QString>("named"); // what the error names as not allowed
    QTest::newRow("spaces") << str("   ") << str("1 to 32 characters");
    QTest::newRow("name and heart") << str("Carl Smith <3") << str("a space, “<”");
    QTest::newRow("markup") << str("<b>bob</b>") << str("“<”, “>”");
    QTest::newRow("bidi override") << str("carol\u202Egnp.exe") << str("a control character");
}

void TestSettingsDialog::refusedNicknameCannotBeSaved()
{
    QFETCH(QString, nickname);
    QFETCH(QString, named);
    auto settings = dialog();
    QPushButton* ok = settings->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    settings->findChild<QLineEdit*>(str("nicknameEdit"))->setText(nickname);
    QVERIFY(!ok->isEnabled());
    settings->accept(); // as Enter would, were OK enabled
    QVERIFY(!QSettings(m_paths->settingsFile(), QSettings::IniFormat).contains(SettingsDialog::nicknameKey));
    // Kept as typed, to be corrected, with the rule's words under it.
    QCOMPARE(settings->findChild<QLineEdit*>(str("nicknameEdit"))->text(), nickname);
    if (!nickname.trimmed().isEmpty()) {
        QVERIFY(settings->findChild<QLabel*>(str("nicknameProblem"))->isVisible());
        QVERIFY2(label(*settings, "nicknameProblem").contains(named),
            qPrintable(label(*settings, "nicknameProblem")));
    }
    settings->findChild<QLineEdit*>(str("nicknameEdit"))->setText(str("frank"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!settings->findChild<QLabel*>(str("nicknameProblem"))->isVisible());
}

void TestSettingsDialog::savedRefusedNicknameIsShownWithWhatIsWrong()
{
    // Saved by an older version, which let "Carl Smith <3" through.
    m_settings->setValue(SettingsDialog::nicknameKey, str("Carl Smith <3"));
    auto settings = dialog();
    QCOMPARE(settings->findChild<QLineEdit*>(str("nicknameEdit"))->text(), str("Carl Smith <3"));
    QVERIFY(settings->findChild<QLabel*>(str("nicknameProblem"))->isVisible());
    QVERIFY(!settings->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestSettingsDialog::cancelSavesNothing()
{
    auto settings = dialog();
    QVERIFY(settings->findChild<QCheckBox*>(str("notificationsCheck"))->isChecked()); // the default
    settings->findChild<QLineEdit*>(str("nicknameEdit"))->setText(str("erin"));
    settings->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel)->click();
    QVERIFY(!QSettings(m_paths->settingsFile(), QSettings::IniFormat).contains(SettingsDialog::nicknameKey));
}

void TestSettingsDialog::showsStoredIdentity()
{
    const Identity host = test::identity(str("host"));
    QVERIFY(IdentityStore(m_paths->identityDirectory()).save(host));
    auto settings = dialog();
    QCOMPARE(label(*settings, "identitySubject"), str("CN=localhost"));
    QCOMPARE(label(*settings, "identityFingerprint"), FingerprintFormat::grouped(host.fingerprint()));
    QVERIFY(button(*settings, str("View certificate…"))->isEnabled());
}

void TestSettingsDialog::saysWhenThereIsNoIdentity()
{
    auto settings = dialog();
    settings->setCurrentPage(SettingsDialog::Page::Identity);
    QVERIFY(settings->findChild<QLabel*>(str("identityStatus"))->isVisible());
    QVERIFY(label(*settings, "identityStatus").startsWith(str("No usable identity")));
    QVERIFY(!button(*settings, str("View certificate…"))->isEnabled());
    QVERIFY(!button(*settings, str("Export certificate…"))->isEnabled());
}

void TestSettingsDialog::subjectIsShownLiterally()
{
    const Result<Identity> made
        = IdentityGenerator::generate(str("<img src=/dev/zero>"), { str("localhost") }, {});
    QVERIFY2(made, qPrintable(made.error()));
    QVERIFY(IdentityStore(m_paths->identityDirectory()).save(made.value()));
    auto settings = dialog();
    const auto* subject = settings->findChild<QLabel*>(str("identitySubject"));
    QCOMPARE(subject->textFormat(), Qt::PlainText);
    QVERIFY2(subject->text().contains(str("img src=/dev/zero")), qPrintable(subject->text()));
}

void TestSettingsDialog::regenerateKeepsBackup()
{
    QVERIFY(IdentityStore(m_paths->identityDirectory()).save(test::identity(str("host"))));
    const QString before = storedFingerprint();
    auto settings = dialog();
    settings->findChild<QLineEdit*>(str("nicknameEdit"))->setText(str("grace"));
    QSignalSpy changed(settings.get(), &SettingsDialog::identityChanged);

    answerMessageBox(QMessageBox::Yes);
    button(*settings, str("Regenerate…"))->click();

    QCOMPARE(changed.size(), 1);
    const QString after = storedFingerprint();
    QVERIFY(!after.isEmpty());
    QVERIFY(after != before);
    QCOMPARE(label(*settings, "identityFingerprint"), FingerprintFormat::grouped(after));
    QCOMPARE(label(*settings, "identitySubject"), str("CN=grace"));
    const QStringList backups
        = QDir(m_paths->identityDirectory()).entryList({ str("identity-*.pem") }, QDir::Files);
    QCOMPARE(backups.size(), 1);
}

void TestSettingsDialog::regeneratedCertificateIsNamedAfterTheSavedNickname()
{
    QVERIFY(IdentityStore(m_paths->identityDirectory()).save(test::identity(str("host"))));
    m_settings->setValue(SettingsDialog::nicknameKey, str("hana"));
    auto settings = dialog(); // the nickname field untouched

    answerMessageBox(QMessageBox::Yes);
    button(*settings, str("Regenerate…"))->click();

    QCOMPARE(label(*settings, "identitySubject"), str("CN=hana"));
}

void TestSettingsDialog::regenerateCanBeCancelled()
{
    QVERIFY(IdentityStore(m_paths->identityDirectory()).save(test::identity(str("host"))));
    const QString before = storedFingerprint();
    auto settings = dialog();
    QSignalSpy changed(settings.get(), &SettingsDialog::identityChanged);

    answerMessageBox(QMessageBox::Cancel);
    button(*settings, str("Regenerate…"))->click();

    QCOMPARE(changed.size(), 0);
    QCOMPARE(storedFingerprint(), before);
}

void TestSettingsDialog::importsPkcs12WithPassphrase()
{
    auto settings = dialog();
    QSignalSpy changed(settings.get(), &SettingsDialog::identityChanged);
    test::whenModal<QFileDialog>([](QFileDialog* files) {
        test::chooseFile(files, test::certPath(str("host.p12")));
        test::whenModal<QInputDialog>([](QInputDialog* input) {
            QCOMPARE(input->textEchoMode(), QLineEdit::Password);
            input->setTextValue(str("p12 secret"));
            input->accept();
        });
    });

    button(*settings, str("Import…"))->click();

    QCOMPARE(changed.size(), 1);
    QCOMPARE(storedFingerprint(), test::identity(str("host")).fingerprint());
}

void TestSettingsDialog::importsPemWithSeparateEncryptedKey()
{
    QVERIFY(IdentityStore(m_paths->identityDirectory()).save(test::identity(str("selfsigned"))));
    auto settings = dialog();
    QFile passphraseFile(test::certPath(str("passphrase.txt")));
    QVERIFY(passphraseFile.open(QIODevice::ReadOnly));
    const QString passphrase = QString::fromUtf8(passphraseFile.readAll()).trimmed();
    test::whenModal<QFileDialog>([passphrase](QFileDialog* certificateFile) {
        test::chooseFile(certificateFile, test::certPath(str("host.pem")));
        // host.pem holds no key: the key file is asked for next, then its passphrase.
        test::whenModal<QFileDialog>([passphrase, certificateFile](QFileDialog* keyFile) {
            QVERIFY(keyFile != certificateFile);
            test::chooseFile(keyFile, test::certPath(str("host-encrypted.key")));
            test::whenModal<QInputDialog>([passphrase](QInputDialog* input) {
                input->setTextValue(passphrase);
                input->accept();
                answerMessageBox(QMessageBox::Yes); // replace the stored identity
            });
        });
    });

    button(*settings, str("Import…"))->click();

    QCOMPARE(storedFingerprint(), test::identity(str("host")).fingerprint());
}

void TestSettingsDialog::forgetsKnownPeerAfterConfirming()
{
    KnownPeers peers(m_paths->knownPeersFile());
    QVERIFY(peers.remember({ str("127.0.0.1:4433"), test::sha256Of(str("host.pem")), {}, {} }));
    QVERIFY(peers.remember({ str("localhost:5000"), test::sha256Of(str("selfsigned.pem")), {}, {} }));
    auto settings = dialog();
    settings->selectKnownPeer(str("LocalHost:5000"));
    QPushButton* forget = settings->findChild<QPushButton*>(str("forgetButton"));
    QVERIFY(forget->isEnabled());

    answerMessageBox(QMessageBox::Yes);
    forget->click();

    QCOMPARE(settings->findChild<QTableView*>(str("knownPeersView"))->model()->rowCount(), 1);
    QVERIFY(peers.load());
    QVERIFY(!peers.find(str("localhost:5000")));
    QVERIFY(peers.find(str("127.0.0.1:4433")));
}

void TestSettingsDialog::forgetCanBeCancelled()
{
    KnownPeers peers(m_paths->knownPeersFile());
    QVERIFY(peers.remember({ str("127.0.0.1:4433"), test::sha256Of(str("host.pem")), {}, {} }));
    auto settings = dialog();
    settings->selectKnownPeer(str("127.0.0.1:4433"));

    answerMessageBox(QMessageBox::Cancel);
    settings->findChild<QPushButton*>(str("forgetButton"))->click();

    QCOMPARE(settings->findChild<QTableView*>(str("knownPeersView"))->model()->rowCount(), 1);
    QVERIFY(peers.load());
    QVERIFY(peers.find(str("127.0.0.1:4433")));
}

void TestSettingsDialog::showsKnownClients()
{
    KnownClients clients(m_paths->knownClientsFile());
    QVERIFY(clients.remember({ test::sha256Of(str("client.pem")), KnownClient::Verdict::Admit, str("bob") }));
    QVERIFY(clients.remember(
        { test::sha256Of(str("other-client.pem")), KnownClient::Verdict::Block, str("mallory") }));
    auto settings = dialog();
    const QAbstractItemModel* model = settings->findChild<QTableView*>(str("knownClientsView"))->model();
    QCOMPARE(model->rowCount(), 2);
    const auto cell = [model](int row, int column) { return model->index(row, column).data().toString(); };
    QCOMPARE(cell(0, KnownClientsModel::VerdictColumn), str("always admitted"));
    QCOMPARE(cell(0, KnownClientsModel::NickColumn), str("bob"));
    QCOMPARE(cell(0, KnownClientsModel::FingerprintColumn),
        CertificateDetails::formatFingerprint(test::sha256Of(str("client.pem"))));
    QCOMPARE(cell(1, KnownClientsModel::VerdictColumn), str("blocked"));
    QCOMPARE(cell(1, KnownClientsModel::NickColumn), str("mallory"));
}

void TestSettingsDialog::forgetsKnownClientAfterConfirming_data()
{
    QTest::addColumn<KnownClient::Verdict>("verdict");
    QTest::addColumn<QString>("buttonText");
    QTest::newRow("always admitted") << KnownClient::Verdict::Admit << str("Forget…");
    QTest::newRow("blocked") << KnownClient::Verdict::Block << str("Unblock…");
}

void TestSettingsDialog::forgetsKnownClientAfterConfirming()
{
    QFETCH(KnownClient::Verdict, verdict);
    QFETCH(QString, buttonText);
    KnownClients clients(m_paths->knownClientsFile());
    QVERIFY(clients.remember({ test::sha256Of(str("host.pem")), KnownClient::Verdict::Admit, str("carol") }));
    QVERIFY(clients.remember({ test::sha256Of(str("client.pem")), verdict, str("bob") }));
    auto settings = dialog();
    settings->setCurrentPage(SettingsDialog::Page::KnownClients);
    auto* view = settings->findChild<QTableView*>(str("knownClientsView"));
    QPushButton* forget = settings->findChild<QPushButton*>(str("forgetClientButton"));
    QVERIFY(!forget->isEnabled());
    view->selectRow(1);
    QVERIFY(forget->isEnabled());
    QCOMPARE(forget->text().remove(u'&'), buttonText);

    answerMessageBox(QMessageBox::Yes);
    forget->click();

    QCOMPARE(view->model()->rowCount(), 1);
    QVERIFY(clients.load());
    QVERIFY(!clients.find(test::sha256Of(str("client.pem"))));
    QVERIFY(clients.find(test::sha256Of(str("host.pem"))));
}

void TestSettingsDialog::forgettingAClientKeepsWhatWasDecidedMeanwhile()
{
    KnownClients clients(m_paths->knownClientsFile());
    QVERIFY(clients.remember({ test::sha256Of(str("client.pem")), KnownClient::Verdict::Admit, str("bob") }));
    auto settings = dialog();
    // A session hosted while Settings is open blocks someone.
    KnownClients hosting(m_paths->knownClientsFile());
    QVERIFY(hosting.load());
    QVERIFY(hosting.remember(
        { test::sha256Of(str("other-client.pem")), KnownClient::Verdict::Block, str("mallory") }));
    settings->findChild<QTableView*>(str("knownClientsView"))->selectRow(0);

    answerMessageBox(QMessageBox::Yes);
    settings->findChild<QPushButton*>(str("forgetClientButton"))->click();

    QVERIFY(clients.load());
    QVERIFY(!clients.find(test::sha256Of(str("client.pem"))));
    QVERIFY(clients.find(test::sha256Of(str("other-client.pem"))));
    QCOMPARE(settings->findChild<QTableView*>(str("knownClientsView"))->model()->rowCount(), 1);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
