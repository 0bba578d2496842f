// SPDX-License-Identifier: MIT
#include "endsessionquestion.h"

#include "hostedsession.h"
#include "lineicon.h"
#include "sessiontab.h"

#include <QMessageBox>
#include <QPushButton>

namespace securechat {

int EndSessionQuestion::participantsIn(const QList<SessionTab*>& tabs)
{
    qsizetype others = 0;
    for (const SessionTab* tab : tabs) {
        const auto* hosted = qobject_cast<const HostedSession*>(&tab->session());
        if (hosted && hosted->phase() == ChatSession::Phase::Active)
            others += hosted->participants().size() - 1; // the first is this person
    }
    return static_cast<int>(others);
}

QMessageBox* EndSessionQuestion::create(int participants, QWidget* parent)
{
    // Spelled out for one: without a translation, %n has no singular in English.
    auto* box = new QMessageBox(QMessageBox::Question, tr("End the Session?"),
        participants == 1 ? tr("End the session for 1 participant?")
                          : tr("End the session for %n participants?", nullptr, participants),
        QMessageBox::Cancel, parent);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("Everyone in it is told that you ended it."));
    QPushButton* end = box->addButton(tr("&End Session"), QMessageBox::AcceptRole);
    end->setObjectName(QStringLiteral("endSessionButton"));
    LineIcon::decorateDialogButton(end, QStringLiteral("disconnect"));
    box->setDefaultButton(QMessageBox::Cancel);
    return box;
}

} // namespace securechat
