// SPDX-License-Identifier: MIT
#include "discoveredsessionlist.h"

#include "discovery/sessionbrowser.h"
#include "protocol/textsanitizer.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace securechat {

namespace {
    constexpr int SessionRole = Qt::UserRole;

    QString shown(const QString& fromNetwork)
    {
        return TextSanitizer::forDisplay(fromNetwork);
    }
} // namespace

DiscoveredSessionList::DiscoveredSessionList(QWidget* parent)
    : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("discoveredSessions"));
    m_list->setAccessibleName(tr("Sessions on the local network"));
    // Wrapped at the list's width, not cut off behind a sideways scroll bar: the fingerprint at the
    // end is what tells two sessions of one name apart.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setResizeMode(QListView::Adjust);
    // A few lines: the form below matters more, and a busy network scrolls.
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 5 + 2 * m_list->frameWidth() + 8);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("discoveryState"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_state->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addWidget(m_state);

    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT sessionChosen(item->data(SessionRole).value<DiscoveredSession>());
    });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT sessionChosen(item->data(SessionRole).value<DiscoveredSession>());
    });
    updatePlaceholder();
}

DiscoveredSessionList::~DiscoveredSessionList() = default;

void DiscoveredSessionList::browse()
{
    if (m_browser)
        return;
    m_browser = new SessionBrowser(this);
    connect(m_browser, &SessionBrowser::sessionFound, this, &DiscoveredSessionList::addSession);
    connect(m_browser, &SessionBrowser::sessionLost, this, &DiscoveredSessionList::removeSession);
    connect(m_browser, &SessionBrowser::unavailable, this, &DiscoveredSessionList::showUnavailable);
    m_browser->start();
}

QList<DiscoveredSession> DiscoveredSessionList::sessions() const
{
    QList<DiscoveredSession> all;
    for (int row = 0; row < m_list->count(); ++row)
        all << m_list->item(row)->data(SessionRole).value<DiscoveredSession>();
    return all;
}

QString DiscoveredSessionList::describe(const DiscoveredSession& session)
{
    const QString fingerprint
        = session.hasFingerprint() ? session.fingerprintStart() : tr("no fingerprint announced");
    return tr("%1 on %2 (%3:%4) · %5")
        .arg(shown(session.nickname), shown(session.hostName), session.address)
        .arg(session.port)
        .arg(fingerprint);
}

void DiscoveredSessionList::addSession(const DiscoveredSession& session)
{
    QListWidgetItem* item = nullptr;
    for (int row = 0; row < m_list->count() && !item; ++row) {
        if (m_list->item(row)->data(SessionRole).value<DiscoveredSession>().serviceName
            == session.serviceName)
            item = m_list->item(row);
    }
    if (!item)
        item = new QListWidgetItem(m_list);
    item->setText(describe(session));
    item->setToolTip(shown(session.serviceName));
    item->setData(SessionRole, QVariant::fromValue(session));
    updatePlaceholder();
}

void DiscoveredSessionList::removeSession(const QString& serviceName)
{
    for (int row = m_list->count() - 1; row >= 0; --row) {
        if (m_list->item(row)->data(SessionRole).value<DiscoveredSession>().serviceName == serviceName)
            delete m_list->takeItem(row);
    }
    updatePlaceholder();
}

void DiscoveredSessionList::showUnavailable(const QString& reason)
{
    m_unavailable = true;
    m_state->setText(reason);
    updatePlaceholder();
}

void DiscoveredSessionList::updatePlaceholder()
{
    if (m_unavailable) {
        m_state->show();
        return;
    }
    m_state->setText(m_list->count() == 0 ? tr("No sessions found on the local network yet.")
                                          : tr("Found on the network: a hint where to connect, not a "
                                               "reason to trust. The certificate is still checked."));
    m_state->show();
}

} // namespace securechat
