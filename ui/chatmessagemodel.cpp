// SPDX-License-Identifier: MIT
#include "chatmessagemodel.h"

#include "protocol/textsanitizer.h"

#include <QLocale>

#include <algorithm>

namespace securechat {

ChatMessageModel::ChatMessageModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

ChatMessageModel::~ChatMessageModel() = default;

int ChatMessageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant ChatMessageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return entry.text;
    case Qt::ToolTipRole: {
        QString tip = QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat);
        if (entry.delivery == Delivery::Pending)
            tip += u'\n' + tr("Not yet confirmed by the host");
        else if (entry.delivery == Delivery::Delivered)
            tip += u'\n' + tr("Delivered to the host");
        return tip;
    }
    case NickRole:
        return entry.nick;
    case TimestampRole:
        return entry.time.toLocalTime();
    case KindRole:
        return static_cast<int>(entry.kind);
    case DeliveryRole:
        return static_cast<int>(entry.delivery);
    case IdRole:
        return entry.id;
    case SeqRole:
        return entry.seq;
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatMessageModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NickRole, "nick");
    names.insert(TimestampRole, "timestamp");
    names.insert(KindRole, "kind");
    names.insert(DeliveryRole, "delivery");
    names.insert(IdRole, "id");
    names.insert(SeqRole, "seq");
    return names;
}

void ChatMessageModel::appendMessage(const ChatMessage& message, Kind kind, Delivery delivery)
{
    Entry entry = entryFor(message, kind, delivery);
    if (m_away) {
        hold(std::move(entry));
        return;
    }
    if (delivery == Delivery::Pending && !entry.id.isEmpty())
        m_pendingRows.insert(entry.id, static_cast<int>(m_entries.size()));
    append(std::move(entry));
}

ChatMessageModel::Entry ChatMessageModel::entryFor(const ChatMessage& message, Kind kind, Delivery delivery)
{
    Entry entry;
    entry.kind = kind;
    entry.delivery = delivery;
    entry.seq = message.seq;
    entry.id = message.id;
    entry.nick = TextSanitizer::forDisplay(message.from, TextSanitizer::Mode::SingleLine);
    entry.text = TextSanitizer::forDisplay(message.text, TextSanitizer::Mode::MultiLine);
    // Converting to local time asks glibc to stat /etc/localtime each time: a fifth of the CPU of
    // appending 100,000 messages. Done in data() instead, for the rows actually shown.
    entry.time = message.timestamp.isValid() ? message.timestamp : QDateTime::currentDateTimeUtc();
    return entry;
}

std::vector<ChatMessageModel::Entry> ChatMessageModel::entriesFor(const QList<Stored>& messages)
{
    std::vector<Entry> entries;
    entries.reserve(static_cast<size_t>(messages.size()));
    for (const Stored& each : messages) {
        entries.push_back(entryFor(each.message, each.kind, each.delivery));
        entries.back().storeRow = each.storeRow;
    }
    return entries;
}

QHash<QString, int> ChatMessageModel::pendingRowsOf(const std::vector<Entry>& entries)
{
    QHash<QString, int> pending;
    for (size_t row = 0; row < entries.size(); ++row) {
        const Entry& entry = entries[row];
        if (entry.delivery == Delivery::Pending && !entry.id.isEmpty() && !pending.contains(entry.id))
            pending.insert(entry.id, static_cast<int>(row));
    }
    return pending;
}

void ChatMessageModel::prependMessages(const QList<Stored>& messages)
{
    if (messages.isEmpty())
        return;
    const auto count = static_cast<int>(messages.size());
    beginInsertRows(QModelIndex(), 0, count - 1);
    std::vector<Entry> earlier = entriesFor(messages);
    m_entries.insert(
        m_entries.begin(), std::make_move_iterator(earlier.begin()), std::make_move_iterator(earlier.end()));
    m_pendingRows = pendingRowsOf(m_entries);
    endInsertRows();
}

void ChatMessageModel::appendToWindow(const QList<Stored>& messages)
{
    if (!m_away || messages.isEmpty())
        return;
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(messages.size()) - 1);
    std::vector<Entry> newer = entriesFor(messages);
    m_entries.insert(
        m_entries.end(), std::make_move_iterator(newer.begin()), std::make_move_iterator(newer.end()));
    m_pendingRows = pendingRowsOf(m_entries);
    endInsertRows();
}

void ChatMessageModel::dropFromWindow(int count, bool fromTop)
{
    count = std::min(count, rowCount());
    if (!m_away || count <= 0)
        return;
    const int first = fromTop ? 0 : rowCount() - count;
    beginRemoveRows(QModelIndex(), first, first + count - 1);
    const auto begin = m_entries.begin() + first;
    m_entries.erase(begin, begin + count);
    m_pendingRows = pendingRowsOf(m_entries);
    endRemoveRows();
}

void ChatMessageModel::showWindow(const QList<Stored>& messages, int keepStored)
{
    const bool leaving = !m_away;
    beginResetModel();
    if (leaving) {
        m_held = std::exchange(m_entries, {});
        // Rows read from the store are always above the rest: they are inserted at the top.
        const auto stored = std::find_if(
            m_held.begin(), m_held.end(), [](const Entry& entry) { return entry.storeRow == 0; });
        if (const auto surplus = std::distance(m_held.begin(), stored) - keepStored; surplus > 0)
            m_held.erase(m_held.begin(), m_held.begin() + surplus);
        m_heldPendingRows = pendingRowsOf(m_held);
        m_away = true;
    }
    m_entries = entriesFor(messages);
    m_pendingRows = pendingRowsOf(m_entries);
    endResetModel();
    if (leaving) {
        setUnseen(0);
        Q_EMIT awayChanged(true);
    }
}

void ChatMessageModel::forgetStoreRows()
{
    for (Entry& entry : m_entries)
        entry.storeRow = 0;
    for (Entry& entry : m_held)
        entry.storeRow = 0;
}

qint64 ChatMessageModel::oldestHeldStoreRow() const
{
    return m_held.empty() ? 0 : m_held.front().storeRow;
}

qint64 ChatMessageModel::storeRowAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_entries[static_cast<size_t>(row)].storeRow : 0;
}

void ChatMessageModel::showLiveEnd(bool continuing)
{
    if (!m_away)
        return;
    std::vector<Entry> held = std::exchange(m_held, {});
    m_heldPendingRows.clear();
    if (!continuing) {
        beginResetModel();
        m_entries = std::move(held);
        m_pendingRows = pendingRowsOf(m_entries);
        endResetModel();
    } else if (!held.empty()) {
        // Still away while they are inserted: a view that follows the newest row stays put.
        const int first = rowCount();
        beginInsertRows(QModelIndex(), first, first + static_cast<int>(held.size()) - 1);
        m_entries.insert(
            m_entries.end(), std::make_move_iterator(held.begin()), std::make_move_iterator(held.end()));
        m_pendingRows = pendingRowsOf(m_entries);
        endInsertRows();
    }
    m_away = false;
    setUnseen(0);
    Q_EMIT awayChanged(false);
}

void ChatMessageModel::hold(Entry entry)
{
    if (entry.delivery == Delivery::Pending && !entry.id.isEmpty() && !m_heldPendingRows.contains(entry.id))
        m_heldPendingRows.insert(entry.id, static_cast<int>(m_held.size()));
    const bool message = entry.kind == Kind::Message || entry.kind == Kind::OwnMessage;
    m_held.push_back(std::move(entry));
    if (message)
        setUnseen(m_unseen + 1);
}

void ChatMessageModel::setUnseen(int count)
{
    if (std::exchange(m_unseen, count) != count)
        Q_EMIT unseenCountChanged(count);
}

void ChatMessageModel::appendNotice(const QString& text, Kind kind, const QDateTime& when)
{
    Entry entry;
    entry.kind = kind;
    // Notices quote nicknames and reasons that peers chose: sanitized like any message.
    entry.text = TextSanitizer::forDisplay(text, TextSanitizer::Mode::MultiLine);
    entry.time = when;
    if (m_away)
        hold(std::move(entry));
    else
        append(std::move(entry));
}

void ChatMessageModel::removeClearedMessages()
{
    beginResetModel();
    std::erase_if(m_entries, [](const Entry& entry) {
        const bool message = entry.kind == Kind::Message || entry.kind == Kind::OwnMessage;
        return message && entry.delivery != Delivery::Pending;
    });
    m_pendingRows = pendingRowsOf(m_entries);
    endResetModel();
}

void ChatMessageModel::append(Entry entry)
{
    const int row = static_cast<int>(m_entries.size());
    beginInsertRows(QModelIndex(), row, row);
    m_entries.push_back(std::move(entry));
    endInsertRows();
}

bool ChatMessageModel::markDelivered(const QString& id)
{
    return settle(id, Delivery::Delivered);
}

bool ChatMessageModel::markUnconfirmable(const QString& id)
{
    return settle(id, Delivery::None);
}

bool ChatMessageModel::settle(const QString& id, Delivery delivery)
{
    // While away the message may be held, shown in the window, or both.
    const auto held = m_heldPendingRows.constFind(id);
    const bool wasHeld = held != m_heldPendingRows.cend();
    if (wasHeld) {
        m_held[static_cast<size_t>(held.value())].delivery = delivery;
        m_heldPendingRows.erase(held);
    }
    const auto pending = m_pendingRows.constFind(id);
    if (pending == m_pendingRows.cend())
        return wasHeld;
    const int row = pending.value();
    m_pendingRows.erase(pending);
    m_entries[static_cast<size_t>(row)].delivery = delivery;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, { DeliveryRole, Qt::ToolTipRole });
    return true;
}

QString ChatMessageModel::plainText(QList<int> rows) const
{
    std::sort(rows.begin(), rows.end());
    QStringList lines;
    for (const int row : std::as_const(rows)) {
        if (row < 0 || row >= rowCount())
            continue;
        const Entry& entry = m_entries[static_cast<size_t>(row)];
        const QString time = u'[' + entry.time.toLocalTime().toString(QStringLiteral("HH:mm:ss")) + u']';
        if (entry.kind == Kind::Notice || entry.kind == Kind::Problem)
            lines << time + QStringLiteral(" * ") + entry.text;
        else if (entry.nick.isEmpty())
            lines << time + u' ' + entry.text;
        else
            lines << time + QStringLiteral(" <") + entry.nick + QStringLiteral("> ") + entry.text;
    }
    return lines.join(u'\n');
}

bool ChatMessageModel::matches(const Entry& entry, const QString& needle) const
{
    return entry.text.contains(needle, Qt::CaseInsensitive)
        || entry.nick.contains(needle, Qt::CaseInsensitive);
}

int ChatMessageModel::find(const QString& needle, int from, bool backward) const
{
    const int count = rowCount();
    if (needle.isEmpty() || count == 0)
        return -1;
    const int step = backward ? -1 : 1;
    // Outside the rows (no current match): start from the first row, or the last going back.
    int row = (from < 0 || from >= count) ? (backward ? count : -1) : from;
    for (int visited = 0; visited < count; ++visited) {
        row = (row + step + count) % count;
        if (matches(m_entries[static_cast<size_t>(row)], needle))
            return row;
    }
    return -1;
}

int ChatMessageModel::countMatches(const QString& needle, int beforeRow) const
{
    if (needle.isEmpty())
        return 0;
    const auto end = beforeRow < 0 ? m_entries.cend() : m_entries.cbegin() + std::min(beforeRow, rowCount());
    return static_cast<int>(std::count_if(
        m_entries.cbegin(), end, [this, &needle](const Entry& entry) { return matches(entry, needle); }));
}

int ChatMessageModel::rowOf(const QString& id) const
{
    const auto found = std::find_if(
        m_entries.cbegin(), m_entries.cend(), [&id](const Entry& entry) { return entry.id == id; });
    return found == m_entries.cend() ? -1 : static_cast<int>(found - m_entries.cbegin());
}

} // namespace securechat
