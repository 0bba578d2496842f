// SPDX-License-Identifier: MIT
#pragma once

#include "base/apppaths.h"

#include <QDialog>
#include <QLatin1String>

class QCheckBox;
class QPushButton;
class QSettings;
class QTabWidget;
class QTableView;

namespace securechat {

class IdentityPage;
class KnownClientsModel;
class KnownPeersModel;
class NicknameField;

/// The person's settings: General (nickname, notifications; saved with OK), Identity (the
/// stored certificate: view, regenerate, import, export), Known peers (forget a pinned host) and
/// Known clients (whom sessions hosted here always admit or block: forget or unblock one).
/// Identity, known-peer and known-client changes are file operations and take effect at once.
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    enum class Page { General, Identity, KnownPeers, KnownClients };

    static constexpr QLatin1String nicknameKey { "nickname" };
    static constexpr QLatin1String notificationsKey { "notifications" }; ///< bool, default true
    /// bool, default true; applies only where the desktop has a system tray
    static constexpr QLatin1String keepRunningInTrayKey { "keepRunningInTray" };

    SettingsDialog(AppPaths paths, QSettings& settings, QWidget* parent = nullptr);

    void setCurrentPage(Page page);
    /// Shows the Known peers page with hostPort's row selected, when it is a known peer.
    void selectKnownPeer(const QString& hostPort);
    /// Saves the General page.
    void accept() override;

Q_SIGNALS:
    /// The stored identity was replaced (regenerated or imported).
    void identityChanged();

private:
    QWidget* buildGeneralPage();
    QWidget* buildKnownPeersPage();
    QWidget* buildKnownClientsPage();
    void forgetSelectedPeer();
    void forgetSelectedClient();
    void updateForgetClient();

    AppPaths m_paths;
    QSettings& m_settings;
    QTabWidget* m_tabs = nullptr;
    NicknameField* m_nickname = nullptr;
    QCheckBox* m_notifications = nullptr;
    QCheckBox* m_hideNotificationText = nullptr;
    QCheckBox* m_keepRunningInTray = nullptr;
    QCheckBox* m_history = nullptr;
    IdentityPage* m_identityPage = nullptr;
    KnownPeersModel* m_peers = nullptr;
    QTableView* m_peersView = nullptr;
    QPushButton* m_forget = nullptr;
    KnownClientsModel* m_clients = nullptr;
    QTableView* m_clientsView = nullptr;
    QPushButton* m_forgetClient = nullptr;
};

} // namespace securechat
