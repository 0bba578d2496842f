// SPDX-License-Identifier: MIT
#include "historyservice.h"

#include "history/historypurge.h"

#include <QSettings>
#include <QThread>

namespace securechat {

HistoryService::HistoryService(QSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
{
}

HistoryService::~HistoryService()
{
    // The purge stops after its current step (milliseconds) and is resumed at the next start.
    if (m_purge) {
        m_purge->requestInterruption();
        m_purge->wait();
    }
}

QString HistoryService::open(const QString& path)
{
    const QString message = m_store.open(path).message;
    if (m_store.isPurgeOwed())
        startPurge();
    return message;
}

bool HistoryService::isEnabled() const
{
    return m_settings.value(enabledKey, true).toBool();
}

void HistoryService::append(const HistoryMessage& message)
{
    report(m_store.append(message));
}

void HistoryService::markAcknowledged(const QString& conversation, const QString& messageId)
{
    report(m_store.markAcknowledged(conversation, messageId));
}

void HistoryService::setHistoryEnabled(const QString& conversation, bool enabled)
{
    report(m_store.setHistoryEnabled(conversation, enabled));
}

void HistoryService::setTitle(const QString& conversation, const QString& title)
{
    report(m_store.setTitle(conversation, title));
}

void HistoryService::moveMessages(const QString& from, const QString& to)
{
    report(m_store.moveMessages(from, to));
}

void HistoryService::report(const Status& written)
{
    // A closed store writes nothing, on purpose: history is off for this session.
    if (m_store.isOpen() && !written)
        Q_EMIT writeFailed(written.error());
}

Status HistoryService::clear(const std::optional<QString>& conversation)
{
    const Status cleared = conversation ? m_store.clearConversation(*conversation) : m_store.clearAll();
    if (cleared && !m_purge)
        startPurge();
    return cleared;
}

void HistoryService::startPurge()
{
    const QString path = m_store.path();
    // The worker reports through a queued call into this thread; the destructor waits for the
    // worker, so this object outlives the call's posting, and a posted call dies with it.
    m_purge.reset(QThread::create([this, path] {
        QString error;
        {
            HistoryStore store;
            const HistoryOpenReport report = store.open(path);
            const Result<bool> purged = store.isOpen()
                ? HistoryPurge::run(store, [] { return QThread::currentThread()->isInterruptionRequested(); })
                : Result<bool>::failure(report.message);
            if (!purged)
                error = purged.error();
        }
        QMetaObject::invokeMethod(
            this, [this, error] { onPurgeEnded(error); }, Qt::QueuedConnection);
    }));
    m_purge->start();
}

void HistoryService::onPurgeEnded(const QString& error)
{
    m_purge->wait();
    m_purge.reset();
    // A clear made while the purge was finishing: its rows are still there.
    if (error.isEmpty() && m_store.isPurgeOwed()) {
        startPurge();
        return;
    }
    Q_EMIT purged(error);
}

} // namespace securechat
