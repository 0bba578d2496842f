// SPDX-License-Identifier: MIT
#include "guestclient.h"
#include "hostedsession.h"
#include "mainwindow.h"
#include "participantmodel.h"
#include "sessionharness.h"
#include "sessiontab.h"

#include <QApplication>
#include <QFontMetrics>
#include <QListView>
#include <QTemporaryDir>
#include <QTest>

using namespace securechat;

namespace {

// The height the row's text needs when wrapped at the width the view gives it.
int wrappedTextHeight(const QListView& view, const QModelIndex& index)
{
    const int textWidth = view.visualRect(index).width() - view.iconSize().width() - 12;
    const QRect needed
        = QFontMetrics(view.font())
              .boundingRect(QRect(0, 0, textWidth, 10'000), Qt::TextWordWrap, index.data().toString());
    return needed.height();
}

} // namespace

class TestParticipantList : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyRowShowsItsWholeText_data();
    void everyRowShowsItsWholeText();
};

void TestParticipantList::everyRowShowsItsWholeText_data()
{
    QTest::addColumn<int>("windowWidth");
    QTest::addColumn<int>("widthOnceJoined");
    QTest::addColumn<int>("fontPixels");
    QTest::newRow("the screenshots' window") << 980 << 980 << 13;
    QTest::newRow("a large font") << 980 << 980 << 20;
    QTest::newRow("a wide window") << 1400 << 1400 << 13;
    QTest::newRow("the smallest window") << 640 << 640 << 13;
    QTest::newRow("narrowed once joined") << 1400 << 980 << 13;
    QTest::newRow("widened once joined") << 640 << 1400 << 20;
}

void TestParticipantList::everyRowShowsItsWholeText()
{
    QFETCH(int, windowWidth);
    QFETCH(int, widthOnceJoined);
    QFETCH(int, fontPixels);
    QFont font = QApplication::font();
    font.setPixelSize(fontPixels); // large enough that the trust words wrap in the pane
    QApplication::setFont(font);
    QTemporaryDir home;
    MainWindow window { AppPaths(home.path()) };
    window.resize(windowWidth, 680);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto tab = window.host(test::hostOptions());
    QVERIFY2(tab, qPrintable(tab ? QString() : tab.error()));
    const quint16 port = static_cast<const HostedSession&>(tab.value()->session()).host().port();
    const auto bob = test::guest(port, QStringLiteral("bob"));
    QVERIFY(QTest::qWaitFor([&] { return tab.value()->participants().rowCount() == 2; }, 10'000));
    window.resize(widthOnceJoined, 680);
    QTest::qWait(50); // the view lays its rows out

    const QListView& view = *tab.value()->participantView();
    for (int row = 0; row < view.model()->rowCount(); ++row) {
        const QModelIndex index = view.model()->index(row, 0);
        QVERIFY2(view.visualRect(index).height() >= wrappedTextHeight(view, index),
            qPrintable(QStringLiteral("row %1 (%2) is %3 px high, its text needs %4")
                           .arg(row)
                           .arg(index.data().toString().replace(u'\n', u' '))
                           .arg(view.visualRect(index).height())
                           .arg(wrappedTextHeight(view, index))));
    }
}

QTEST_MAIN(TestParticipantList)
#include "tst_participantlist.moc"
