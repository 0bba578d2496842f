// SPDX-License-Identifier: MIT
#pragma once

#include "history/historystore.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QSettings;
class QThread;

namespace securechat {

/// The desktop app's message history: the one HistoryStore of the process, the global switch
/// (a setting), and the purge in the background.
///
/// Every write is made at once, on this thread. Clearing takes effect at once too (the store's
/// watermark); deleting what was cleared from the file (a million messages take seconds) is the
/// purge, which runs on a thread of its own with a connection of its own, in short steps: a write
/// from the window waits for one step at most. A purge left unfinished by a quit or a crash is
/// resumed when the file is opened again. Reads go on meanwhile: in WAL mode readers never wait
/// for the writer.
class HistoryService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryService)

public:
    static constexpr QLatin1String enabledKey { "history/enabled" }; ///< bool, default true

    explicit HistoryService(QSettings& settings, QObject* parent = nullptr);
    ~HistoryService() override;

    /// Opens the file, and resumes a purge left unfinished; returns the sentence to show when it
    /// was set aside or cannot be used (empty when it simply opened).
    QString open(const QString& path);
    const HistoryStore& store() const { return m_store; }
    bool isAvailable() const { return m_store.isOpen(); }
    /// The global setting: when off, nothing new is stored, not even the outbox.
    bool isEnabled() const;

    void append(const HistoryMessage& message);
    void markAcknowledged(const QString& conversation, const QString& messageId);
    void setHistoryEnabled(const QString& conversation, bool enabled);
    void setTitle(const QString& conversation, const QString& title);
    void moveMessages(const QString& from, const QString& to);

    /// Clears one conversation (or all, with nullopt) at once, then purges in the background;
    /// purged() follows.
    Status clear(const std::optional<QString>& conversation);

Q_SIGNALS:
    /// The purge ended: what was cleared is gone from the file. error: why it stopped instead
    /// (it is resumed when the file is next opened).
    void purged(const QString& error);
    /// A write failed; the sentence says why (shown once per kind of failure by the window).
    void writeFailed(const QString& error);

private:
    void report(const Status& written);
    void startPurge();
    void onPurgeEnded(const QString& error);

    QSettings& m_settings;
    HistoryStore m_store;
    std::unique_ptr<QThread> m_purge;
};

} // namespace securechat
