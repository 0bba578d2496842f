// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "trust/knownclients.h"

#include <QAbstractTableModel>
#include <QList>

namespace securechat {

/// The host's known-clients file as a table: always admitted, verified with the safety number or
/// blocked, the nickname they had, the SHA-256 fingerprint of their certificate.
class KnownClientsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KnownClientsModel)

public:
    enum Column { VerdictColumn, NickColumn, FingerprintColumn, ColumnCount };

    /// clients: the file to show, as last loaded (by the caller, who can report a failure).
    explicit KnownClientsModel(KnownClients clients, QObject* parent = nullptr);

    KnownClient client(int row) const { return m_rows.at(row); }
    /// Removes the client in row from the file, so that it is a stranger again: an admitted one is
    /// asked about next time, a blocked one is unblocked. The file is read again first, so that
    /// what a session hosted meanwhile decided is kept.
    Status forget(int row);
    /// "line N: ..." for each line of the file that could not be read.
    QStringList warnings() const { return m_clients.warnings(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    KnownClients m_clients;
    QList<KnownClient> m_rows; // what the view shows; updated only between begin/end notifications
};

} // namespace securechat
