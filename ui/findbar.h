// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QShortcut;

namespace securechat {

/// The Ctrl+F bar under a chat: a search field, previous / next, the number of matches, close.
/// Enter finds the next match, Shift+Enter the previous one, Escape (in the bar or beside it in
/// its parent) closes the bar.
class FindBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    explicit FindBar(QWidget* parent = nullptr);

    QString text() const;
    /// Shows the bar with the search text selected, ready to type over.
    void activate();
    /// Shows the bar with text in it, found elsewhere: textChanged is not emitted.
    void showText(const QString& text);
    /// matches: how many rows match; current: which one is shown (0-based), or -1.
    void setMatches(int matches, int current);

Q_SIGNALS:
    void textChanged(const QString& text);
    void nextRequested();
    void previousRequested();
    void closed();
    /// The person wants the text looked up in every stored conversation, not only this tab.
    void historySearchRequested(const QString& text);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void close();

    QLineEdit* m_field = nullptr;
    QLabel* m_status = nullptr;
    QShortcut* m_escape = nullptr;
};

} // namespace securechat
