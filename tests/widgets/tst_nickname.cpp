// SPDX-License-Identifier: MIT
// The person's nickname, asked once: the first start's prompt, the same name prefilled in Host…,
// Connect… and Settings, and one rule with the same visible words in each of them.
#include "connectdialog.h"
#include "hostdialog.h"
#include "modaldriver.h"
#include "nicknameprompt.h"
#include "protocol/nicknamerule.h"
#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QLineEdit* nicknameEdit(const QWidget& dialog)
{
    return dialog.findChild<QLineEdit*>(str("nicknameEdit"));
}

// Host… and Connect…, by the name dialog() knows them by.
void addSessionDialogs()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("Host…") << str("host");
    QTest::newRow("Connect…") << str("connect");
}

// The three places a nickname is typed, by the name dialog() knows them by.
void addEveryDialog()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("Host…") << str("host");
    QTest::newRow("Connect…") << str("connect");
    QTest::newRow("Settings") << str("settings");
}

QLabel* problemLabel(const QWidget& dialog)
{
    return dialog.findChild<QLabel*>(str("nicknameProblem"));
}

} // namespace

class TestNickname final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void promptIsPrefilledWithAValidLoginName();
    void promptStartsEmptyWhenTheLoginNameIsNoNickname();
    void promptSavesTheNameForEveryDialog_data();
    void promptSavesTheNameForEveryDialog();
    void promptIsNotShownOnceANameIsSaved();
    void typedNicknameIsKeptWithTheRuleShown_data();
    void typedNicknameIsKeptWithTheRuleShown();
    void dialogRefusesWithTheRulesWords_data();
    void dialogRefusesWithTheRulesWords();
    void nameChangedInSettingsIsOfferedNextTime_data();
    void nameChangedInSettingsIsOfferedNextTime();

private:
    std::unique_ptr<QDialog> dialog(const QString& which);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QSettings> m_settings;
};

void TestNickname::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_settings = std::make_unique<QSettings>(m_home->filePath(str("settings.ini")), QSettings::IniFormat);
    qunsetenv("LOGNAME");
    qunsetenv("USERNAME");
    qputenv("USER", "carl");
}

void TestNickname::cleanup()
{
    m_settings.reset();
    m_home.reset();
}

std::unique_ptr<QDialog> TestNickname::dialog(const QString& which)
{
    const AppPaths paths(m_home->path());
    std::unique_ptr<QDialog> result;
    if (which == str("host"))
        result = std::make_unique<HostDialog>(paths, *m_settings);
    else if (which == str("connect"))
        result = std::make_unique<ConnectDialog>(paths, *m_settings);
    else
        result = std::make_unique<SettingsDialog>(paths, *m_settings);
    result->show();
    return result;
}

void TestNickname::promptIsPrefilledWithAValidLoginName()
{
    NicknamePrompt prompt(*m_settings);
    prompt.show();
    QCOMPARE(nicknameEdit(prompt)->text(), str("carl"));
    QVERIFY(prompt.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestNickname::promptStartsEmptyWhenTheLoginNameIsNoNickname()
{
    qputenv("USER", "Carl Smith");
    NicknamePrompt prompt(*m_settings);
    prompt.show();
    QCOMPARE(nicknameEdit(prompt)->text(), QString());
    QPushButton* proceed = prompt.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!proceed->isEnabled());
    QTest::keyClicks(nicknameEdit(prompt), str("carl.smith"));
    QVERIFY(proceed->isEnabled());
}

void TestNickname::promptSavesTheNameForEveryDialog_data()
{
    addEveryDialog();
}

void TestNickname::promptSavesTheNameForEveryDialog()
{
    QFETCH(QString, which);
    test::whenModal<NicknamePrompt>([](NicknamePrompt* prompt) {
        nicknameEdit(*prompt)->setText(str("hana"));
        prompt->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    });
    NicknamePrompt::askOnFirstStart(*m_settings, nullptr);

    auto shown = dialog(which);
    QCOMPARE(nicknameEdit(*shown)->text(), str("hana"));
    QVERIFY(!problemLabel(*shown)->isVisible());
}

void TestNickname::promptIsNotShownOnceANameIsSaved()
{
    m_settings->setValue(SettingsDialog::nicknameKey, str("hana"));
    bool prompted = false;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&prompted] {
        if (auto* prompt = qobject_cast<NicknamePrompt*>(QApplication::activeModalWidget())) {
            prompted = true;
            prompt->reject();
        }
    });
    watch.start(10);
    NicknamePrompt::askOnFirstStart(*m_settings, nullptr);
    QTest::qWait(50);
    QVERIFY(!prompted);
}

void TestNickname::typedNicknameIsKeptWithTheRuleShown_data()
{
    addEveryDialog();
}

void TestNickname::typedNicknameIsKeptWithTheRuleShown()
{
    QFETCH(QString, which);
    auto shown = dialog(which);
    QLineEdit* edit = nicknameEdit(*shown);
    edit->clear();
    QTest::keyClicks(edit, str("bob smith<x>*"));
    // Nothing dropped without a word: no validator ate the space, "<", ">" and "*".
    QCOMPARE(edit->text(), str("bob smith<x>*"));
    QVERIFY(problemLabel(*shown)->isVisible());
    QCOMPARE(problemLabel(*shown)->text(), NicknameRule::problem(str("bob smith<x>*")));
    QVERIFY2(problemLabel(*shown)->text().contains(str("without spaces, “<”, “>”, “*”")),
        qPrintable(problemLabel(*shown)->text()));
}

void TestNickname::dialogRefusesWithTheRulesWords_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("typed");
    QTest::newRow("Host…, a name and a heart") << str("host") << str("Carl Smith <3");
    QTest::newRow("Host…, cleared") << str("host") << QString();
    QTest::newRow("Connect…, a name and a heart") << str("connect") << str("Carl Smith <3");
    QTest::newRow("Connect…, cleared") << str("connect") << QString();
}

void TestNickname::dialogRefusesWithTheRulesWords()
{
    QFETCH(QString, which);
    auto shown = dialog(which);
    QFETCH(QString, typed);
    nicknameEdit(*shown)->setText(typed);
    shown->accept();
    QVERIFY(shown->isVisible());
    QCOMPARE(shown->result(), int(QDialog::Rejected));
    // Said once, under the field, and not again in the dialog's error line.
    QVERIFY(problemLabel(*shown)->isVisible());
    QCOMPARE(problemLabel(*shown)->text(), NicknameRule::problem(typed));
    QVERIFY(!shown->findChild<QLabel*>(str("error"))->isVisible());
}

void TestNickname::nameChangedInSettingsIsOfferedNextTime_data()
{
    addSessionDialogs();
}

void TestNickname::nameChangedInSettingsIsOfferedNextTime()
{
    QFETCH(QString, which);
    m_settings->setValue(SettingsDialog::nicknameKey, str("bob"));
    auto typedIn = dialog(which);
    nicknameEdit(*typedIn)->setText(str("bobby")); // for this one session
    if (auto* connecting = qobject_cast<ConnectDialog*>(typedIn.get()))
        connecting->setAnonymous();
    if (auto* hosting = qobject_cast<HostDialog*>(typedIn.get())) {
        hosting->setAddress(QHostAddress::LocalHost);
        hosting->setPort(0);
    }
    typedIn->accept();
    QCOMPARE(typedIn->result(), int(QDialog::Accepted));

    auto settings = dialog(str("settings"));
    nicknameEdit(*settings)->setText(str("robert"));
    settings->accept();
    QCOMPARE(settings->result(), int(QDialog::Accepted));

    QCOMPARE(nicknameEdit(*dialog(which))->text(), str("robert"));
}

QTEST_MAIN(TestNickname)
#include "tst_nickname.moc"
