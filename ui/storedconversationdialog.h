// SPDX-License-Identifier: MIT
#pragma once

#include "history/historymessage.h"

#include <QDialog>

class QPlainTextEdit;

namespace securechat {

class HistoryStore;

/// A stored conversation that no tab shows, opened from a search result: the messages around the
/// one found (Context before it and Context after), read-only plain text, the one found selected.
class StoredConversationDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoredConversationDialog)

public:
    static constexpr int Context = 100;

    StoredConversationDialog(const HistoryStore& store, const HistoryMessage& found, const QString& title,
        QWidget* parent = nullptr);

    QPlainTextEdit* text() const { return m_text; }

private:
    QPlainTextEdit* m_text = nullptr;
};

} // namespace securechat
