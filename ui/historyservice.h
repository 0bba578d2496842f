// SPDX-License-Identifier: MIT
#pragma once

#include "history/historystore.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QSettings;
class QThread;

namespace securechat {

/// The desktop app's message history: the one HistoryStore of the process, the global switch
/// (a setting), and clearing in the background.
///
/// Clearing a million messages takes seconds, so it runs on a thread of its own, with a
/// connection of its own. While it holds the file's write lock, writes from the window are
/// queued here, in order, and written when it is done (a write from the window meanwhile would
/// wait for the lock, freezing the window, and fail after SQLite's 5 s busy wait). Reads go on:
/// in WAL mode readers never wait for the writer.
class HistoryService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryService)

public:
    static constexpr QLatin1String enabledKey { "history/enabled" }; ///< bool, default true

    explicit HistoryService(QSettings& settings, QObject* parent = nullptr);
    ~HistoryService() override;

    /// Opens the file; returns the sentence to show when it was set aside or cannot be used
    /// (empty when it simply opened).
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

    /// Clears one conversation (or all, with nullopt) in the background; cleared() follows.
    void clear(const std::optional<QString>& conversation);
    bool isClearing() const { return m_clearing != nullptr; }

Q_SIGNALS:
    /// conversation: empty when everything was cleared. error: empty on success.
    void cleared(const QString& conversation, const QString& error);
    /// A write failed; the sentence says why (shown once per kind of failure by the window).
    void writeFailed(const QString& error);

private:
    void write(std::function<Status(HistoryStore&)> operation);
    void onCleared(const QString& conversation, const QString& error);

    QSettings& m_settings;
    HistoryStore m_store;
    QThread* m_clearing = nullptr;
    QList<std::function<Status(HistoryStore&)>> m_queued; // writes held while clearing
};

} // namespace securechat
