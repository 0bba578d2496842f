// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QList>

class QMessageBox;
class QWidget;

namespace securechat {

class SessionTab;

/// Ending a session that others are in, on purpose (Disconnect, closing its tab, Quit), is asked
/// about first: "End the session for 2 participants?".
class EndSessionQuestion final {
    Q_DECLARE_TR_FUNCTIONS(EndSessionQuestion)

public:
    /// Everyone but this person in the sessions among tabs that this person hosts.
    static int participantsIn(const QList<SessionTab*>& tabs);
    /// The question, not yet shown; its "End Session" button is named "endSessionButton".
    static QMessageBox* create(int participants, QWidget* parent);
};

} // namespace securechat
