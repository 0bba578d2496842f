// SPDX-License-Identifier: MIT
#pragma once

#include "base/apppaths.h"
#include "session/chatclient.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace securechat {

class FileField;
class IdentityChooser;

/// Asks where to connect: host and port (recent peers offered), nickname, an optional CA file
/// for hosts with a private CA, and the client certificate to present (the stored identity by
/// default, so a host that requires one knows who this is).
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

    /// Checks the form and loads the files; stays open with the reason if that fails.
    void accept() override;
    /// What to connect with (knownPeers not set); set once the dialog was accepted.
    const std::optional<ClientOptions>& clientOptions() const { return m_options; }

    /// Puts hostPort first in the recent peers.
    static void rememberPeer(QSettings& settings, const QString& hostPort);

private:
    Result<ClientOptions> buildOptions() const;
    void chooseRecent(int index);

    AppPaths m_paths;
    QSettings& m_settings;
    QComboBox* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_nick = nullptr;
    FileField* m_caFile = nullptr;
    IdentityChooser* m_identity = nullptr;
    QLabel* m_error = nullptr;
    std::optional<ClientOptions> m_options;
};

} // namespace securechat
