// SPDX-License-Identifier: MIT
#pragma once

#include "chatmessagemodel.h"
#include "mainwindow.h"
#include "messageinput.h"
#include "participantmodel.h"
#include "sessiontab.h"

#include "base/apppaths.h"
#include "trust/knownpeers.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace securechat::test {

inline QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

/// One person's app, as the widget tests drive it: a shown main window with its own identity,
/// known peers, known clients and settings in a temporary home.
struct Person {
    QTemporaryDir home;
    std::unique_ptr<MainWindow> window;

    Person()
        : window(std::make_unique<MainWindow>(AppPaths(home.path())))
    {
        window->show();
    }
    SessionTab* tab() const { return window->currentTab(); }
    ChatSession& session() const { return tab()->session(); }
    ChatMessageModel& messages() const { return tab()->messages(); }
    QString lastText() const { return messages().index(messages().rowCount() - 1).data().toString(); }
    KnownPeers knownPeers() const
    {
        KnownPeers peers(AppPaths(home.path()).knownPeersFile());
        if (!peers.load())
            qFatal("cannot read known peers");
        return peers;
    }
    template <typename Dialog> Dialog* visible() const
    {
        for (Dialog* dialog : window->findChildren<Dialog*>()) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }
    void type(const QString& text) const
    {
        QTest::keyClicks(tab()->input(), text);
        QTest::keyClick(tab()->input(), Qt::Key_Return);
    }
    // The second line of nick's row in the participant list: its trust words and fingerprint.
    QString trustLineOf(const QString& nick) const
    {
        const ParticipantModel& list = tab()->participants();
        for (int row = 0; row < list.rowCount(); ++row) {
            const QModelIndex index = list.index(row);
            if (index.data(ParticipantModel::NickRole).toString() == nick)
                return index.data().toString().section(u'\n', 1);
        }
        return QString();
    }
};

} // namespace securechat::test
