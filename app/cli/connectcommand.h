// SPDX-License-Identifier: MIT
#pragma once

#include "cliarguments.h"
#include "session/samehostcheck.h"

#include <QByteArray>
#include <QObject>

#include <memory>

namespace securechat {
class ChatClient;
class KnownPeers;
class Reconnector;
struct TrustAssessment;
}

namespace securechat::cli {

class HistoryRecorder;

/// `securechat-cli connect`: joins a session; stdin lines are messages. A lost connection is
/// reconnected (Reconnector), saying so on stderr. At the end of stdin it sends what is queued
/// (reconnecting first if need be), says goodbye and exits.
class ConnectCommand final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectCommand)

public:
    explicit ConnectCommand(ConnectArguments arguments, QObject* parent = nullptr);
    ~ConnectCommand() override;

    /// Returns an exit status if it could not start, or -1 once it is connecting (or looking for
    /// the --discovered session).
    int start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    int startConnecting();
    /// Browses the local network for the --discovered session, then connects to it.
    void findDiscovered();
    /// Warns once per connection when the host's certificate is not the one it announced.
    void checkAnnouncement(const QByteArray& presentedSha256);
    void watchClient();
    void onTrustRequired(const TrustAssessment& assessment);
    void onInputLine(const QString& line);
    void printSafetyNumber();
    void markHostVerified();
    /// On joining: the conversation of the host's certificate, the one before if it is the same.
    void openConversation();

    ConnectArguments m_arguments;
    std::unique_ptr<KnownPeers> m_knownPeers;
    std::unique_ptr<HistoryRecorder> m_history;
    ChatClient* m_client = nullptr;
    QByteArray m_ownSha256; ///< of the certificate this client presents, for the safety number
    QString m_endpoint; ///< HOST:PORT as connected to: the connecting key's and the conversation's title
    QString m_announcedFingerprint; ///< what the --discovered announcement claimed: compared, never trusted
    Reconnector* m_reconnector = nullptr;
    SameHostCheck m_sameHost;
    bool m_askingTrust = false;
    bool m_joinedBefore = false;
    bool m_leaveWhenBack = false; // input ended while reconnecting, with messages still to deliver
    int m_inputError = 0;
};

} // namespace securechat::cli
