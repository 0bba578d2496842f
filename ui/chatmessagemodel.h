// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/chatmessage.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace securechat {

/// The lines of one chat tab: messages and quieter notices, in arrival order.
///
/// Text is kept as plain text only, already passed through TextSanitizer (MultiLine for message
/// bodies, SingleLine for nicknames), so no view can be tricked into showing markup or reordered
/// text. Rows are small values, not widgets: a tab holds 100,000 of them without effort.
class ChatMessageModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatMessageModel)

public:
    enum class Kind { Message, OwnMessage, Notice, Problem };
    Q_ENUM(Kind)
    /// Delivery of the person's own messages; None for everything else.
    enum class Delivery { None, Pending, Delivered };
    Q_ENUM(Delivery)

    enum Role {
        NickRole = Qt::UserRole + 1, ///< QString, sanitized; empty for notices and text-mode lines
        TimestampRole, ///< QDateTime, local time
        KindRole, ///< Kind as int
        DeliveryRole, ///< Delivery as int
        IdRole, ///< message id
        SeqRole, ///< the host's sequence number, 0 if none
    };

    explicit ChatMessageModel(QObject* parent = nullptr);
    ~ChatMessageModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void appendMessage(
        const ChatMessage& message, Kind kind = Kind::Message, Delivery delivery = Delivery::None);
    void appendNotice(
        const QString& text, Kind kind = Kind::Notice, const QDateTime& when = QDateTime::currentDateTime());
    /// A message and how it is shown, for prependMessages().
    struct Earlier {
        ChatMessage message;
        Kind kind = Kind::Message;
        Delivery delivery = Delivery::None;
    };
    /// Inserts messages from the stored history above every row, in the order given (oldest first).
    void prependMessages(const QList<Earlier>& messages);
    /// Where the rows are now, for removeMessagesBefore().
    quint64 mark() const { return m_nextSerial; }
    /// Removes the messages shown before mark was taken (their stored history was cleared), but
    /// the person's pending ones, which are kept until delivered; notices stay.
    void removeMessagesBefore(quint64 mark);
    /// Marks the person's message with this id as delivered; false if no pending message has it.
    bool markDelivered(const QString& id);

    /// The rows as plain text, one line per row ("[12:34:56] <alice> hello"), for the clipboard.
    QString plainText(QList<int> rows) const;
    /// The next row (after from, or before it when backward) whose text or nick contains needle,
    /// case-insensitively, wrapping around; -1 if none does.
    int find(const QString& needle, int from, bool backward) const;
    /// How many rows contain needle, as find() matches: all of them, or those before beforeRow.
    int countMatches(const QString& needle, int beforeRow = -1) const;

private:
    struct Entry {
        Kind kind = Kind::Message;
        Delivery delivery = Delivery::None;
        qint64 seq = 0;
        QString id;
        QString nick;
        QString text;
        QDateTime time; // as received: converted to local time only when shown (see data())
        quint64 serial = 0; // in the order rows were added, prepended ones included
    };

    void append(Entry entry);
    Entry entryFor(const ChatMessage& message, Kind kind, Delivery delivery);
    bool matches(const Entry& entry, const QString& needle) const;

    std::vector<Entry> m_entries;
    QHash<QString, int> m_pendingRows; // message id -> row, for acknowledgements
    quint64 m_nextSerial = 1;
};

} // namespace securechat
