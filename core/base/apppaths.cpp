// SPDX-License-Identifier: MIT
#include "base/apppaths.h"

#include <QDir>
#include <QStandardPaths>

namespace securechat {

namespace {

    QString location(QStandardPaths::StandardLocation type)
    {
        // The generic locations plus our own name, so that the CLI and the desktop app (which may
        // carry different application names) share one set of files.
        return QStandardPaths::writableLocation(type) + QStringLiteral("/securechat");
    }

} // namespace

AppPaths::AppPaths(QString configDirOverride)
    : m_override(std::move(configDirOverride))
{
}

QString AppPaths::identityDirectory() const
{
    return m_override.isEmpty() ? location(QStandardPaths::GenericDataLocation) + QStringLiteral("/identity")
                                : QDir(m_override).filePath(QStringLiteral("identity"));
}

QString AppPaths::knownPeersFile() const
{
    return m_override.isEmpty()
        ? location(QStandardPaths::GenericConfigLocation) + QStringLiteral("/known_peers")
        : QDir(m_override).filePath(QStringLiteral("known_peers"));
}

QString AppPaths::knownClientsFile() const
{
    return m_override.isEmpty()
        ? location(QStandardPaths::GenericConfigLocation) + QStringLiteral("/known_clients")
        : QDir(m_override).filePath(QStringLiteral("known_clients"));
}

QString AppPaths::settingsFile() const
{
    return m_override.isEmpty()
        ? location(QStandardPaths::GenericConfigLocation) + QStringLiteral("/securechat.ini")
        : QDir(m_override).filePath(QStringLiteral("securechat.ini"));
}

QString AppPaths::historyFile() const
{
    return m_override.isEmpty()
        ? location(QStandardPaths::GenericDataLocation) + QStringLiteral("/history.sqlite")
        : QDir(m_override).filePath(QStringLiteral("history.sqlite"));
}

} // namespace securechat
