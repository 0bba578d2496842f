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
    entry.serial = m_nextSerial++;
    return entry;
}

void ChatMessageModel::prependMessages(const QList<Earlier>& messages)
{
    if (messages.isEmpty())
        return;
    const auto count = static_cast<int>(messages.size());
    beginInsertRows(QModelIndex(), 0, count - 1);
    std::vector<Entry> earlier;
    earlier.reserve(messages.size());
    for (const Earlier& each : messages)
        earlier.push_back(entryFor(each.message, each.kind, each.delivery));
    m_entries.insert(
        m_entries.begin(), std::make_move_iterator(earlier.begin()), std::make_move_iterator(earlier.end()));
    for (auto row = m_pendingRows.begin(); row != m_pendingRows.end(); ++row)
        row.value() += count;
    for (int row = 0; row < count; ++row) {
        const Entry& entry = m_entries[static_cast<size_t>(row)];
        if (entry.delivery == Delivery::Pending && !entry.id.isEmpty() && !m_pendingRows.contains(entry.id))
            m_pendingRows.insert(entry.id, row);
    }
    endInsertRows();
}

void ChatMessageModel::appendNotice(const QString& text, Kind kind, const QDateTime& when)
{
    Entry entry;
    entry.kind = kind;
    // Notices quote nicknames and reasons that peers chose: sanitized like any message.
    entry.text = TextSanitizer::forDisplay(text, TextSanitizer::Mode::MultiLine);
    entry.time = when;
    entry.serial = m_nextSerial++;
    append(std::move(entry));
}

void ChatMessageModel::removeMessagesBefore(quint64 mark)
{
    beginResetModel();
    std::erase_if(m_entries, [mark](const Entry& entry) {
        const bool message = entry.kind == Kind::Message || entry.kind == Kind::OwnMessage;
        return message && entry.serial < mark && entry.delivery != Delivery::Pending;
    });
    m_pendingRows.clear();
    for (size_t row = 0; row < m_entries.size(); ++row) {
        const Entry& entry = m_entries[row];
        if (entry.delivery == Delivery::Pending && !entry.id.isEmpty() && !m_pendingRows.contains(entry.id))
            m_pendingRows.insert(entry.id, static_cast<int>(row));
    }
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
    const auto pending = m_pendingRows.constFind(id);
    if (pending == m_pendingRows.cend())
        return false;
    const int row = pending.value();
    m_pendingRows.erase(pending);
    m_entries[static_cast<size_t>(row)].delivery = Delivery::Delivered;
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

} // namespace securechat
