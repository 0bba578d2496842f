// SPDX-License-Identifier: MIT
// A history file that cannot be read is moved aside under a free name, never over another file.
#include "history/historyfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using securechat::HistoryFile;

namespace {

bool write(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestHistoryFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void asideNameCarriesTheTime()
    {
        const QDateTime when(QDate(2026, 12, 7), QTime(9, 5, 3));
        QCOMPARE(HistoryFile::unusedAsideName(QStringLiteral("/nowhere/history.sqlite"), when),
            QStringLiteral("/nowhere/history.sqlite.corrupt-20261207-090503"));
    }

    void asideNameSkipsTakenNames()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QDateTime when(QDate(2026, 12, 7), QTime(9, 5, 3));
        QVERIFY(write(path + QStringLiteral(".corrupt-20261207-090503"), "first"));
        QVERIFY(write(path + QStringLiteral(".corrupt-20261207-090503-2"), "second"));
        QCOMPARE(
            HistoryFile::unusedAsideName(path, when), path + QStringLiteral(".corrupt-20261207-090503-3"));
    }

    void moveAsideTakesTheLogAlong()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString aside = path + QStringLiteral(".corrupt-x");
        QVERIFY(write(path, "main"));
        QVERIFY(write(path + QStringLiteral("-wal"), "log"));
        QVERIFY(write(path + QStringLiteral("-shm"), "index"));
        QVERIFY(HistoryFile::moveAside(path, aside));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
            QStringList(
                { QStringLiteral("history.sqlite.corrupt-x"), QStringLiteral("history.sqlite.corrupt-x-shm"),
                    QStringLiteral("history.sqlite.corrupt-x-wal") }));
        QCOMPARE(contentsOf(aside + QStringLiteral("-wal")), QByteArray("log"));
    }

    void moveAsideNeverOverwrites()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString aside = path + QStringLiteral(".corrupt-x");
        QVERIFY(write(path, "main"));
        QVERIFY(write(aside, "kept"));
        const securechat::Status moved = HistoryFile::moveAside(path, aside);
        QVERIFY(!moved);
        QVERIFY2(moved.error().startsWith(path + QStringLiteral(" could not be renamed to ") + aside),
            qPrintable(moved.error()));
        QCOMPARE(contentsOf(aside), QByteArray("kept"));
        QCOMPARE(contentsOf(path), QByteArray("main"));
    }

    void makePrivateCreatesAnOwnerOnlyFolder()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("new/data"));
        QVERIFY(HistoryFile::makePrivate(folder + QStringLiteral("/history.sqlite")));
        const auto ownerGroupOther = QFileDevice::Permissions::fromInt(0x7077); // not the "current user" bits
        QCOMPARE(QFile::permissions(folder) & ownerGroupOther,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(QFile(folder + QStringLiteral("/history.sqlite")).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryFile)
#include "tst_historyfile.moc"
