// SPDX-License-Identifier: MIT
#include "chatmessagedelegate.h"
#include "chatmessagemodel.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStyleOptionViewItem>
#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

constexpr int Width = 600;

QStyleOptionViewItem optionFor(int width = Width)
{
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.palette = QApplication::palette();
    option.rect = QRect(0, 0, width, 0);
    return option;
}

int heightOf(const QString& text, int width = Width)
{
    ChatMessageModel model;
    model.appendMessage({ 1, QString(), str("alice"), text, QDateTime::currentDateTimeUtc() });
    ChatMessageDelegate delegate;
    return delegate.sizeHint(optionFor(width), model.index(0)).height();
}

// Paints row 0 of model into a white image of the row's size.
QImage paintRow(const ChatMessageModel& model, ChatMessageDelegate& delegate)
{
    QStyleOptionViewItem option = optionFor();
    const QSize size = delegate.sizeHint(option, model.index(0));
    option.rect = QRect(QPoint(0, 0), size);
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    delegate.paint(&painter, option, model.index(0));
    return image;
}

bool containsColour(const QImage& image, const QColor& wanted, int tolerance = 40)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - wanted.red()) + std::abs(pixel.green() - wanted.green())
                    + std::abs(pixel.blue() - wanted.blue())
                < tolerance)
                return true;
        }
    }
    return false;
}

} // namespace

class TestChatMessageDelegate final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void markupTakesOneLine_data();
    void markupTakesOneLine();
    void eachLineBreakAddsALine();
    void longTextWrapsToTheWidth();
    void nickColourIsStable();
    void nickColoursDiffer();
    void nickColourSuitsDarkPalettes();
    void deliveredMessageShowsCheckMark();
    void highlightMarksMatches();
};

// Were the text parsed as HTML, each of these would be taller than one line (line breaks,
// a heading, an image) or empty; as plain text each is one short line like any other.
void TestChatMessageDelegate::markupTakesOneLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("line breaks") << str("<br><br><br><br>x");
    QTest::newRow("heading") << str("<h1>big</h1>");
    QTest::newRow("image") << str("<b>x</b><img src=/etc/hostname>");
    QTest::newRow("table") << str("<table><tr><td>a</td></tr><tr><td>b</td></tr></table>");
}

void TestChatMessageDelegate::markupTakesOneLine()
{
    QFETCH(QString, text);
    QCOMPARE(heightOf(text), heightOf(str("plain")));
}

void TestChatMessageDelegate::eachLineBreakAddsALine()
{
    const int one = heightOf(str("a"));
    const int three = heightOf(str("a\nb\nc"));
    const int lineHeight = QFontMetrics(QApplication::font()).height();
    QVERIFY2(three >= one + 2 * lineHeight - 2, qPrintable(str("one %1, three %2").arg(one).arg(three)));
}

void TestChatMessageDelegate::longTextWrapsToTheWidth()
{
    const QString text = str("word ").repeated(80);
    const int wide = heightOf(text, 1200);
    const int narrow = heightOf(text, 400);
    QVERIFY2(narrow > wide, qPrintable(str("wide %1, narrow %2").arg(wide).arg(narrow)));
    QVERIFY(heightOf(str("x").repeated(400), 400) > heightOf(str("x"), 400)); // no spaces: wraps anywhere
}

void TestChatMessageDelegate::nickColourIsStable()
{
    const QPalette palette = QApplication::palette();
    QCOMPARE(ChatMessageDelegate::nickColor(str("alice"), palette),
        ChatMessageDelegate::nickColor(str("alice"), palette));
    // Fixed across runs and machines: FNV-1a of the nickname, no random seed ("alice" -> 239°).
    const int hue = ChatMessageDelegate::nickColor(str("alice"), palette).hslHue();
    QVERIFY2(std::abs(hue - 239) <= 1, qPrintable(QString::number(hue)));
}

void TestChatMessageDelegate::nickColoursDiffer()
{
    const QPalette palette = QApplication::palette();
    QSet<QRgb> colours;
    for (const char* nick : { "alice", "bob", "carol", "dave", "erin", "frank" })
        colours.insert(ChatMessageDelegate::nickColor(str(nick), palette).rgb());
    QVERIFY2(colours.size() >= 5, "nearly every nickname gets its own colour");
}

void TestChatMessageDelegate::nickColourSuitsDarkPalettes()
{
    QPalette dark;
    dark.setColor(QPalette::Base, Qt::black);
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    QVERIFY(ChatMessageDelegate::nickColor(str("alice"), dark).lightnessF()
        > ChatMessageDelegate::nickColor(str("alice"), light).lightnessF() + 0.2);
}

void TestChatMessageDelegate::deliveredMessageShowsCheckMark()
{
    const QColor checkGreen(0x1e, 0x8a, 0x4c);
    ChatMessageModel model;
    model.appendMessage({ 0, str("m1"), str("bob"), str("on its way"), QDateTime::currentDateTimeUtc() },
        ChatMessageModel::Kind::OwnMessage, ChatMessageModel::Delivery::Pending);
    ChatMessageDelegate delegate;
    QVERIFY(!containsColour(paintRow(model, delegate), checkGreen));
    QVERIFY(model.markDelivered(str("m1")));
    QVERIFY(containsColour(paintRow(model, delegate), checkGreen));
}

void TestChatMessageDelegate::highlightMarksMatches()
{
    const QColor marker(255, 234, 102); // the find highlight blended over white
    ChatMessageModel model;
    model.appendMessage(
        { 1, QString(), str("alice"), str("find the needle here"), QDateTime::currentDateTimeUtc() });
    ChatMessageDelegate delegate;
    QVERIFY(!containsColour(paintRow(model, delegate), marker));
    delegate.setHighlight(str("NEEDLE"));
    QVERIFY(containsColour(paintRow(model, delegate), marker));
}

QTEST_MAIN(TestChatMessageDelegate)
#include "tst_chatmessagedelegate.moc"
