// SPDX-License-Identifier: MIT
#include "focusring.h"
#include "mainwindow.h"
#include "sessionharness.h"
#include "sessiontab.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using namespace securechat;

namespace {

QRect inWindow(const QWidget* widget)
{
    return QRect(widget->mapTo(widget->window(), QPoint(0, 0)), widget->size());
}

bool isHighlight(const QColor& pixel, const QColor& highlight)
{
    return std::abs(pixel.red() - highlight.red()) + std::abs(pixel.green() - highlight.green())
        + std::abs(pixel.blue() - highlight.blue())
        < 60;
}

} // namespace

class TestFocusRing final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everyTabStopOfTheWindowIsRinged();
    void ringIsDrawnInTheHighlightColour();
    void clickingHidesTheRing();
    void followsFocusIntoADialog();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestFocusRing::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_window = std::make_unique<MainWindow>(AppPaths(m_dir->path()));
    QVERIFY(m_window->host(test::hostOptions()));
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

// Tab from the message input round the whole window: each stop has the ring around it.
void TestFocusRing::everyTabStopOfTheWindowIsRinged()
{
    const FocusRing focusRing;
    m_window->currentTab()->setFocus(Qt::OtherFocusReason);
    QVERIFY(focusRing.ring() == nullptr); // not until the keyboard moves the focus
    QList<QWidget*> stops;
    for (int i = 0; i < 40; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget* focused = QApplication::focusWidget();
        QVERIFY(focused);
        if (stops.contains(focused))
            break; // round once
        stops.append(focused);
        const QWidget* ring = focusRing.ring();
        const QString name = QString::fromLatin1(focused->metaObject()->className());
        QVERIFY2(ring && ring->isVisible(), qPrintable(name));
        QCOMPARE(ring->parentWidget(), focused->window());
        QVERIFY2(ring->geometry().contains(inWindow(focused).adjusted(-1, -1, 1, 1)), qPrintable(name));
    }
    QVERIFY2(stops.size() >= 4, qPrintable(QString::number(stops.size())));
}

void TestFocusRing::ringIsDrawnInTheHighlightColour()
{
    const FocusRing focusRing;
    m_window->currentTab()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    const QWidget* ring = focusRing.ring();
    QVERIFY(ring);
    const QImage shot = m_window->grab().toImage();
    const QColor highlight = m_window->palette().color(QPalette::Active, QPalette::Highlight);
    const QRect around = ring->geometry();
    QVERIFY(isHighlight(shot.pixelColor(around.left(), around.center().y()), highlight));
    QVERIFY(isHighlight(shot.pixelColor(around.center().x(), around.bottom()), highlight));
}

void TestFocusRing::clickingHidesTheRing()
{
    const FocusRing focusRing;
    m_window->currentTab()->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(focusRing.ring());
    QWidget* input = m_window->currentTab()->focusProxy();
    QTest::mouseClick(input, Qt::LeftButton);
    QVERIFY(focusRing.ring() == nullptr);
}

void TestFocusRing::followsFocusIntoADialog()
{
    const FocusRing focusRing;
    m_window->hide(); // offscreen, a second window is only active alone
    QDialog dialog;
    auto* field = new QLineEdit(&dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(field);
    layout->addWidget(buttons);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    field->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(field, Qt::Key_Tab);
    const QWidget* ring = focusRing.ring();
    QVERIFY(ring);
    QCOMPARE(ring->parentWidget(), &dialog);
    QVERIFY(ring->geometry().contains(inWindow(QApplication::focusWidget())));
}

QTEST_MAIN(TestFocusRing)
#include "tst_focusring.moc"
