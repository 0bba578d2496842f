// SPDX-License-Identifier: MIT
#pragma once

#include "discovery/discoveredsession.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace securechat {

class SessionBrowser;

/// The Connect dialog's list of sessions announced on the local network, kept live: a session
/// appears when found and goes when lost. Everything in it came from the network and is shown as
/// text; choosing one is a hint where to connect, never a reason to trust it.
class DiscoveredSessionList final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiscoveredSessionList)

public:
    explicit DiscoveredSessionList(QWidget* parent = nullptr);
    ~DiscoveredSessionList() override;

    /// Listens to avahi-daemon through a SessionBrowser of its own.
    void browse();
    QList<DiscoveredSession> sessions() const;
    /// The line shown for a session.
    static QString describe(const DiscoveredSession& session);

public Q_SLOTS:
    /// Adds the session, or updates it when its announcement changed.
    void addSession(const securechat::DiscoveredSession& session);
    void removeSession(const QString& serviceName);
    void showUnavailable(const QString& reason);

Q_SIGNALS:
    void sessionChosen(const securechat::DiscoveredSession& session);

private:
    void updatePlaceholder();

    QListWidget* m_list = nullptr;
    QLabel* m_state = nullptr;
    SessionBrowser* m_browser = nullptr;
    bool m_unavailable = false;
};

} // namespace securechat
