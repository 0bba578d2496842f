// SPDX-License-Identifier: MIT
#include "history/historyconnection.h"

#include "history/historyfile.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>

namespace securechat {

namespace {

    Q_LOGGING_CATEGORY(lcHistory, "securechat.history")

    using Check = HistorySchema::Check;

    QString newConnectionName()
    {
        static QAtomicInteger<quint64> stores;
        return QStringLiteral("securechat-history-%1").arg(stores.fetchAndAddRelaxed(1));
    }

} // namespace

HistoryConnection::HistoryConnection()
    : m_connectionName(newConnectionName())
{
}

HistoryConnection::~HistoryConnection()
{
    close();
}

HistoryOpenReport HistoryConnection::open(const QString& path)
{
    close();
    m_path = path;
    // Without the driver every file would look unreadable: never set a good history aside for that.
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return disable(
            tr("The message history cannot be kept: Qt's SQLite driver (QSQLITE, in Debian's package "
               "libqt6sql6-sqlite) is not installed. History is off for this session."));
    if (const Status made = HistoryFile::makePrivate(path); !made)
        return disable(
            tr("The message history cannot be kept: %1 History is off for this session.").arg(made.error()));
    const HistorySchema::Inspection found = attemptOpen();
    switch (found.check) {
    case Check::Usable:
        m_open = true;
        return { HistoryOpenReport::Outcome::Opened, {}, {} };
    case Check::Newer:
        return disable(
            tr("The message history at %1 was written by a newer version of SecureChat (format %2; this "
               "version reads format %3 and older). It was left as it is; history is off for this session.")
                .arg(path, QString::number(found.version), QString::number(HistorySchema::CurrentVersion)));
    case Check::Failed:
        return disable(
            tr("The message history at %1 could not be opened (%2). It was left as it is; history is off "
               "for this session.")
                .arg(path, found.reason));
    case Check::Unreadable:
        break;
    }
    return startAfresh(found.reason, QDateTime::currentDateTime());
}

HistorySchema::Inspection HistoryConnection::attemptOpen()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open())
        return HistorySchema::failure(db.lastError());
    HistorySchema::Inspection inspection = HistorySchema::inspect(db);
    if (inspection.check != Check::Usable)
        return inspection; // nothing written: a newer version's file stays byte for byte
    QSqlQuery query(db);
    // journal_mode is kept in the file; synchronous and secure_delete are per connection.
    // secure_delete zeroes what clearing removes; deletes are rare here, so it costs little.
    if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !query.next()
        || query.value(0).toString() != QLatin1String("wal")
        || !query.exec(QStringLiteral("PRAGMA synchronous = NORMAL"))
        || !query.exec(QStringLiteral("PRAGMA secure_delete = ON")))
        return HistorySchema::failure(query.lastError(), inspection.version);
    return HistorySchema::prepare(db, inspection.version);
}

HistoryOpenReport HistoryConnection::startAfresh(const QString& reason, const QDateTime& now)
{
    close();
    const QString aside = HistoryFile::unusedAsideName(m_path, now);
    if (const Status moved = HistoryFile::moveAside(m_path, aside); !moved)
        return disable(
            tr("The message history at %1 could not be read (%2), nor set aside: %3 History is off for this "
               "session.")
                .arg(m_path, reason, moved.error()));
    const QString report
        = tr("The message history at %1 could not be read (%2); it was set aside as %3 and a new "
             "history was started.")
              .arg(m_path, reason, aside);
    const Status made = HistoryFile::makePrivate(m_path);
    const HistorySchema::Inspection fresh
        = made ? attemptOpen() : HistorySchema::Inspection { Check::Unreadable, 0, made.error() };
    if (fresh.check != Check::Usable) {
        HistoryOpenReport disabled = disable(report + QLatin1Char(' ')
            + tr("The new history could not be started either (%1); history is off for this session.")
                  .arg(fresh.reason));
        disabled.setAsidePath = aside;
        return disabled;
    }
    m_open = true;
    return { HistoryOpenReport::Outcome::StartedAfresh, report, aside };
}

HistoryOpenReport HistoryConnection::disable(const QString& message)
{
    close();
    qCWarning(lcHistory).noquote() << message;
    return { HistoryOpenReport::Outcome::Disabled, message, {} };
}

void HistoryConnection::close()
{
    m_open = false;
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    database().close();
    QSqlDatabase::removeDatabase(m_connectionName); // every QSqlDatabase copy is gone by now
}

QSqlDatabase HistoryConnection::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

} // namespace securechat
