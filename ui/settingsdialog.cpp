// SPDX-License-Identifier: MIT
#include "settingsdialog.h"

#include "historyservice.h"
#include "identitypage.h"
#include "knownclientsmodel.h"
#include "knownpeersmodel.h"
#include "messagenotifications.h"
#include "nickname.h"
#include "nicknamefield.h"
#include "plainmessagebox.h"
#include "trayicon.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace securechat {

SettingsDialog::SettingsDialog(AppPaths paths, QSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_paths(std::move(paths))
    , m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    setAccessibleName(windowTitle());

    m_identityPage = new IdentityPage(m_paths.identityDirectory(), this);
    connect(m_identityPage, &IdentityPage::identityChanged, this, &SettingsDialog::identityChanged);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildGeneralPage(), tr("&General"));
    m_tabs->addTab(m_identityPage, tr("&Identity"));
    m_tabs->addTab(buildKnownPeersPage(), tr("&Known peers"));
    m_tabs->addTab(buildKnownClientsPage(), tr("Known &clients"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Nobody can join a chat without a valid nickname; a regenerated identity is named after it.
    const auto nicknameChanged = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(m_nickname->isValid());
        m_identityPage->setCommonName(
            m_nickname->isValid() ? m_nickname->nick() : Nickname::preferred(m_settings));
    };
    connect(m_nickname, &NicknameField::nickChanged, this, nicknameChanged);
    nicknameChanged();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(760, 460);
}

void SettingsDialog::setCurrentPage(Page page)
{
    m_tabs->setCurrentIndex(static_cast<int>(page));
}

void SettingsDialog::selectKnownPeer(const QString& hostPort)
{
    setCurrentPage(Page::KnownPeers);
    const int row = m_peers->rowOf(hostPort);
    if (row >= 0) {
        m_peersView->selectRow(row);
        m_peersView->setFocus();
    }
}

void SettingsDialog::accept()
{
    if (!m_nickname->isValid())
        return;
    Nickname::save(m_settings, m_nickname->nick());
    m_settings.setValue(notificationsKey, m_notifications->isChecked());
    m_settings.setValue(MessageNotifications::hideTextKey, m_hideNotificationText->isChecked());
    m_settings.setValue(keepRunningInTrayKey, m_keepRunningInTray->isChecked());
    m_settings.setValue(HistoryService::enabledKey, m_history->isChecked());
    m_settings.sync();
    if (m_settings.status() != QSettings::NoError) {
        PlainMessageBox::warn(this, tr("Settings Not Saved"),
            tr("The settings could not be written to %1.")
                .arg(QDir::toNativeSeparators(m_settings.fileName())));
        return;
    }
    QDialog::accept();
}

QWidget* SettingsDialog::buildGeneralPage()
{
    auto* page = new QWidget(this);
    // A saved nickname the rule refuses is shown as it is, with what is wrong, to be corrected.
    const QString saved = m_settings.value(nicknameKey).toString();
    m_nickname = new NicknameField(saved.isEmpty() ? Nickname::preferred(m_settings) : saved, page);
    m_notifications = new QCheckBox(
        tr("Show a notification when a message arrives while SecureChat is in the &background"), page);
    m_notifications->setObjectName(QStringLiteral("notificationsCheck"));
    m_notifications->setChecked(m_settings.value(notificationsKey, true).toBool());
    m_hideNotificationText
        = new QCheckBox(tr("&Hide message text in notifications (they say only who wrote)"), page);
    m_hideNotificationText->setObjectName(QStringLiteral("hideNotificationTextCheck"));
    m_hideNotificationText->setChecked(m_settings.value(MessageNotifications::hideTextKey, false).toBool());
    m_hideNotificationText->setEnabled(m_notifications->isChecked());
    connect(m_notifications, &QCheckBox::toggled, m_hideNotificationText, &QWidget::setEnabled);
    m_keepRunningInTray = new QCheckBox(tr("&Keep running in the tray when the window is closed"), page);
    m_keepRunningInTray->setObjectName(QStringLiteral("keepRunningInTrayCheck"));
    m_keepRunningInTray->setChecked(m_settings.value(keepRunningInTrayKey, true).toBool());
    if (!TrayIcon::isAvailable()) {
        m_keepRunningInTray->setEnabled(false);
        m_keepRunningInTray->setToolTip(
            tr("This desktop has no system tray: closing the window asks before it ends your sessions."));
    }

    m_history = new QCheckBox(tr("Keep a &history of conversations on this computer (not encrypted)"), page);
    m_history->setObjectName(QStringLiteral("historyCheck"));
    m_history->setChecked(m_settings.value(HistoryService::enabledKey, true).toBool());

    auto* form = new QFormLayout(page);
    form->addRow(tr("&Nickname:"), m_nickname);
    form->addRow(QString(), m_notifications);
    form->addRow(QString(), m_hideNotificationText);
    form->addRow(QString(), m_keepRunningInTray);
    form->addRow(QString(), m_history);
    return page;
}

QWidget* SettingsDialog::buildKnownPeersPage()
{
    auto* page = new QWidget(this);
    auto* intro = new QLabel(tr("Hosts whose certificate you chose to always trust. Forget a host to be "
                                "asked again the next time you connect to it."),
        page);
    intro->setWordWrap(true);

    KnownPeers peers(m_paths.knownPeersFile());
    const Status loaded = peers.load();
    m_peers = new KnownPeersModel(std::move(peers), this);
    m_peersView = new QTableView(page);
    m_peersView->setObjectName(QStringLiteral("knownPeersView"));
    m_peersView->setAccessibleName(tr("Known peers"));
    m_peersView->setModel(m_peers);
    m_peersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_peersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_peersView->verticalHeader()->hide();
    // The fingerprint takes the room left and is elided; its tooltip holds all of it.
    QHeaderView* header = m_peersView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(KnownPeersModel::FingerprintColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(KnownPeersModel::NoteColumn, QHeaderView::Interactive);
    header->resizeSection(KnownPeersModel::NoteColumn, 140);
    m_peersView->setTextElideMode(Qt::ElideMiddle);
    m_peersView->setWordWrap(false);

    // The file is hand-editable: say which lines were skipped rather than hide them.
    auto* problems = new QLabel(page);
    problems->setObjectName(QStringLiteral("knownPeersProblems"));
    problems->setTextFormat(Qt::PlainText);
    problems->setWordWrap(true);
    const QStringList lines = loaded ? m_peers->warnings() : QStringList { loaded.error() };
    problems->setText(tr("Some of %1 could not be read:\n%2")
                          .arg(QDir::toNativeSeparators(m_paths.knownPeersFile()), lines.join(u'\n')));
    problems->setVisible(!lines.isEmpty());

    m_forget = new QPushButton(tr("&Forget…"), page);
    m_forget->setObjectName(QStringLiteral("forgetButton"));
    m_forget->setAutoDefault(false);
    m_forget->setEnabled(false);
    connect(m_forget, &QPushButton::clicked, this, &SettingsDialog::forgetSelectedPeer);
    auto* shortcut = new QShortcut(QKeySequence::Delete, m_peersView);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &SettingsDialog::forgetSelectedPeer);
    const auto updateForget = [this] { m_forget->setEnabled(m_peersView->selectionModel()->hasSelection()); };
    connect(m_peersView->selectionModel(), &QItemSelectionModel::selectionChanged, this, updateForget);
    connect(m_peers, &QAbstractItemModel::modelReset, this, updateForget);
    connect(m_peers, &QAbstractItemModel::rowsRemoved, this, updateForget);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_forget);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_peersView, 1);
    layout->addWidget(problems);
    layout->addLayout(buttons);
    return page;
}

void SettingsDialog::forgetSelectedPeer()
{
    const QModelIndexList selected = m_peersView->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    const int row = selected.first().row();
    const QString hostPort = m_peers->index(row, KnownPeersModel::HostPortColumn).data().toString();
    if (!PlainMessageBox::confirm(this, tr("Forget %1?").arg(hostPort),
            tr("SecureChat will no longer recognise the certificate of %1. The next time you connect, "
               "it will ask you again whether to trust the certificate it presents.")
                .arg(hostPort)))
        return;
    if (const Status forgotten = m_peers->forget(row); !forgotten)
        PlainMessageBox::warn(this, tr("Peer Not Forgotten"), forgotten.error());
}

QWidget* SettingsDialog::buildKnownClientsPage()
{
    auto* page = new QWidget(this);
    auto* intro = new QLabel(tr("People who joined sessions you host, and whom you chose to always admit or "
                                "removed and blocked. Forget or unblock one to be asked about them again. "
                                "Changes apply to the sessions you host from now on."),
        page);
    intro->setWordWrap(true);

    KnownClients clients(m_paths.knownClientsFile());
    const Status loaded = clients.load();
    m_clients = new KnownClientsModel(std::move(clients), this);
    m_clientsView = new QTableView(page);
    m_clientsView->setObjectName(QStringLiteral("knownClientsView"));
    m_clientsView->setAccessibleName(tr("Known clients"));
    m_clientsView->setModel(m_clients);
    m_clientsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_clientsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_clientsView->verticalHeader()->hide();
    QHeaderView* header = m_clientsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(KnownClientsModel::FingerprintColumn, QHeaderView::Stretch);
    m_clientsView->setTextElideMode(Qt::ElideMiddle);
    m_clientsView->setWordWrap(false);

    auto* problems = new QLabel(page);
    problems->setObjectName(QStringLiteral("knownClientsProblems"));
    problems->setTextFormat(Qt::PlainText);
    problems->setWordWrap(true);
    const QStringList lines = loaded ? m_clients->warnings() : QStringList { loaded.error() };
    problems->setText(tr("Some of %1 could not be read:\n%2")
                          .arg(QDir::toNativeSeparators(m_paths.knownClientsFile()), lines.join(u'\n')));
    problems->setVisible(!lines.isEmpty());

    m_forgetClient = new QPushButton(tr("&Forget…"), page);
    m_forgetClient->setObjectName(QStringLiteral("forgetClientButton"));
    m_forgetClient->setAutoDefault(false);
    connect(m_forgetClient, &QPushButton::clicked, this, &SettingsDialog::forgetSelectedClient);
    auto* shortcut = new QShortcut(QKeySequence::Delete, m_clientsView);
    shortcut->setContext(Qt::WidgetShortcut);
    connect(shortcut, &QShortcut::activated, this, &SettingsDialog::forgetSelectedClient);
    connect(m_clientsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SettingsDialog::updateForgetClient);
    connect(m_clients, &QAbstractItemModel::modelReset, this, &SettingsDialog::updateForgetClient);
    updateForgetClient();

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_forgetClient);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_clientsView, 1);
    layout->addWidget(problems);
    layout->addLayout(buttons);
    return page;
}

void SettingsDialog::updateForgetClient()
{
    const QModelIndexList selected = m_clientsView->selectionModel()->selectedRows();
    const bool blocked = !selected.isEmpty()
        && m_clients->client(selected.first().row()).verdict == KnownClient::Verdict::Block;
    // The same act either way (the client becomes a stranger), named for what the person sees.
    m_forgetClient->setText(blocked ? tr("&Unblock…") : tr("&Forget…"));
    m_forgetClient->setEnabled(!selected.isEmpty());
}

void SettingsDialog::forgetSelectedClient()
{
    const QModelIndexList selected = m_clientsView->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    const int row = selected.first().row();
    const KnownClient client = m_clients->client(row);
    const QString nick = m_clients->index(row, KnownClientsModel::NickColumn).data().toString();
    const bool blocked = client.verdict == KnownClient::Verdict::Block;
    const bool confirmed = blocked
        ? PlainMessageBox::confirm(this, tr("Unblock %1?").arg(nick),
            tr("The certificate of %1 will no longer be refused. When it comes back, you are asked about it "
               "again, as about anyone new.")
                .arg(nick))
        : PlainMessageBox::confirm(this, tr("Forget %1?").arg(nick),
            tr("%1 will no longer be admitted without a question. When they come back, you are asked about "
               "them again, as about anyone new.")
                .arg(nick));
    if (!confirmed)
        return;
    if (const Status forgotten = m_clients->forget(row); !forgotten)
        PlainMessageBox::warn(
            this, blocked ? tr("Client Not Unblocked") : tr("Client Not Forgotten"), forgotten.error());
}

} // namespace securechat
