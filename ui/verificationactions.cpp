// SPDX-License-Identifier: MIT
#include "verificationactions.h"

#include "chatmessagemodel.h"
#include "hostedsession.h"
#include "invitelinkmaker.h"
#include "joinedsession.h"
#include "plainmessagebox.h"
#include "sessiontab.h"
#include "verifydialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>

namespace securechat {

namespace {

    QString peerOf(const SessionTab& tab, const QString& nick)
    {
        if (!nick.isEmpty())
            return nick;
        const QString selected = tab.selectedPeer();
        return selected.isEmpty() || selected == tab.session().ownNick() ? tab.session().defaultPeer()
                                                                         : selected;
    }

} // namespace

VerificationActions::VerificationActions(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    m_copyInviteLink = new QAction(tr("Copy &Invite Link"), this);
    m_copyInviteLink->setObjectName(QStringLiteral("actionCopyInviteLink"));
    m_copyInviteLink->setToolTip(tr("Copy a link to this session that names your certificate, to send "
                                    "over a channel you already trust"));
    connect(m_copyInviteLink, &QAction::triggered, this, [this] { copyInviteLinkOf(m_tab); });
    m_verify = new QAction(tr("&Verify…"), this);
    m_verify->setObjectName(QStringLiteral("actionVerify"));
    m_verify->setToolTip(tr("Compare the safety number with the other side"));
    connect(m_verify, &QAction::triggered, this, [this] { verifyIn(m_tab); });
    update(nullptr);
}

void VerificationActions::update(SessionTab* tab)
{
    m_tab = tab;
    const bool active = tab && tab->session().phase() == ChatSession::Phase::Active;
    m_copyInviteLink->setEnabled(active && qobject_cast<HostedSession*>(&tab->session()));
    m_verify->setEnabled(active);
}

void VerificationActions::copyInviteLinkOf(SessionTab* tab)
{
    const auto* hosted = tab ? qobject_cast<const HostedSession*>(&tab->session()) : nullptr;
    if (!hosted)
        return;
    const auto invite = InviteLinkMaker::forSession(*hosted);
    if (!invite) {
        PlainMessageBox::warn(m_window, tr("No Invite Link"), invite.error());
        return;
    }
    QApplication::clipboard()->setText(invite->link.toString());
    tab->messages().appendNotice(
        tr("Copied an invite link: %1 Send it over a channel you already trust; whoever opens it connects "
           "to exactly your certificate.")
            .arg(invite->explanation),
        ChatMessageModel::Kind::Notice);
}

void VerificationActions::verifyIn(SessionTab* tab, const QString& nick)
{
    if (!tab)
        return;
    const QString peer = peerOf(*tab, nick);
    const auto number = VerifyDialog::numberFor(tab->session(), peer);
    if (!number) {
        PlainMessageBox::warn(m_window, tr("Nothing to Verify"),
            qobject_cast<JoinedSession*>(&tab->session())
                ? tr("You can verify the host, once connected: the host vouches for the others.")
                : tr("%1 presented no certificate, so there is no safety number to compare.").arg(peer));
        return;
    }
    auto* dialog = new VerifyDialog(peer, *number, tab->session().isVerified(peer), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VerifyDialog::markedVerified, this, [this, tab, peer] { markVerified(tab, peer); });
    dialog->open();
}

void VerificationActions::markVerified(SessionTab* tab, const QString& nick)
{
    if (const Status marked = tab->session().markVerified(nick); !marked) {
        tab->messages().appendNotice(tr("%1 could not be marked as verified: %2").arg(nick, marked.error()),
            ChatMessageModel::Kind::Problem);
        return;
    }
    tab->messages().appendNotice(qobject_cast<const JoinedSession*>(&tab->session())
            ? tr("You verified %1 with the safety number; a changed certificate will be refused.").arg(nick)
            : tr("You verified %1 with the safety number; this certificate is now known to you and admitted "
                 "without a question.")
                  .arg(nick),
        ChatMessageModel::Kind::Notice);
}

} // namespace securechat
