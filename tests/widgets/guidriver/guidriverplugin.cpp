// SPDX-License-Identifier: MIT
// Lets a test drive the real securechat process the way a person would, with key presses, from
// outside: a Qt generic plugin that the app loads when started with
// QT_QPA_GENERIC_PLUGINS=securechatguidriver and QT_PLUGIN_PATH naming this build's folder. The
// app has no hook of its own for it. It reads commands from the app's stdin, one per line, and
// answers each on stdout once done:
//   type TEXT    types TEXT into the message input of the current tab and presses Enter
//   expect TEXT  waits until a chat view shows a row with exactly TEXT
//   trigger NAME triggers the window's action with that object name (as its menu item would)
//   confirm NAME clicks the destructive button (such as Clear) of the open message box NAME
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QGenericPlugin>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSocketNotifier>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <unistd.h>

namespace securechat::test {

class GuiDriver final : public QObject {
    Q_OBJECT

public:
    GuiDriver()
        : m_stdin(STDIN_FILENO, QSocketNotifier::Read)
    {
        connect(&m_stdin, &QSocketNotifier::activated, this, &GuiDriver::onReadable);
        m_poll.setInterval(20);
        connect(&m_poll, &QTimer::timeout, this, &GuiDriver::runNext);
    }

private:
    void onReadable()
    {
        char buffer[4096];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) {
            m_stdin.setEnabled(false);
            return;
        }
        m_pending.append(buffer, got);
        for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n')) {
            m_commands << QString::fromUtf8(m_pending.left(end));
            m_pending.remove(0, end + 1);
        }
        m_poll.start();
    }

    // Commands wait until the window can do them: a tab to type into, a row to see.
    void runNext()
    {
        while (!m_commands.isEmpty()) {
            const QString command = m_commands.constFirst();
            if (!run(command))
                return;
            m_commands.removeFirst();
            std::printf("done %s\n", qPrintable(command));
            std::fflush(stdout);
        }
        m_poll.stop();
    }

    bool run(const QString& command)
    {
        const QString text = command.section(u' ', 1);
        if (command.startsWith(QLatin1String("type "))) {
            QPlainTextEdit* input = currentInput();
            if (!input || !input->isEnabled())
                return false;
            input->setFocus();
            QTest::keyClicks(input, text);
            QTest::keyClick(input, Qt::Key_Return);
            return true;
        }
        if (command.startsWith(QLatin1String("expect ")))
            return isShown(text);
        if (command.startsWith(QLatin1String("trigger "))) {
            QAction* action = find<QAction>(text);
            if (!action || !action->isEnabled())
                return false;
            action->trigger();
            return true;
        }
        if (command.startsWith(QLatin1String("confirm "))) {
            auto* box = find<QMessageBox>(text);
            if (!box)
                return false;
            for (QAbstractButton* button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    button->click();
            }
            return true;
        }
        std::fprintf(stderr, "guidriver: unknown command %s\n", qPrintable(command));
        return true;
    }

    template <typename T> static T* find(const QString& name)
    {
        for (QWidget* window : QApplication::topLevelWidgets()) {
            if (T* found = window->findChild<T*>(name))
                return found;
        }
        return nullptr;
    }

    static QPlainTextEdit* currentInput()
    {
        for (QWidget* window : QApplication::topLevelWidgets()) {
            const auto* tabs = window->findChild<QTabWidget*>();
            QWidget* tab = tabs ? tabs->currentWidget() : nullptr;
            if (!tab)
                continue;
            for (QPlainTextEdit* edit : tab->findChildren<QPlainTextEdit*>()) {
                if (qstrcmp(edit->metaObject()->className(), "securechat::MessageInput") == 0)
                    return edit;
            }
        }
        return nullptr;
    }

    static bool isShown(const QString& text)
    {
        for (QWidget* window : QApplication::topLevelWidgets()) {
            for (const QTreeView* view : window->findChildren<QTreeView*>()) {
                const QAbstractItemModel* model = view->model();
                for (int row = 0; model && row < model->rowCount(); ++row) {
                    if (model->index(row, 0).data().toString() == text)
                        return true;
                }
            }
        }
        return false;
    }

    QSocketNotifier m_stdin;
    QTimer m_poll;
    QByteArray m_pending;
    QStringList m_commands;
};

class GuiDriverPlugin final : public QGenericPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QGenericPluginFactoryInterface_iid FILE "guidriver.json")

public:
    QObject* create(const QString& key, const QString& specification) override
    {
        Q_UNUSED(specification)
        return key.compare(QLatin1String("securechatguidriver"), Qt::CaseInsensitive) == 0 ? new GuiDriver
                                                                                           : nullptr;
    }
};

} // namespace securechat::test

#include "guidriverplugin.moc"
