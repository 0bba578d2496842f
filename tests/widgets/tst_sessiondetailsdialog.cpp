// SPDX-License-Identifier: MIT
#include "buttonicons.h"
#include "certificatedialog.h"
#include "sessiondetailsdialog.h"
#include "sessionharness.h"
#include "testcerts.h"
#include "tls/identitygenerator.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString field(const QWidget& dialog, const char* name)
{
    return dialog.findChild<QLabel*>(str(name))->text();
}

} // namespace

class TestSessionDetailsDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsARealSession();
    void viewCertificateShowsThePeerChain();
    void alpn_data();
    void alpn();
    void withoutChainThereIsNothingToView();
    void peerNameIsShownLiterally();
    void everyButtonHasAnIcon();

private:
    SessionDetails joinedSession();

    std::unique_ptr<ChatHost> m_host;
    std::unique_ptr<ChatClient> m_client;
};

SessionDetails TestSessionDetailsDialog::joinedSession()
{
    m_host = test::startHost();
    m_client = std::make_unique<ChatClient>(test::clientOptions(*m_host, str("alice")));
    m_client->connectToHost();
    if (!QTest::qWaitFor([this] { return m_client->state() == ChatClient::State::Joined; }, 10'000))
        qFatal("the client did not join");
    return m_client->sessionDetails();
}

void TestSessionDetailsDialog::showsARealSession()
{
    const SessionDetails details = joinedSession();
    const SessionDetailsDialog dialog(details, 3, 12);

    QCOMPARE(field(dialog, "peerValue"), str("localhost"));
    QCOMPARE(field(dialog, "protocolValue"), str("TLS 1.3"));
    QCOMPARE(field(dialog, "cipherValue"), details.cipher);
    QVERIFY(field(dialog, "cipherValue").startsWith(str("TLS_")));
    QCOMPARE(field(dialog, "keyExchangeValue"), details.keyExchange);
    QCOMPARE(field(dialog, "alpnValue"), str("securechat/1"));
    QCOMPARE(field(dialog, "trustValue"), details.trust);
    QVERIFY(!details.trust.isEmpty());
    QVERIFY(field(dialog, "addressValue").endsWith(QString::number(m_host->port())));
    QVERIFY(!field(dialog, "connectedSinceValue").isEmpty());
    QCOMPARE(field(dialog, "sentValue"), str("3"));
    QCOMPARE(field(dialog, "receivedValue"), str("12"));
}

void TestSessionDetailsDialog::viewCertificateShowsThePeerChain()
{
    SessionDetailsDialog dialog(joinedSession(), 0, 0);
    dialog.show();
    dialog.findChild<QPushButton*>(str("viewCertificateButton"))->click();
    auto* certificate = dialog.findChild<CertificateDialog*>();
    QVERIFY(certificate);
    QVERIFY(certificate->isVisible());
    const QString shown = certificate->findChild<QLabel*>(str("sha256Value"))->text().split(u'\n').join(u':');
    QCOMPARE(shown, m_host->fingerprint());
}

void TestSessionDetailsDialog::alpn_data()
{
    QTest::addColumn<QString>("alpn");
    QTest::addColumn<QString>("shown");
    QTest::newRow("structured") << str("securechat/1") << str("securechat/1");
    QTest::newRow("text mode") << QString() << str("none — text mode");
}

void TestSessionDetailsDialog::alpn()
{
    QFETCH(QString, alpn);
    QFETCH(QString, shown);
    SessionDetails details;
    details.alpn = alpn;
    const SessionDetailsDialog dialog(details, 0, 0);
    QCOMPARE(field(dialog, "alpnValue"), shown);
}

void TestSessionDetailsDialog::withoutChainThereIsNothingToView()
{
    const SessionDetailsDialog dialog(SessionDetails {}, 0, 0);
    QVERIFY(!dialog.findChild<QPushButton*>(str("viewCertificateButton"))->isEnabled());
    QCOMPARE(field(dialog, "keyExchangeValue"), str("not reported"));
}

void TestSessionDetailsDialog::peerNameIsShownLiterally()
{
    const Result<Identity> made
        = IdentityGenerator::generate(str("<i>eve</i>\u202E"), { str("localhost") }, {});
    QVERIFY2(made, qPrintable(made.error()));
    SessionDetails details;
    details.peerChain = CertificateDialog::detailsOf(made->chain());
    const SessionDetailsDialog dialog(details, 0, 0);
    const auto* peer = dialog.findChild<QLabel*>(str("peerValue"));
    QCOMPARE(peer->textFormat(), Qt::PlainText);
    QCOMPARE(peer->text(), str("<i>eve</i>⟨RLO⟩"));
}

// Where the desktop puts icons on dialog buttons, View certificate has one beside Close's.
void TestSessionDetailsDialog::everyButtonHasAnIcon()
{
    const test::IconsOnDialogButtons icons;
    const SessionDetailsDialog dialog(joinedSession(), 3, 12);
    QCOMPARE(test::buttonsWithoutIcon(dialog), QStringList());
}

QTEST_MAIN(TestSessionDetailsDialog)
#include "tst_sessiondetailsdialog.moc"
