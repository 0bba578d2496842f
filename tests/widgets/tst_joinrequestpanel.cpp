// SPDX-License-Identifier: MIT
// The host's lobby prompt: a real ChatHost on 127.0.0.1 that asks about each new participant,
// and real ChatClients that wait in its lobby.
#include "chatmessagemodel.h"
#include "fingerprintformat.h"
#include "guestclient.h"
#include "hostedsession.h"
#include "joinrequestcard.h"
#include "joinrequestpanel.h"
#include "mainwindow.h"
#include "participantmodel.h"
#include "sessionharness.h"
#include "sessiontab.h"
#include "tls/certificatedetails.h"
#include "trust/knownclients.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString labelText(const JoinRequestCard& card, const char* name)
{
    const auto* label = card.findChild<QLabel*>(str(name));
    return label ? label->text() : QString();
}

QString reasonOf(const QSignalSpy& gone)
{
    return gone.first().first().value<Disconnect>().message;
}

} // namespace

class TestJoinRequestPanel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void showsWhoWantsToJoinAndTheirFingerprint();
    void peerWithoutCertificateCanOnlyBeAdmittedOnce();
    void nicknameIsShownAsPlainText();
    void admitOnceLetsThemInWithoutRemembering();
    void alwaysAdmitRemembersTheirCertificate();
    void refuseTurnsThemAway();
    void severalRequestsWaitSideBySide();
    void requestEndedElsewhereDisappears();
    void hostedTabShowsItsLobby();
    void failedAnswerIsReportedInTheChat();

private:
    // Waits until the panel shows `count` cards.
    bool waitForCards(int count) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ChatHost> m_host;
    std::unique_ptr<JoinRequestPanel> m_panel;
};

void TestJoinRequestPanel::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    HostOptions options = test::hostOptions();
    options.admission = Admission::Ask;
    options.knownClientsFile = m_home->filePath(str("known_clients"));
    m_host = test::startHost(std::move(options));
    m_panel = std::make_unique<JoinRequestPanel>(*m_host);
    m_panel->show();
}

void TestJoinRequestPanel::cleanup()
{
    m_panel.reset();
    m_host.reset();
}

bool TestJoinRequestPanel::waitForCards(int count) const
{
    return QTest::qWaitFor([&] { return m_panel->cards().size() == count; }, 10'000);
}

void TestJoinRequestPanel::showsWhoWantsToJoinAndTheirFingerprint()
{
    const auto bob = test::guest(m_host->port(), str("bob"), str("client"));
    QVERIFY(waitForCards(1));
    const JoinRequestCard& card = *m_panel->cards().first();
    QVERIFY(m_panel->isVisible());
    QCOMPARE(labelText(card, "headline"), str("bob wants to join"));
    const QString fingerprint
        = CertificateDetails::fingerprintSha256(test::identity(str("client")).certificate());
    QCOMPARE(labelText(card, "fingerprint"), FingerprintFormat::grouped(fingerprint));
    QVERIFY2(labelText(card, "check").contains(m_host->joinRequests().first().check),
        qPrintable(labelText(card, "check")));
    QVERIFY(card.button(JoinRequestCard::Answer::AlwaysAdmit)->isEnabled());
    QCOMPARE(bob->state(), ChatClient::State::Joining); // held until the host answers
}

void TestJoinRequestPanel::peerWithoutCertificateCanOnlyBeAdmittedOnce()
{
    const auto anonymous = test::guest(m_host->port(), str("anon"));
    QVERIFY(waitForCards(1));
    const JoinRequestCard& card = *m_panel->cards().first();
    QVERIFY(!card.findChild<QLabel*>(str("fingerprint")));
    QVERIFY2(labelText(card, "check").contains(str("no certificate")), qPrintable(labelText(card, "check")));
    QVERIFY(card.button(JoinRequestCard::Answer::AdmitOnce)->isEnabled());
    QVERIFY(!card.button(JoinRequestCard::Answer::AlwaysAdmit)->isEnabled());
}

void TestJoinRequestPanel::nicknameIsShownAsPlainText()
{
    const auto guest = test::guest(m_host->port(), str("&lt;i&gt;bob"), str("client"));
    QVERIFY(waitForCards(1));
    const JoinRequestCard& card = *m_panel->cards().first();
    QCOMPARE(labelText(card, "headline"), str("&lt;i&gt;bob wants to join"));
    for (const QLabel* label : card.findChildren<QLabel*>()) {
        if (!label->text().isEmpty())
            QCOMPARE(label->textFormat(), Qt::PlainText);
    }
}

void TestJoinRequestPanel::admitOnceLetsThemInWithoutRemembering()
{
    const auto bob = test::guest(m_host->port(), str("bob"), str("client"));
    QVERIFY(waitForCards(1));
    QSignalSpy joined(bob.get(), &ChatClient::joined);
    QTest::mouseClick(m_panel->cards().first()->button(JoinRequestCard::Answer::AdmitOnce), Qt::LeftButton);
    QVERIFY(joined.wait(10'000));
    QCOMPARE(m_host->participants().size(), 2);
    QVERIFY(m_panel->cards().isEmpty());
    QVERIFY(!m_panel->isVisible());
    KnownClients known(m_home->filePath(str("known_clients")));
    QVERIFY(known.load());
    QVERIFY(known.all().isEmpty());
}

void TestJoinRequestPanel::alwaysAdmitRemembersTheirCertificate()
{
    const auto bob = test::guest(m_host->port(), str("bob"), str("client"));
    QVERIFY(waitForCards(1));
    QSignalSpy joined(bob.get(), &ChatClient::joined);
    QTest::mouseClick(m_panel->cards().first()->button(JoinRequestCard::Answer::AlwaysAdmit), Qt::LeftButton);
    QVERIFY(joined.wait(10'000));
    KnownClients known(m_home->filePath(str("known_clients")));
    QVERIFY(known.load());
    const auto remembered = known.find(test::sha256Of(str("client.pem")));
    QVERIFY(remembered);
    QCOMPARE(remembered->verdict, KnownClient::Verdict::Admit);
    QCOMPARE(remembered->nick, str("bob"));
}

void TestJoinRequestPanel::refuseTurnsThemAway()
{
    const auto bob = test::guest(m_host->port(), str("bob"), str("client"));
    QVERIFY(waitForCards(1));
    QSignalSpy gone(bob.get(), &ChatClient::disconnected);
    QTest::mouseClick(m_panel->cards().first()->button(JoinRequestCard::Answer::Refuse), Qt::LeftButton);
    QVERIFY(gone.wait(10'000));
    QVERIFY2(reasonOf(gone).contains(str("did not let you in")), qPrintable(reasonOf(gone)));
    QCOMPARE(m_host->participants().size(), 1);
    QVERIFY(m_panel->cards().isEmpty());
}

void TestJoinRequestPanel::severalRequestsWaitSideBySide()
{
    const auto bob = test::guest(m_host->port(), str("bob"), str("client"));
    QVERIFY(waitForCards(1));
    const auto carol = test::guest(m_host->port(), str("carol"), str("other-client"));
    QVERIFY(waitForCards(2));
    QCOMPARE(labelText(*m_panel->cards().at(0), "headline"), str("bob wants to join"));
    QCOMPARE(labelText(*m_panel->cards().at(1), "headline"), str("carol wants to join"));

    QSignalSpy carolJoined(carol.get(), &ChatClient::joined);
    QTest::mouseClick(m_panel->cards().at(1)->button(JoinRequestCard::Answer::AdmitOnce), Qt::LeftButton);
    QVERIFY(carolJoined.wait(10'000));
    QCOMPARE(m_panel->cards().size(), 1);
    QCOMPARE(labelText(*m_panel->cards().first(), "headline"), str("bob wants to join"));
    QCOMPARE(bob->state(), ChatClient::State::Joining);
}

void TestJoinRequestPanel::requestEndedElsewhereDisappears()
{
    auto bob = test::guest(m_host->port(), str("bob"), str("client"));
    QVERIFY(waitForCards(1));
    QSignalSpy ended(m_host.get(), &ChatHost::joinRequestEnded);
    bob.reset(); // bob gives up waiting
    QVERIFY(ended.wait(10'000));
    QVERIFY(m_panel->cards().isEmpty());
    QVERIFY(!m_panel->isVisible());
}

void TestJoinRequestPanel::hostedTabShowsItsLobby()
{
    MainWindow window { AppPaths(m_home->path()) };
    window.show();
    HostOptions options = test::hostOptions();
    options.admission = Admission::Ask;
    const auto tab = window.host(std::move(options));
    QVERIFY2(tab, qPrintable(tab.error()));
    JoinRequestPanel* lobby = tab.value()->joinRequests();
    QVERIFY(lobby);
    QVERIFY(!lobby->isVisible());
    const quint16 port = static_cast<const HostedSession&>(tab.value()->session()).host().port();

    const auto bob = test::guest(port, str("bob"), str("client"));
    QTRY_COMPARE(lobby->cards().size(), 1);
    QVERIFY(lobby->isVisible());
    QCOMPARE(tab.value()->participants().rowCount(), 1); // not a participant before the host answers
}

void TestJoinRequestPanel::failedAnswerIsReportedInTheChat()
{
    MainWindow window { AppPaths(m_home->path()) };
    HostOptions options = test::hostOptions();
    options.admission = Admission::Ask;
    const auto tab = window.host(std::move(options));
    QVERIFY2(tab, qPrintable(tab.error()));
    // A folder where the known clients file should be: "always admit" cannot save.
    QVERIFY(QDir().mkpath(AppPaths(m_home->path()).knownClientsFile()));
    const quint16 port = static_cast<const HostedSession&>(tab.value()->session()).host().port();

    const auto bob = test::guest(port, str("bob"), str("client"));
    JoinRequestPanel* lobby = tab.value()->joinRequests();
    QTRY_COMPARE(lobby->cards().size(), 1);
    QTest::mouseClick(lobby->cards().first()->button(JoinRequestCard::Answer::AlwaysAdmit), Qt::LeftButton);
    ChatMessageModel& chat = tab.value()->messages();
    const auto problems = [&chat] {
        QStringList found;
        for (int row = 0; row < chat.rowCount(); ++row) {
            const QModelIndex index = chat.index(row);
            if (index.data(ChatMessageModel::KindRole).toInt() == int(ChatMessageModel::Kind::Problem))
                found << index.data().toString();
        }
        return found;
    };
    QTRY_VERIFY(problems().join(u'\n').contains(str("known clients")));
}

QTEST_MAIN(TestJoinRequestPanel)
#include "tst_joinrequestpanel.moc"
