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
/// The rows are the live end of the conversation, or, after showWindow(), a window of stored
/// messages further back (a search hit and its neighbours). Meanwhile the live rows are held
/// aside, and what is appended joins them unseen, in order, until showLiveEnd().
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
    /// A message read from the stored history and how it is shown.
    struct Stored {
        ChatMessage message;
        Kind kind = Kind::Message;
        Delivery delivery = Delivery::None;
        qint64 storeRow = 0; ///< its row id in the history store
    };
    /// Inserts messages from the stored history above every row, in the order given (oldest first).
    void prependMessages(const QList<Stored>& messages);
    /// Appends stored messages newer than a window's (oldest first). Only while away.
    void appendToWindow(const QList<Stored>& messages);
    /// Removes count rows of a window from its top (or its bottom): the far end of a long window.
    void dropFromWindow(int count, bool fromTop);

    /// Shows stored messages (oldest first) in place of the rows. Leaving the live end, its rows
    /// are held aside; of those read from the store only the newest keepStored are kept (the rest
    /// are read again when scrolled to).
    void showWindow(const QList<Stored>& messages, int keepStored);
    /// Whether a window is shown, away from the live end.
    bool isAway() const { return m_away; }
    /// How many messages arrived while away (held, not shown yet).
    int unseenCount() const { return m_unseen; }
    /// The store row id of the oldest held row read from the store; 0 if none. Only while away.
    qint64 oldestHeldStoreRow() const;
    /// The store row id of a shown row; 0 if it was not read from the store.
    qint64 storeRowAt(int row) const;
    /// Ends the window: the held rows are shown again, after the window's rows (continuing: the
    /// window reached the live end) or in their place.
    void showLiveEnd(bool continuing);

    /// The rows read from the store stay shown, but as rows of another conversation than the one
    /// read from now on (another certificate answered): none is dropped to be read again.
    void forgetStoreRows();

    /// Removes the messages (their stored history was cleared), but the person's pending ones,
    /// which are kept until delivered; notices stay. Only at the live end.
    void removeClearedMessages();
    /// Marks the person's message with this id as delivered; false if no pending message has it.
    bool markDelivered(const QString& id);
    /// The person's pending message went to a host that confirms nothing: no longer pending, and
    /// not delivered either (like what is written to it once joined); false if none has the id.
    bool markUnconfirmable(const QString& id);

    /// The rows as plain text, one line per row ("[12:34:56] <alice> hello"), for the clipboard.
    QString plainText(QList<int> rows) const;
    /// The next row (after from, or before it when backward) whose text or nick contains needle,
    /// case-insensitively, wrapping around; -1 if none does.
    int find(const QString& needle, int from, bool backward) const;
    /// How many rows contain needle, as find() matches: all of them, or those before beforeRow.
    int countMatches(const QString& needle, int beforeRow = -1) const;
    /// The row of the message with this id; -1 if none is shown.
    int rowOf(const QString& id) const;

Q_SIGNALS:
    /// A window was shown (away) or the live end again.
    void awayChanged(bool away);
    void unseenCountChanged(int count);

private:
    struct Entry {
        Kind kind = Kind::Message;
        Delivery delivery = Delivery::None;
        qint64 seq = 0;
        QString id;
        QString nick;
        QString text;
        QDateTime time; // as received: converted to local time only when shown (see data())
        qint64 storeRow = 0; // read from the store: its row id there
    };

    void append(Entry entry);
    /// The pending message with this id is pending no more: delivery says what it is now.
    bool settle(const QString& id, Delivery delivery);
    /// While away: keeps entry with the live rows, unseen.
    void hold(Entry entry);
    Entry entryFor(const ChatMessage& message, Kind kind, Delivery delivery);
    std::vector<Entry> entriesFor(const QList<Stored>& messages);
    bool matches(const Entry& entry, const QString& needle) const;
    static QHash<QString, int> pendingRowsOf(const std::vector<Entry>& entries);
    void setUnseen(int count);

    std::vector<Entry> m_entries;
    QHash<QString, int> m_pendingRows; // message id -> row, for acknowledgements
    bool m_away = false;
    std::vector<Entry> m_held; // while away: the live end's rows
    QHash<QString, int> m_heldPendingRows;
    int m_unseen = 0;
};

} // namespace securechat
