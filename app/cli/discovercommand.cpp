// SPDX-License-Identifier: MIT
#include "discovercommand.h"

#include "console.h"
#include "discovery/sessionbrowser.h"
#include "exitcode.h"
#include "protocol/textsanitizer.h"

#include <QTimer>

#include <algorithm>

namespace securechat::cli {

namespace {

    /// Text from the network as one column: no controls, no tab to shift the columns.
    QString column(const QString& text)
    {
        return TextSanitizer::forDisplay(text).replace(u'\t', u' ');
    }

} // namespace

DiscoverCommand::DiscoverCommand(DiscoverArguments arguments, QObject* parent)
    : QObject(parent)
    , m_arguments(arguments)
{
}

int DiscoverCommand::start()
{
    m_browser = new SessionBrowser(this);
    connect(m_browser, &SessionBrowser::unavailable, this, [this](const QString& reason) {
        Console::error(reason);
        Q_EMIT finished(ExitNetwork);
    });
    QTimer::singleShot(std::chrono::seconds(m_arguments.timeoutSeconds), this, [this] {
        printSessions();
        Q_EMIT finished(ExitOk);
    });
    m_browser->start();
    return -1;
}

void DiscoverCommand::printSessions()
{
    QList<DiscoveredSession> sessions = m_browser->sessions();
    std::sort(sessions.begin(), sessions.end(),
        [](const DiscoveredSession& a, const DiscoveredSession& b) { return a.serviceName < b.serviceName; });
    // Everything here came from the network: shown as text, tab-separated for scripts.
    for (const DiscoveredSession& session : std::as_const(sessions)) {
        Console::line(QStringList { column(session.serviceName), column(session.hostName),
            QStringLiteral("%1:%2").arg(session.address).arg(session.port), column(session.nickname),
            session.hasFingerprint() ? session.fingerprintStart() : tr("no fingerprint") }
                          .join(u'\t'));
    }
    if (sessions.isEmpty())
        Console::status(tr("no sessions found on the local network"));
}

} // namespace securechat::cli
