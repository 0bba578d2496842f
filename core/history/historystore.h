// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "history/historyconnection.h"
#include "history/historymessage.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

class QIODevice;

namespace securechat {

/// Keeps conversations' messages in one SQLite file (WAL), searchable with FTS5.
///
/// The file is 0600, like the identity key; it is not encrypted. A file that cannot be read is
/// renamed aside, never overwritten or deleted; one written by a newer version, or locked by
/// another process, is left alone and the store stays disabled (HistoryConnection does this).
/// A disabled store stores nothing and reads nothing.
///
/// Writes commit before they return. synchronous=NORMAL is enough in WAL mode: a commit is
/// written to the -wal file before it returns, so a crash or SIGKILL of the app loses nothing;
/// only a power cut or kernel crash can lose the last commits since a checkpoint, never leaving
/// the file damaged. FULL would fsync on every message for that alone.
///
/// A conversation's history switch (setHistoryEnabled(false)) stops storing its new messages,
/// except outgoing pending ones: they are the outbox, kept until acknowledged so a message
/// the person typed survives a crash even then; acknowledging one removes it. Clearing history
/// (one or all) likewise keeps pending messages: they are not history yet. Exports leave them
/// out; latest(), before() and pending() show them. Clearing takes effect at once (a watermark)
/// and leaves the deleting to the purge, in short steps; see clearConversation().
///
/// One writer process at a time (the app); others (the command line) may read. Reads that fail
/// after a successful open (a disk error, damage inside the file) return empty lists and are
/// logged; writes return the reason.
class HistoryStore final {
    Q_DECLARE_TR_FUNCTIONS(securechat::HistoryStore)

public:
    HistoryStore() = default;
    Q_DISABLE_COPY_MOVE(HistoryStore)

    /// Opens, or creates, the history at path (AppPaths' data folder, or under --config-dir).
    HistoryOpenReport open(const QString& path);
    /// Closes the file (the last connection's close copies the log into it); the store is
    /// disabled until opened again.
    void close();
    bool isOpen() const { return m_connection.isOpen(); }
    const QString& path() const { return m_connection.path(); }

    /// Every conversation known to the store, in the order they were first seen.
    QList<HistoryConversation> conversations() const;
    Status setTitle(const QString& conversation, const QString& title);
    Status setHistoryEnabled(const QString& conversation, bool enabled);
    /// True for a conversation the store has not seen: history is on by default.
    bool isHistoryEnabled(const QString& conversation) const;

    /// Stores message (see the class comment for a conversation whose history is off). A
    /// message id already stored in that conversation is kept once: the first copy stays.
    Status append(const HistoryMessage& message);
    /// The same for many messages, in one transaction.
    Status appendAll(const QList<HistoryMessage>& messages);
    /// Marks a pending message sent (or removes it, if the conversation's history is off).
    Status markAcknowledged(const QString& conversation, const QString& messageId);
    /// Moves every message of conversation `from` into `to` and forgets `from`: what was stored
    /// before a conversation was known (typed while connecting) joins it. A message id that `to`
    /// already has stays once; with `to`'s history off only the pending messages move.
    Status moveMessages(const QString& from, const QString& to);
    /// The conversation's unacknowledged outgoing messages, in the order they were typed.
    QList<HistoryMessage> pending(const QString& conversation) const;

    /// The newest count messages, oldest first.
    QList<HistoryMessage> latest(const QString& conversation, int count) const;
    /// The count messages just older than rowId, oldest first: the page above.
    QList<HistoryMessage> before(const QString& conversation, qint64 rowId, int count) const;
    /// The count messages just newer than rowId, oldest first: the page below.
    QList<HistoryMessage> after(const QString& conversation, qint64 rowId, int count) const;
    /// Messages of every conversation containing text as a phrase (words in that order, case
    /// and accents ignored), newest first. Any text is safe: it is never read as FTS5 syntax.
    QList<HistoryMessage> search(const QString& text, int limit) const;

    /// Clears the conversation's history at once: no read returns its messages stored so far
    /// (but pending ones, which move after them and stay). The rows, their search index entries
    /// and their words leave the file afterwards, through the purge (purgeStep()).
    Status clearConversation(const QString& conversation);
    /// The same for every conversation; the purge then also rewrites the file (VACUUM).
    Status clearAll();

    /// Rows one purge step overwrites or deletes: tens of milliseconds of holding the write lock.
    static constexpr int PurgeStepRows = 1000;
    /// Rows whose words the purge drops before it merges the search index; see mergeIndexStep().
    static constexpr int PurgeRowsBetweenMerges = 50'000;
    /// Whether a clear (perhaps of a process that quit or crashed since) left work to the purge.
    bool isPurgeOwed() const;
    /// One step of the purge, in a short transaction of its own, so that another writer waits for
    /// one step at most: overwrites up to `rows` cleared messages with zeros, or, once all are,
    /// deletes up to `rows` of them, or merges a piece of the search index (every
    /// PurgeRowsBetweenMerges rows, and after the last), or, last, rewrites the file if Clear All
    /// asked for it, copies the log into the file and truncates it. True while work is left.
    Result<bool> purgeStep(int rows = PurgeStepRows);

    Status exportText(const QString& conversation, QIODevice& device) const;
    Status exportJsonLines(const QString& conversation, QIODevice& device) const;

private:
    /// count messages next to rowId, nearest first: older ones (`older`) or newer ones.
    QList<HistoryMessage> nextTo(const QString& conversation, qint64 rowId, int count, bool older) const;
    Status clearMessages(const std::optional<QString>& conversation);
    /// The kinds of purge step; see purgeStep(). Whether rows were overwritten or deleted.
    Result<bool> removeClearedRows(int rows);
    Result<bool> mergeIndexStep(bool start);
    Result<bool> finishPurge(bool rewriteFile);
    Status exportWith(
        const QString& conversation, QIODevice& device, QByteArray (*format)(const HistoryMessage&)) const;

    HistoryConnection m_connection;
};

} // namespace securechat
