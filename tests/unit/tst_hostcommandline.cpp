// SPDX-License-Identifier: MIT
#include "session/hostcommandline.h"

#include <QTest>

using namespace securechat;

Q_DECLARE_METATYPE(HostCommandLine::Verb)

class TestHostCommandLine final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void commandsAreParsed_data();
    void commandsAreParsed();
    void otherLinesAreMessages_data();
    void otherLinesAreMessages();
};

void TestHostCommandLine::commandsAreParsed_data()
{
    using Verb = HostCommandLine::Verb;
    QTest::addColumn<QString>("line");
    QTest::addColumn<Verb>("verb");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("reason");
    QTest::newRow("kick") << QStringLiteral("/kick bob") << Verb::Kick << QStringLiteral("bob")
                          << QStringLiteral("");
    QTest::newRow("kick with a reason") << QStringLiteral("/kick bob  too loud ") << Verb::Kick
                                        << QStringLiteral("bob") << QStringLiteral("too loud");
    QTest::newRow("block") << QStringLiteral("/block bob spam") << Verb::Block << QStringLiteral("bob")
                           << QStringLiteral("spam");
    QTest::newRow("admit") << QStringLiteral("/admit 3") << Verb::Admit << QStringLiteral("3")
                           << QStringLiteral("");
    QTest::newRow("always") << QStringLiteral("/always 3") << Verb::Always << QStringLiteral("3")
                            << QStringLiteral("");
    QTest::newRow("refuse with a reason") << QStringLiteral("/refuse 2 not now") << Verb::Refuse
                                          << QStringLiteral("2") << QStringLiteral("not now");
    QTest::newRow("surrounding spaces")
        << QStringLiteral("  /kick bob  ") << Verb::Kick << QStringLiteral("bob") << QStringLiteral("");
}

void TestHostCommandLine::commandsAreParsed()
{
    QFETCH(QString, line);
    QFETCH(HostCommandLine::Verb, verb);
    QFETCH(QString, target);
    QFETCH(QString, reason);
    const auto command = HostCommandLine::parse(line);
    QVERIFY(command);
    QCOMPARE(command->verb, verb);
    QCOMPARE(command->target, target);
    QCOMPARE(command->reason, reason);
}

void TestHostCommandLine::otherLinesAreMessages_data()
{
    QTest::addColumn<QString>("line");
    QTest::newRow("plain text") << QStringLiteral("hello");
    QTest::newRow("another slash command") << QStringLiteral("/me waves");
    QTest::newRow("kick without a nickname") << QStringLiteral("/kick");
    QTest::newRow("kick in the middle") << QStringLiteral("please /kick bob");
    QTest::newRow("no space after the verb") << QStringLiteral("/kickbob");
}

void TestHostCommandLine::otherLinesAreMessages()
{
    QFETCH(QString, line);
    QVERIFY(!HostCommandLine::parse(line));
}

QTEST_GUILESS_MAIN(TestHostCommandLine)
#include "tst_hostcommandline.moc"
