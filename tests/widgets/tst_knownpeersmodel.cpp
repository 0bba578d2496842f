// SPDX-License-Identifier: MIT
#include "knownpeersmodel.h"
#include "testcerts.h"
#include "tls/certificatedetails.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString fileText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestKnownPeersModel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void rowsShowTheFile_data();
    void rowsShowTheFile();
    void headers();
    void rowOfNormalizes();
    void forgetRemovesRowAndLine();
    void forgetShowsOtherChangesToo();
    void forgetOutOfRangeFails();
    void reloadReadsTheFile();
    void noteIsSanitized();

private:
    KnownPeers filled() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
    const QDateTime m_seen { QDate(2026, 11, 29), QTime(19, 0), Qt::UTC };
};

void TestKnownPeersModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath(str("known_peers"));
    KnownPeers peers(m_file);
    QVERIFY(
        peers.remember({ str("127.0.0.1:4433"), test::sha256Of(str("host.pem")), m_seen, str("office") }));
    QVERIFY(peers.remember({ str("localhost:5000"), test::sha256Of(str("selfsigned.pem")), m_seen, {} }));
    QVERIFY(
        peers.remember({ str("[::1]:4433"), test::sha256Of(str("selfsigned2.pem")), m_seen, str("laptop") }));
}

void TestKnownPeersModel::cleanup()
{
    m_dir.reset();
}

KnownPeers TestKnownPeersModel::filled() const
{
    KnownPeers peers(m_file);
    if (!peers.load())
        qFatal("cannot load the known peers file");
    return peers;
}

void TestKnownPeersModel::rowsShowTheFile_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("hostPort");
    QTest::addColumn<QString>("pemName");
    QTest::addColumn<QString>("note");
    QTest::newRow("IPv4") << 0 << str("127.0.0.1:4433") << str("host.pem") << str("office");
    QTest::newRow("name, no note") << 1 << str("localhost:5000") << str("selfsigned.pem") << QString();
    QTest::newRow("IPv6") << 2 << str("[::1]:4433") << str("selfsigned2.pem") << str("laptop");
}

void TestKnownPeersModel::rowsShowTheFile()
{
    QFETCH(int, row);
    QFETCH(QString, hostPort);
    QFETCH(QString, pemName);
    QFETCH(QString, note);
    KnownPeersModel model(filled());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.index(row, KnownPeersModel::HostPortColumn).data().toString(), hostPort);
    QCOMPARE(model.index(row, KnownPeersModel::FingerprintColumn).data().toString(),
        CertificateDetails::formatFingerprint(test::sha256Of(pemName)));
    QCOMPARE(model.index(row, KnownPeersModel::FirstSeenColumn).data(Qt::EditRole).toDateTime(), m_seen);
    QCOMPARE(model.index(row, KnownPeersModel::NoteColumn).data().toString(), note);
}

void TestKnownPeersModel::headers()
{
    KnownPeersModel model(filled());
    QStringList headers;
    for (int column = 0; column < model.columnCount(); ++column)
        headers << model.headerData(column, Qt::Horizontal).toString();
    QCOMPARE(headers,
        (QStringList { str("Host"), str("SHA-256 fingerprint"), str("First trusted"), str("Note") }));
}

void TestKnownPeersModel::rowOfNormalizes()
{
    KnownPeersModel model(filled());
    QCOMPARE(model.rowOf(str("LocalHost:5000")), 1);
    QCOMPARE(model.rowOf(str("[0:0::1]:4433")), 2);
    QCOMPARE(model.rowOf(str("localhost:4433")), -1);
}

void TestKnownPeersModel::forgetRemovesRowAndLine()
{
    KnownPeersModel model(filled());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QVERIFY(model.forget(1));

    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, KnownPeersModel::HostPortColumn).data().toString(), str("[::1]:4433"));
    const QString text = fileText(m_file);
    QVERIFY2(!text.contains(str("localhost:5000")), qPrintable(text));
    QVERIFY(text.contains(str("127.0.0.1:4433")));
    QVERIFY(text.contains(str("[::1]:4433")));
}

void TestKnownPeersModel::forgetShowsOtherChangesToo()
{
    KnownPeersModel model(filled());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Another window (or the CLI) trusts a new peer meanwhile.
    KnownPeers other(m_file);
    QVERIFY(other.remember({ str("example.org:4433"), test::sha256Of(str("client.pem")), m_seen, {} }));

    QVERIFY(model.forget(0));

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(str("127.0.0.1:4433")), -1);
    QCOMPARE(model.rowOf(str("example.org:4433")), 2);
}

void TestKnownPeersModel::forgetOutOfRangeFails()
{
    KnownPeersModel model(filled());
    QVERIFY(!model.forget(3));
    QVERIFY(!model.forget(-1));
    QCOMPARE(model.rowCount(), 3);
}

void TestKnownPeersModel::reloadReadsTheFile()
{
    KnownPeersModel model(filled());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    KnownPeers other(m_file);
    QVERIFY(other.forget(str("[::1]:4433")));
    QCOMPARE(model.rowCount(), 3);

    QVERIFY(model.reload());

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(str("[::1]:4433")), -1);
}

void TestKnownPeersModel::noteIsSanitized()
{
    // Notes are free text in a hand-editable file.
    QFile file(m_file);
    QVERIFY(file.open(QIODevice::Append));
    file.write(QStringLiteral("10.0.0.1:4433 SHA256:%1 2026-11-29T19:00:00Z evil \u202Etxt.exe\n")
                   .arg(CertificateDetails::formatFingerprint(test::sha256Of(str("host.pem"))))
                   .toUtf8());
    file.close();
    KnownPeersModel model(filled());
    const QString note
        = model.index(model.rowOf(str("10.0.0.1:4433")), KnownPeersModel::NoteColumn).data().toString();
    QCOMPARE(note, str("evil ⟨RLO⟩txt.exe"));
}

QTEST_MAIN(TestKnownPeersModel)
#include "tst_knownpeersmodel.moc"
