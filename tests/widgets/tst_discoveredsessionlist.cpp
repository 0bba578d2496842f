// SPDX-License-Identifier: MIT
// The Connect dialog's list of sessions on the local network, fed as SessionBrowser feeds it.
#include "discoveredsessionlist.h"

#include <QListWidget>
#include <QScrollBar>
#include <QTest>

using namespace securechat;

class TestDiscoveredSessionList final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void longEntryWrapsInsteadOfScrollingSideways();
};

// As the Connect dialog lays it out: narrower than "erin on securechat-test.local
// (198.51.100.1:42117) · SHA256:28:38:94:A1…", whose end tells two sessions apart.
void TestDiscoveredSessionList::longEntryWrapsInsteadOfScrollingSideways()
{
    DiscoveredSessionList list;
    list.resize(list.fontMetrics().averageCharWidth() * 45, 200);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    DiscoveredSession session;
    session.serviceName = QStringLiteral("erin on securechat-test");
    session.hostName = QStringLiteral("securechat-test.local");
    session.address = QStringLiteral("198.51.100.1");
    session.port = 42117;
    session.nickname = QStringLiteral("erin");
    session.fingerprint = QStringLiteral("SHA256:") + QString(64, u'A');
    list.addSession(session);
    QApplication::processEvents();

    auto* view = list.findChild<QListWidget*>(QStringLiteral("discoveredSessions"));
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    const QRect shown = view->visualItemRect(view->item(0));
    QVERIFY2(shown.width() <= view->viewport()->width(), qPrintable(QString::number(shown.width())));
    const QString text = view->item(0)->text();
    const int needed
        = view->fontMetrics().boundingRect(QRect(0, 0, shown.width(), 1000), Qt::TextWordWrap, text).height();
    QVERIFY2(shown.height() >= needed, qPrintable(QStringLiteral("%1 < %2").arg(shown.height()).arg(needed)));
    QVERIFY(needed > view->fontMetrics().height()); // it did need more than one line
}

QTEST_MAIN(TestDiscoveredSessionList)
#include "tst_discoveredsessionlist.moc"
