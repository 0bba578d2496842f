// SPDX-License-Identifier: MIT
#include "scaledfont.h"

#include <QTest>

using namespace securechat;

class TestScaledFont : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void growsInTheUnitItIsSizedIn_data();
    void growsInTheUnitItIsSizedIn();
};

void TestScaledFont::growsInTheUnitItIsSizedIn_data()
{
    QTest::addColumn<QFont>("font");
    QTest::addColumn<qreal>("factor");
    QTest::addColumn<qreal>("points");
    QTest::addColumn<int>("pixels");
    QFont inPoints;
    inPoints.setPointSizeF(10);
    QFont inPixels;
    inPixels.setPixelSize(13);
    QTest::newRow("points, a heading") << inPoints << 1.2 << 12.0 << -1;
    QTest::newRow("points, the welcome title") << inPoints << 1.6 << 16.0 << -1;
    QTest::newRow("pixels, a heading") << inPixels << 1.2 << -1.0 << 16;
    QTest::newRow("pixels, the welcome title") << inPixels << 1.6 << -1.0 << 21;
}

void TestScaledFont::growsInTheUnitItIsSizedIn()
{
    QFETCH(QFont, font);
    QFETCH(qreal, factor);
    QFETCH(qreal, points);
    QFETCH(int, pixels);
    const QFont scaled = scaledFont(font, factor);
    QCOMPARE(scaled.pointSizeF(), points);
    QCOMPARE(scaled.pixelSize(), pixels);
    QCOMPARE(scaled.family(), font.family());
}

QTEST_MAIN(TestScaledFont)
#include "tst_scaledfont.moc"
