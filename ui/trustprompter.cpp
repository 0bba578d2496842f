// SPDX-License-Identifier: MIT
#include "trustprompter.h"

#include "joinedsession.h"
#include "trustpromptdialog.h"
#include "trustrefusaldialog.h"

namespace securechat {

TrustPrompter::TrustPrompter(JoinedSession* session, QWidget* dialogParent)
    : QObject(session)
    , m_session(session)
    , m_dialogParent(dialogParent)
{
    connect(session, &JoinedSession::trustRequired, this, [this](const TrustAssessment& assessment) {
        m_prompt = new TrustPromptDialog(assessment, m_session->hostChain(), m_dialogParent);
        m_prompt->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_prompt, &TrustPromptDialog::answered, m_session, &JoinedSession::answerTrust);
        m_prompt->open();
    });
    // The host may go away while the person reads: the question is moot then.
    connect(session, &ChatSession::ended, this, [this] {
        if (m_prompt)
            m_prompt->reject();
    });
    connect(session, &JoinedSession::trustRefused, this, [this](const TrustAssessment& assessment) {
        auto* dialog = new TrustRefusalDialog(assessment, m_session->endpoint(), m_dialogParent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &TrustRefusalDialog::openSettingsRequested, this,
            [this] { Q_EMIT knownPeersRequested(m_session->endpoint()); });
        dialog->open();
    });
}

TrustPrompter::~TrustPrompter()
{
    // The session is being destroyed (its tab closed): nobody is left to answer.
    if (m_prompt)
        m_prompt->reject();
}

} // namespace securechat
