// SPDX-License-Identifier: MIT
#pragma once

#include "history/historymessage.h"

#include <QDialog>
#include <QList>

class QLabel;
class QLineEdit;
class QListWidget;

namespace securechat {

class HistoryStore;

/// Finds text in every stored conversation (SQLite FTS5), newest first: when, where, who, what.
/// Activating a result (double-click, Enter) asks for its conversation to be shown there.
class HistorySearchDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistorySearchDialog)

public:
    static constexpr int MaxResults = 200;

    HistorySearchDialog(const HistoryStore& store, const QString& text, QWidget* parent = nullptr);

    QListWidget* results() const { return m_results; }
    void search(const QString& text);

Q_SIGNALS:
    /// words: what was searched for, to mark in the message where it is shown.
    void messageChosen(const securechat::HistoryMessage& message, const QString& words);

private:
    const HistoryStore& m_store;
    QLineEdit* m_field = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_results = nullptr;
    QList<HistoryMessage> m_found; // in the order of m_results' rows
    QString m_searched; // the words m_found was found for
};

} // namespace securechat
