// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "trust/knownpeers.h"

#include <QAbstractTableModel>
#include <QList>

namespace securechat {

/// The known-peers file as a table: host:port, SHA-256 fingerprint, first seen, note.
class KnownPeersModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnownPeersModel)

public:
    enum Column { HostPortColumn, FingerprintColumn, FirstSeenColumn, NoteColumn, ColumnCount };

    /// peers: the file to show, as last loaded (by the caller, who can report a failure).
    explicit KnownPeersModel(KnownPeers peers, QObject* parent = nullptr);

    /// Reads the file again. On failure the rows stay as they were.
    Status reload();
    /// Removes the peer in row from the file. The rows then show the file as it is now, which
    /// another process may have changed in the meantime.
    Status forget(int row);
    /// The row of hostPort (normalised first), or -1.
    int rowOf(const QString& hostPort) const;
    /// "line N: ..." for each line of the file that could not be read.
    QStringList warnings() const { return m_peers.warnings(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void adoptFile();

    KnownPeers m_peers;
    QList<KnownPeer> m_rows; // what the view shows; updated only between begin/end notifications
};

} // namespace securechat
