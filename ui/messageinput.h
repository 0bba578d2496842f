// SPDX-License-Identifier: MIT
#pragma once

#include <QPlainTextEdit>

namespace securechat {

/// Where the person types: Enter sends, Shift+Enter starts a new line. Grows with its text up to
/// a few lines, then scrolls; while empty, as many lines as its placeholder takes at this width.
/// Plain text only: pasting rich text pastes its characters.
class MessageInput final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageInput)

public:
    explicit MessageInput(QWidget* parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /// Sends what is typed, as Enter does: emits submitted() unless it is blank, then clears.
    void submit();
    /// Disabled, greyed out, with why in place of the usual hint ("Not connected"); an empty
    /// reason enables it again. What was typed stays.
    void setUnavailable(const QString& reason);

Q_SIGNALS:
    void submitted(const QString& text);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    int heightForLines(int lines) const;
    int placeholderLines() const;
    QString m_hint;
    void updateHeight();
};

} // namespace securechat
