// SPDX-License-Identifier: MIT
#pragma once

#include "trust/admission.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace securechat {

class IconLabel;

/// The strip above a chat that says what the session is doing when that needs saying: where
/// this person hosts, who may join, and the fingerprint to read out (with Copy), the progress of a connection
/// (with Cancel), a lost connection being brought back (with Reconnect now and Stop), or why it ended
/// or failed (with Close Tab, and Reconnect or Try Again where connecting again makes sense).
class SessionBanner final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionBanner)

public:
    enum class Mode { Hosting, Progress, Reconnecting, Ended };
    Q_ENUM(Mode)
    /// What an ended session offers besides Close Tab: Reconnect once it had joined, Try Again
    /// when it never got in.
    enum class Retry { None, Reconnect, TryAgain };
    Q_ENUM(Retry)

    explicit SessionBanner(QWidget* parent = nullptr);

    void showHosting(const QString& listeningOn, const QString& fingerprint, Admission admission);
    void showProgress(const QString& text);
    /// Progress, once the host's identity is settled and its person decides about this one.
    void showWaitingForHost(const QString& text);
    /// A lost connection: `text` says when the next attempt comes, `reason` why it was lost.
    void showReconnecting(const QString& text, const QString& reason);
    void showEnded(const QString& reason, Retry retry = Retry::None);
    /// Ended before it got in: failure says why in a sentence, advice what to do about it.
    void showFailed(const QString& failure, const QString& advice, Retry retry);
    /// Ended, because the person cancelled connecting.
    void showCancelled(const QString& detail, Retry retry);

    Mode mode() const { return m_mode; }
    QString text() const;
    QString detail() const;
    /// Who may join, in words, while hosting; empty otherwise.
    QString admissionText() const;
    /// The fingerprint shown while hosting, "AB:CD:..."; empty otherwise.
    QString fingerprint() const { return m_mode == Mode::Hosting ? m_fingerprint : QString(); }
    QPushButton* actionButton() const { return m_action; }
    /// Stop reconnecting; shown only while reconnecting.
    QPushButton* stopButton() const { return m_stop; }
    /// Reconnect or Try Again; shown only once ended, when offered.
    QPushButton* retryButton() const { return m_retry; }

Q_SIGNALS:
    void cancelRequested();
    void closeRequested();
    void reconnectNowRequested();
    void stopRequested();
    void retryRequested();

protected:
    bool event(QEvent* event) override;

private:
    void onAction();
    void setIcon(const QIcon& icon);

    Mode m_mode = Mode::Progress;
    QString m_fingerprint;
    IconLabel* m_icon = nullptr;
    QLabel* m_text = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_admission = nullptr;
    QLabel* m_fingerprintLabel = nullptr;
    QProgressBar* m_busy = nullptr;
    QPushButton* m_action = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_retry = nullptr;
};

} // namespace securechat
