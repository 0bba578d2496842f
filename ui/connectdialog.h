// SPDX-License-Identifier: MIT
#pragma once

#include "base/apppaths.h"
#include "session/clientoptions.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QSettings;
class QSpinBox;

namespace securechat {

class DiscoveredSessionList;
class FileField;
class IdentityChooser;
class NicknameField;
struct DiscoveredSession;

/// Asks where to connect: host and port (recent peers offered), nickname, an optional CA file
/// for hosts with a private CA, and the client certificate to present (the stored identity by
/// default, so a host that requires one knows who this is). Sessions announced on the local
/// network are listed live (choosing one fills in host and port), and an invite link pasted into
/// the host field connects with exactly the certificate it names.
class ConnectDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    static constexpr int MaxRecentPeers = 10;
    static constexpr QLatin1String RecentPeersKey { "connect/recentPeers" }; ///< "host:port", newest first

    ConnectDialog(AppPaths paths, QSettings& settings, QWidget* parent = nullptr);
    ~ConnectDialog() override;

    void setHost(const QString& host);
    void setPort(quint16 port);
    void setNickname(const QString& nick);
    void setCaFile(const QString& path);
    void setIdentityFiles(const QString& certificatePath, const QString& keyPath);
    /// Present no client certificate.
    void setAnonymous();
    /// The live list of sessions on the local network; browse() on it starts listening.
    DiscoveredSessionList* discoveredSessions() const { return m_discovered; }

    /// Checks the form and loads the files; stays open with the reason if that fails.
    void accept() override;
    /// What to connect with (knownPeers not set); set once the dialog was accepted.
    const std::optional<ClientOptions>& clientOptions() const { return m_options; }

    /// Puts hostPort first in the recent peers.
    static void rememberPeer(QSettings& settings, const QString& hostPort);

private:
    Result<ClientOptions> buildOptions() const;
    void chooseRecent(int index);
    void chooseDiscovered(const DiscoveredSession& session);
    Result<ClientOptions> optionsFromInvite(const QString& link) const;
    Status addIdentity(ClientOptions& options) const;

    AppPaths m_paths;
    QSettings& m_settings;
    QComboBox* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    NicknameField* m_nick = nullptr;
    FileField* m_caFile = nullptr;
    IdentityChooser* m_identity = nullptr;
    QLabel* m_error = nullptr;
    DiscoveredSessionList* m_discovered = nullptr;
    /// What the chosen discovered session announced: compared with the certificate once connected.
    std::optional<std::pair<QString, quint16>> m_chosenEndpoint;
    QString m_chosenFingerprint;
    std::optional<ClientOptions> m_options;
};

} // namespace securechat
