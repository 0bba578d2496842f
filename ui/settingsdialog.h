// SPDX-License-Identifier: MIT
#pragma once

#include "apppaths.h"

#include <QDialog>
#include <QLatin1String>

class QCheckBox;
class QLineEdit;
class QPushButton;
class QSettings;
class QTabWidget;
class QTableView;

namespace securechat {

class IdentityPage;
class KnownPeersModel;

/// The person's settings: General (nickname, notifications; saved with OK), Identity (the
/// stored certificate: view, regenerate, import, export) and Known peers (forget a pinned host).
/// Identity and known-peer changes are file operations and take effect at once.
class SettingsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    enum class Page { General, Identity, KnownPeers };

    static constexpr QLatin1String nicknameKey { "nickname" };
    static constexpr QLatin1String notificationsKey { "notifications" }; ///< bool, default true

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
    void forgetSelectedPeer();

    AppPaths m_paths;
    QSettings& m_settings;
    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_nickname = nullptr;
    QCheckBox* m_notifications = nullptr;
    IdentityPage* m_identityPage = nullptr;
    KnownPeersModel* m_peers = nullptr;
    QTableView* m_peersView = nullptr;
    QPushButton* m_forget = nullptr;
};

} // namespace securechat
