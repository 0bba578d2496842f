// SPDX-License-Identifier: MIT
// The host's known-clients file: what is written is read back, what cannot be read is reported
// and left out, and the file is readable by its owner only.
#include "trust/knownclients.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

Q_DECLARE_METATYPE(KnownClient::Verdict)

class TestKnownClients final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void rememberedClientsAreReadBack_data();
    void rememberedClientsAreReadBack();
    void rememberingAgainReplacesTheVerdict();
    void forgottenClientIsGone();
    void admittedNickWithAnotherCertificateIsFound_data();
    void admittedNickWithAnotherCertificateIsFound();
    void unreadableLinesAreReportedAndSkipped_data();
    void unreadableLinesAreReportedAndSkipped();
    void fileIsReadableByItsOwnerOnly();
    void missingFileIsAnEmptyList();

private:
    QString m_path;
    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {

QByteArray digest(char fill)
{
    return QByteArray(32, fill);
}

} // namespace

void TestKnownClients::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("sub/known_clients"));
}

void TestKnownClients::rememberedClientsAreReadBack_data()
{
    QTest::addColumn<KnownClient::Verdict>("verdict");
    QTest::newRow("always admitted") << KnownClient::Verdict::Admit;
    QTest::newRow("verified with the safety number") << KnownClient::Verdict::Verified;
    QTest::newRow("blocked") << KnownClient::Verdict::Block;
}

void TestKnownClients::rememberedClientsAreReadBack()
{
    QFETCH(KnownClient::Verdict, verdict);
    KnownClients written(m_path);
    QVERIFY(written.remember({ digest('\x01'), verdict, QStringLiteral("bob") }));
    QVERIFY(written.remember({ digest('\x02'), KnownClient::Verdict::Block, QStringLiteral("mallory") }));

    KnownClients read(m_path);
    QVERIFY(read.load());
    QCOMPARE(read.all().size(), 2);
    QCOMPARE(read.find(digest('\x01'))->nick, QStringLiteral("bob"));
    QCOMPARE(read.find(digest('\x01'))->verdict, verdict);
    QCOMPARE(read.find(digest('\x02'))->verdict, KnownClient::Verdict::Block);
    QVERIFY(!read.find(digest('\x03')));
    QVERIFY(read.warnings().isEmpty());
}

void TestKnownClients::rememberingAgainReplacesTheVerdict()
{
    KnownClients clients(m_path);
    QVERIFY(clients.remember({ digest('\x01'), KnownClient::Verdict::Admit, QStringLiteral("bob") }));
    QVERIFY(clients.remember({ digest('\x01'), KnownClient::Verdict::Block, QStringLiteral("bob") }));
    KnownClients read(m_path);
    QVERIFY(read.load());
    QCOMPARE(read.all().size(), 1);
    QCOMPARE(read.find(digest('\x01'))->verdict, KnownClient::Verdict::Block);
}

void TestKnownClients::admittedNickWithAnotherCertificateIsFound_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QByteArray>("presented");
    QTest::addColumn<bool>("found");
    QTest::newRow("bob with bob's certificate") << QStringLiteral("bob") << digest('\x01') << false;
    QTest::newRow("bob with another certificate") << QStringLiteral("bob") << digest('\x09') << true;
    QTest::newRow("verified carol with another certificate")
        << QStringLiteral("carol") << digest('\x09') << true;
    QTest::newRow("verified carol with hers") << QStringLiteral("carol") << digest('\x03') << false;
    QTest::newRow("a blocked name is not a verified one")
        << QStringLiteral("mallory") << digest('\x09') << false;
    QTest::newRow("a name never admitted") << QStringLiteral("dave") << digest('\x09') << false;
}

void TestKnownClients::admittedNickWithAnotherCertificateIsFound()
{
    QFETCH(QString, nick);
    QFETCH(QByteArray, presented);
    QFETCH(bool, found);
    KnownClients clients(m_path);
    QVERIFY(clients.remember({ digest('\x01'), KnownClient::Verdict::Admit, QStringLiteral("bob") }));
    QVERIFY(clients.remember({ digest('\x02'), KnownClient::Verdict::Block, QStringLiteral("mallory") }));
    QVERIFY(clients.remember({ digest('\x03'), KnownClient::Verdict::Verified, QStringLiteral("carol") }));
    QCOMPARE(clients.admittedUnderNickWithOtherCertificate(nick, presented).has_value(), found);
}

void TestKnownClients::forgottenClientIsGone()
{
    KnownClients clients(m_path);
    QVERIFY(clients.remember({ digest('\x01'), KnownClient::Verdict::Block, QStringLiteral("bob") }));
    QVERIFY(clients.forget(digest('\x01')));
    QVERIFY(!clients.forget(digest('\x01')));
    KnownClients read(m_path);
    QVERIFY(read.load());
    QVERIFY(read.all().isEmpty());
}

void TestKnownClients::unreadableLinesAreReportedAndSkipped_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("short fingerprint") << QByteArrayLiteral("SHA256:AB:CD admit bob");
    QTest::newRow("unknown verdict") << (QByteArrayLiteral("SHA256:") + QByteArray(64, 'a') + " trust bob");
    QTest::newRow("no verdict") << (QByteArrayLiteral("SHA256:") + QByteArray(64, 'a'));
}

void TestKnownClients::unreadableLinesAreReportedAndSkipped()
{
    QFETCH(QByteArray, line);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# a comment\n\n" + line + "\nSHA256:" + QByteArray(64, 'b') + " admit bob\n");
    file.close();

    KnownClients clients(m_path);
    QVERIFY(clients.load());
    QCOMPARE(clients.all().size(), 1);
    QCOMPARE(clients.warnings().size(), 1);
    QVERIFY2(
        clients.warnings().at(0).startsWith(QStringLiteral("line 3:")), qPrintable(clients.warnings().at(0)));
}

void TestKnownClients::fileIsReadableByItsOwnerOnly()
{
    KnownClients clients(m_path);
    QVERIFY(clients.remember({ digest('\x01'), KnownClient::Verdict::Admit, QStringLiteral("bob") }));
    QCOMPARE(QFile::permissions(m_path),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);
}

void TestKnownClients::missingFileIsAnEmptyList()
{
    KnownClients clients(m_path);
    QVERIFY(clients.load());
    QVERIFY(clients.all().isEmpty());
}

QTEST_GUILESS_MAIN(TestKnownClients)
#include "tst_knownclients.moc"
