// SPDX-License-Identifier: MIT
// The main window and dialogs on a 1600×1000 screen at QT_SCALE_FACTOR=2 (800×500 in Qt's
// units): they open inside the screen, and the host banner and input keep their text whole at
// small sizes.
// Run by ctest with that screen (screen-1600x1000.json) and that factor; see CMakeLists.txt.
#include "mainwindow.h"
#include "messageinput.h"
#include "screenfit.h"
#include "sessionbanner.h"
#include "sessionharness.h"
#include "sessiontab.h"

#include <QDialog>
#include <QLabel>
#include <QScreen>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QRect available()
{
    return QGuiApplication::primaryScreen()->availableGeometry();
}

// What a label needs to show all of its text at its width.
int neededHeight(const QLabel* label)
{
    return label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().height();
}

} // namespace

class TestWindowFit final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void opensInsideTheScreen();
    void rememberedSizeFromABiggerScreenIsShrunk();
    void dialogsAreShrunkToTheScreen();
    void hostBannerIsWholeAtSmallSizes_data();
    void hostBannerIsWholeAtSmallSizes();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWindowFit::initTestCase()
{
    QScreen* screen = QGuiApplication::primaryScreen();
    QCOMPARE(screen->devicePixelRatio(), 2.0);
    QCOMPARE(screen->geometry().size(), QSize(800, 500));
}

void TestWindowFit::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestWindowFit::opensInsideTheScreen()
{
    MainWindow window { AppPaths(m_dir->path()) };
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY2(available().contains(window.frameGeometry()),
        qPrintable(str("window %1×%2 at %3,%4")
                       .arg(window.frameGeometry().width())
                       .arg(window.frameGeometry().height())
                       .arg(window.frameGeometry().x())
                       .arg(window.frameGeometry().y())));
    // With a session open the window may not need more room either.
    QVERIFY(window.host(test::hostOptions()));
    QCoreApplication::processEvents();
    QVERIFY(available().contains(window.frameGeometry()));
}

void TestWindowFit::rememberedSizeFromABiggerScreenIsShrunk()
{
    {
        MainWindow window { AppPaths(m_dir->path()) };
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setGeometry(100, 100, 1500, 1200); // as on a big monitor
        window.close();
    }
    MainWindow again { AppPaths(m_dir->path()) };
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(available().contains(again.frameGeometry()));
}

// As the certificate dialog asks: at least 600×480, preferably 720×640, on a screen 500 high.
void TestWindowFit::dialogsAreShrunkToTheScreen()
{
    const ScreenFit screenFit;
    QDialog dialog;
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(str("Certificate"), &dialog));
    dialog.setMinimumSize(600, 480);
    dialog.resize(720, 640);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY2(available().contains(dialog.frameGeometry()),
        qPrintable(
            str("dialog %1×%2").arg(dialog.frameGeometry().width()).arg(dialog.frameGeometry().height())));
}

void TestWindowFit::hostBannerIsWholeAtSmallSizes_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::newRow("screen") << 780 << 460;
    QTest::newRow("half a screen") << 640 << 420;
    QTest::newRow("smallest") << 0 << 0; // the window's minimum size
}

void TestWindowFit::hostBannerIsWholeAtSmallSizes()
{
    QFETCH(int, width);
    QFETCH(int, height);
    MainWindow window { AppPaths(m_dir->path()) };
    auto tab = window.host(test::hostOptions());
    QVERIFY(tab);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.resize(width, height); // clamped to the minimum size
    QTRY_VERIFY(window.width() <= std::max(width, window.minimumSizeHint().width()));
    QCoreApplication::processEvents();

    const auto* banner = tab.value()->findChild<SessionBanner*>();
    QVERIFY(banner && banner->isVisible());
    for (const QLabel* label : banner->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        QTRY_VERIFY2(
            label->height() >= neededHeight(label) && label->width() >= label->minimumSizeHint().width(),
            qPrintable(str("\"%1\" is %2×%3, needs height %4")
                           .arg(label->text().left(30))
                           .arg(label->width())
                           .arg(label->height())
                           .arg(neededHeight(label))));
        QVERIFY(banner->rect().contains(QRect(label->mapTo(banner, QPoint(0, 0)), label->size())));
    }
    const auto* input = tab.value()->findChild<MessageInput*>();
    const QRect placeholder = input->fontMetrics().boundingRect(
        QRect(0, 0, input->viewport()->width(), 10000), Qt::TextWordWrap, input->placeholderText());
    QVERIFY2(input->viewport()->height() >= placeholder.height(),
        qPrintable(
            str("input %1 high, placeholder %2").arg(input->viewport()->height()).arg(placeholder.height())));
}

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
