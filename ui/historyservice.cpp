// SPDX-License-Identifier: MIT
#include "historyservice.h"

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
    // A clear under way finishes (it is one transaction): the window waits for it as it closes.
    if (m_clearing)
        m_clearing->wait();
}

QString HistoryService::open(const QString& path)
{
    return m_store.open(path).message;
}

bool HistoryService::isEnabled() const
{
    return m_settings.value(enabledKey, true).toBool();
}

void HistoryService::append(const HistoryMessage& message)
{
    write([message](HistoryStore& store) { return store.append(message); });
}

void HistoryService::markAcknowledged(const QString& conversation, const QString& messageId)
{
    write([conversation, messageId](
              HistoryStore& store) { return store.markAcknowledged(conversation, messageId); });
}

void HistoryService::setHistoryEnabled(const QString& conversation, bool enabled)
{
    write([conversation, enabled](
              HistoryStore& store) { return store.setHistoryEnabled(conversation, enabled); });
}

void HistoryService::setTitle(const QString& conversation, const QString& title)
{
    write([conversation, title](HistoryStore& store) { return store.setTitle(conversation, title); });
}

void HistoryService::moveMessages(const QString& from, const QString& to)
{
    write([from, to](HistoryStore& store) { return store.moveMessages(from, to); });
}

void HistoryService::write(std::function<Status(HistoryStore&)> operation)
{
    if (!m_store.isOpen())
        return;
    if (m_clearing) {
        m_queued << std::move(operation);
        return;
    }
    if (const Status written = operation(m_store); !written)
        Q_EMIT writeFailed(written.error());
}

void HistoryService::clear(const std::optional<QString>& conversation)
{
    if (!m_store.isOpen() || m_clearing)
        return;
    const QString path = m_store.path();
    const QString key = conversation.value_or(QString());
    // The worker reports through a queued call into this thread; the destructor waits for the
    // worker, so this object outlives the call's posting, and a posted call dies with it.
    m_clearing = QThread::create([this, path, conversation, key] {
        QString error;
        {
            HistoryStore store;
            const HistoryOpenReport report = store.open(path);
            if (!store.isOpen()) {
                error = report.message;
            } else {
                const Status done = conversation ? store.clearConversation(*conversation) : store.clearAll();
                if (!done)
                    error = done.error();
            }
        }
        QMetaObject::invokeMethod(
            this, [this, key, error] { onCleared(key, error); }, Qt::QueuedConnection);
    });
    m_clearing->start();
}

void HistoryService::onCleared(const QString& conversation, const QString& error)
{
    m_clearing->wait();
    delete m_clearing;
    m_clearing = nullptr;
    const auto queued = std::exchange(m_queued, {});
    for (const auto& operation : queued)
        write(operation);
    Q_EMIT cleared(conversation, error);
}

} // namespace securechat
