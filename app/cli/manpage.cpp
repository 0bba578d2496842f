// SPDX-License-Identifier: MIT
#include "manpage.h"

#include "cliarguments.h"

namespace securechat::cli {

namespace {

    // roff treats a leading dot or quote as a request, and backslash and hyphen specially.
    QString escaped(const QString& text)
    {
        QString out = text;
        out.replace(u'\\', QStringLiteral("\\e"));
        out.replace(u'-', QStringLiteral("\\-"));
        if (out.startsWith(u'.') || out.startsWith(u'\''))
            out.prepend(QStringLiteral("\\&"));
        return out;
    }

    QString optionsSection(const CommandSpec& spec)
    {
        QString text;
        for (const QCommandLineOption& option : spec.options) {
            text += QStringLiteral(".TP\n.B \\-\\-%1").arg(escaped(option.names().constFirst()));
            if (!option.valueName().isEmpty())
                text += QStringLiteral(" \\fI%1\\fR").arg(escaped(option.valueName()));
            text += u'\n' + escaped(option.description()) + u'\n';
        }
        return text;
    }

} // namespace

QString manPage()
{
    QString page = QStringLiteral(".TH SECURECHAT\\-CLI 1 \"%1\" \"SecureChat %2\" \"User Commands\"\n")
                       .arg(QStringLiteral(SECURECHAT_RELEASE_DATE), QStringLiteral(SECURECHAT_VERSION));
    page += QStringLiteral(".SH NAME\nsecurechat\\-cli \\- private text chat over TLS, without a window\n");
    page += QStringLiteral(".SH SYNOPSIS\n");
    for (const CommandSpec& spec : commandSpecs())
        page += QStringLiteral(".B securechat\\-cli %1\n[\\fIOPTIONS\\fR] %2\n.br\n")
                    .arg(spec.name, escaped(spec.synopsis));
    page += QStringLiteral(".SH DESCRIPTION\n")
        + escaped(QStringLiteral(
            "Hosts or joins a SecureChat session. Each line read on standard input is a message; "
            "each message received is printed on standard output as \"<nick> text\", notices as "
            "\"* ...\"; status and errors go to standard error. Standard TLS tools such as "
            "openssl s_client and ncat --ssl can join a session as plain-text peers."))
        + u'\n';
    for (const CommandSpec& spec : commandSpecs()) {
        page += QStringLiteral(".SH %1\n%2\n").arg(spec.name.toUpper(), escaped(spec.summary));
        page += optionsSection(spec);
    }
    page += QStringLiteral(".SH EXIT STATUS\n.TP\n.B 0\ndone\n.TP\n.B 1\nany other failure\n.TP\n.B 2\n"
                           "the TLS handshake failed, or the peer's identity was not accepted\n.TP\n.B 3\n"
                           "network failure: refused, unreachable, address in use\n.TP\n.B 64\nbad usage\n");
    page += QStringLiteral(
        ".SH FILES\n.TP\n.I ~/.local/share/securechat/identity/\n"
        "your identity: identity.pem and identity.key (mode 0600)\n.TP\n"
        ".I ~/.config/securechat/known_peers\nhosts you chose to always trust or verified, one per "
        "line\n.TP\n"
        ".I ~/.config/securechat/known_clients\n"
        "participants your hosted sessions always admit, verified or block, one per line\n");
    page += QStringLiteral(".SH SEE ALSO\n.BR openssl\\-s_client (1),\n.BR ncat (1)\n");
    return page;
}

} // namespace securechat::cli
