// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace securechat {

/// Where SecureChat keeps the person's files: the XDG folders (QStandardPaths), or everything
/// under one folder given with --config-dir, for portable use and for tests.
class AppPaths final {
public:
    explicit AppPaths(QString configDirOverride = {});

    QString identityDirectory() const;
    QString knownPeersFile() const;
    QString knownClientsFile() const; ///< the host's "always admit" and "block" decisions
    QString settingsFile() const;
    QString historyFile() const; ///< the message history (SQLite), beside the identity

private:
    QString m_override;
};

} // namespace securechat
