// SPDX-License-Identifier: MIT
#include "history/historyfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace securechat {

namespace {

    constexpr auto ownerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    constexpr auto ownerOnlyFolder = ownerOnlyFile | QFileDevice::ExeOwner;

    const QStringList& companionSuffixes()
    {
        static const QStringList suffixes { QStringLiteral("-wal"), QStringLiteral("-shm") };
        return suffixes;
    }

} // namespace

Status HistoryFile::makePrivate(const QString& path)
{
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QFileInfo(folder).isDir()) {
        if (!QDir().mkpath(folder) || !QFile::setPermissions(folder, ownerOnlyFolder))
            return Status::failure(tr("The folder %1 could not be created.").arg(folder));
    }
    QFile file(path);
    if (!info.exists()) {
        // Created 0600 before its first byte: a umask can only narrow that.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnlyFile))
            return Status::failure(tr("%1 could not be created (%2).").arg(path, file.errorString()));
        file.close();
    }
    if (!file.setPermissions(ownerOnlyFile))
        return Status::failure(
            tr("%1 could not be made readable by its owner only (%2).").arg(path, file.errorString()));
    return succeeded();
}

QString HistoryFile::unusedAsideName(const QString& path, const QDateTime& now)
{
    const QString base = path + QStringLiteral(".corrupt-") + now.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = base;
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = base + QLatin1Char('-') + QString::number(n);
    return candidate;
}

Status HistoryFile::moveAside(const QString& path, const QString& aside)
{
    // QFile::rename never replaces an existing file.
    QFile file(path);
    if (!file.rename(aside))
        return Status::failure(
            tr("%1 could not be renamed to %2 (%3).").arg(path, aside, file.errorString()));
    for (const QString& suffix : companionSuffixes()) {
        QFile companion(path + suffix);
        if (companion.exists() && !companion.rename(aside + suffix))
            return Status::failure(tr("%1 could not be renamed to %2 (%3).")
                                       .arg(companion.fileName(), aside + suffix, companion.errorString()));
    }
    return succeeded();
}

} // namespace securechat
