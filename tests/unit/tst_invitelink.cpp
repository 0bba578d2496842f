// SPDX-License-Identifier: MIT
#include "verification/invitelink.h"

#include <QTest>

using namespace securechat;

namespace {

QString str(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// A fingerprint written out by hand, in the forms a person meets it.
const QString Hex = str("00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210");
const QString UpperHex = Hex.toUpper();
const QString ColonHex = str("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                             "01:23:45:67:89:AB:CD:EF:FE:DC:BA:98:76:54:32:10");
const QByteArray Digest = QByteArray::fromHex(Hex.toLatin1());

QString linkTo(const char* authority, const QString& query = str("fp=SHA256:") + Hex)
{
    return str("securechat://") + str(authority) + str("/?") + query;
}

// An error pattern with its %1 filled in.
QByteArray filled(const char* pattern, const char* argument)
{
    return str(pattern).arg(str(argument)).toUtf8();
}

InviteLink parsed(const QString& text)
{
    const Result<InviteLink> link = InviteLink::parse(text);
    if (!link)
        qFatal("%s: %s", qPrintable(text), qPrintable(link.error()));
    return link.value();
}

} // namespace

class TestInviteLink : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsAGoodLink_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("nickname");

        const QString fp = str("fp=SHA256:") + Hex;
        QTest::newRow("DNS name") << linkTo("chat.example.org:7443") << str("chat.example.org") << 7443
                                  << QString();
        QTest::newRow("single-label name")
            << linkTo("ann-laptop:7443") << str("ann-laptop") << 7443 << QString();
        QTest::newRow("name in capitals, lower-cased")
            << linkTo("Chat.Example.ORG:7443") << str("chat.example.org") << 7443 << QString();
        QTest::newRow("internationalised name, in punycode")
            << linkTo("münchen.example:7443") << str("xn--mnchen-3ya.example") << 7443 << QString();
        QTest::newRow("IPv4") << linkTo("192.0.2.10:7443") << str("192.0.2.10") << 7443 << QString();
        QTest::newRow("IPv4 in full-width digits")
            << linkTo("１９２.０.２.１０:7443") << str("192.0.2.10") << 7443 << QString();
        QTest::newRow("IPv6 loopback") << linkTo("[::1]:7443") << str("::1") << 7443 << QString();
        QTest::newRow("IPv6 documentation address")
            << linkTo("[2001:db8::1]:7443") << str("2001:db8::1") << 7443 << QString();
        QTest::newRow("IPv6 written out, compressed")
            << linkTo("[2001:DB8:0:0:0:0:0:1]:7443") << str("2001:db8::1") << 7443 << QString();
        QTest::newRow("IPv4-mapped IPv6")
            << linkTo("[::ffff:192.0.2.10]:7443") << str("::ffff:192.0.2.10") << 7443 << QString();
        QTest::newRow("lowest port") << linkTo("example.org:1") << str("example.org") << 1 << QString();
        QTest::newRow("highest port")
            << linkTo("example.org:65535") << str("example.org") << 65535 << QString();
        QTest::newRow("nickname") << linkTo("example.org:7443", str("nick=ann&") + fp) << str("example.org")
                                  << 7443 << str("ann");
        QTest::newRow("nickname after the fingerprint")
            << linkTo("example.org:7443", fp + str("&nick=ann")) << str("example.org") << 7443 << str("ann");
        QTest::newRow("percent-encoded nickname")
            << linkTo("example.org:7443", str("nick=J%C3%BCrgen%20K&") + fp) << str("example.org") << 7443
            << str("Jürgen K");
        QTest::newRow("nickname as a browser shows it")
            << linkTo("example.org:7443", str("nick=Jürgen&") + fp) << str("example.org") << 7443
            << str("Jürgen");
        QTest::newRow("emoji nickname") << linkTo("example.org:7443", str("nick=%F0%9F%A6%8A&") + fp)
                                        << str("example.org") << 7443 << str("🦊");
        QTest::newRow("emoji nickname as a browser shows it")
            << linkTo("example.org:7443", str("nick=🦊&") + fp) << str("example.org") << 7443
            << str("🦊");
        QTest::newRow("plus is a plus")
            << linkTo("example.org:7443", str("nick=a+b&") + fp) << str("example.org") << 7443 << str("a+b");
        QTest::newRow("upper-case hex") << linkTo("example.org:7443", str("fp=SHA256:") + UpperHex)
                                        << str("example.org") << 7443 << QString();
        QTest::newRow("lower-case prefix")
            << linkTo("example.org:7443", str("fp=sha256:") + Hex) << str("example.org") << 7443 << QString();
        QTest::newRow("colons between pairs, as fingerprints are shown") << linkTo("example.org:7443",
            str("fp=SHA256:") + ColonHex) << str("example.org") << 7443 << QString();
        QTest::newRow("percent-encoded colon") << linkTo("example.org:7443", str("fp=SHA256%3A") + Hex)
                                               << str("example.org") << 7443 << QString();
        QTest::newRow("no slash before the query")
            << (str("securechat://example.org:7443?") + fp) << str("example.org") << 7443 << QString();
        QTest::newRow("scheme in capitals")
            << (str("SecureChat://example.org:7443/?") + fp) << str("example.org") << 7443 << QString();
        QTest::newRow("pasted with spaces and a line break")
            << (str("  ") + linkTo("example.org:7443") + str("\n")) << str("example.org") << 7443
            << QString();
        QTest::newRow("leading zeros in the port")
            << linkTo("example.org:07443") << str("example.org") << 7443 << QString();
    }

    void readsAGoodLink()
    {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, nickname);
        const Result<InviteLink> link = InviteLink::parse(text);
        QVERIFY2(link.ok(), qPrintable(link.error()));
        QCOMPARE(link->host(), host);
        QCOMPARE(link->port(), port);
        QCOMPARE(link->certificateSha256(), Digest);
        QCOMPARE(link->nickname(), nickname);
    }

    void refusesABadLink_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const auto bad = [](const char* name, const QString& text, QByteArrayView error) {
            QTest::newRow(name) << text << QString::fromUtf8(error);
        };
        const QString fp = str("fp=SHA256:") + Hex;
        const auto query = [](const QString& query) { return linkTo("example.org:7443", query); };
        const char* notAName
            = "The host name %1 is not valid: a name is letters, digits and hyphens, separated by dots.";
        const char* unknownParameter = "The invite link has an unknown parameter “%1”: the link was changed, "
                                       "or it comes from a newer SecureChat.";

        // The text as a whole
        bad("empty", str(" \n"), "The invite link is empty.");
        bad("not a link", str("ann's chat"),
            "The invite link contains a space or a line break: copy it again in one piece.");
        bad("line break inside", linkTo("example.org:7443").insert(40, u'\n'),
            "The invite link contains a space or a line break: copy it again in one piece.");
        bad("control character inside", linkTo("example.org:7443").insert(40, u'\x7f'),
            "The invite link contains a control character, which a link cannot contain.");
        bad("zero-width space inside", linkTo("example.org:7443").insert(40, u'\u200b'),
            "The invite link contains a control character, which a link cannot contain.");

        // Scheme, user info, path, fragment
        bad("no scheme", str("example.org:7443/?") + fp,
            "This is not an invite link: an invite link starts with securechat://.");
        bad("other scheme", str("https://example.org:7443/?") + fp,
            "This is a https: link, not an invite link: an invite link starts with securechat://.");
        bad("one slash", str("securechat:/example.org:7443/?") + fp,
            "An invite link starts with securechat:// (with two slashes).");
        bad("user info", linkTo("ann@example.org:7443"),
            "The invite link has a user name (…@), which an invite link never has.");
        bad("fragment", linkTo("example.org:7443") + str("#top"),
            "The invite link has a fragment (#…), which an invite link never has.");
        bad("path", str("securechat://example.org:7443/join?") + fp,
            "The invite link has a path (/join) after the port; an invite link has none.");

        // Host
        bad("no host", linkTo(":7443"), "The invite link has no host name or address.");
        bad("underscore in the name", linkTo("ann_laptop:7443"), filled(notAName, "ann_laptop"));
        bad("empty label", linkTo("example..org:7443"), filled(notAName, "example..org"));
        bad("percent in the name", linkTo("ex%61mple.org:7443"), filled(notAName, "ex%61mple.org"));
        bad("IPv4 octet too large", linkTo("192.0.2.256:7443"),
            "The address 192.0.2.256 is not a valid IPv4 address.");
        bad("IPv4 with three parts", linkTo("192.0.2:7443"),
            "The address 192.0.2 is not a valid IPv4 address.");
        bad("IPv4 in full-width digits", linkTo("１９２.０.２.２５６:7443"),
            "The address １９２.０.２.２５６ is not a valid IPv4 address.");
        bad("IPv4 with a leading zero", linkTo("192.0.2.010:7443"),
            "The address 192.0.2.010 is not a valid IPv4 address.");
        bad("IPv6 without brackets", linkTo("2001:db8::1:7443"),
            "An IPv6 address in an invite link goes in brackets: securechat://[2001:db8::1]:PORT/…");
        bad("IPv6 without closing bracket", linkTo("[2001:db8::1:7443"),
            "The IPv6 address in the invite link has no closing bracket.");
        bad("IPv6 with two gaps", linkTo("[2001::db8::1]:7443"),
            "The address 2001::db8::1 is not a valid IPv6 address.");
        bad("IPv6 group too long", linkTo("[12345::1]:7443"),
            "The address 12345::1 is not a valid IPv6 address.");
        bad("IPv6 zone id", linkTo("[fe80::1%25eth0]:7443"),
            "The address fe80::1 has a zone id (25eth0), which an invite link cannot carry: use the host's "
            "global address or its name.");
        bad("name in brackets", linkTo("[example.org]:7443"),
            "Only an IPv6 address goes in brackets; [example.org] is not one.");

        // Port
        const char* noPort = "The invite link has no port (securechat://HOST:PORT/…).";
        bad("no port", linkTo("example.org"), noPort);
        bad("empty port", linkTo("example.org:"), noPort);
        bad("no port after IPv6", linkTo("[::1]"), noPort);
        bad("junk after IPv6", linkTo("[::1]7443"),
            "The invite link has “7443” after the address, where :PORT belongs.");
        bad("port 0", linkTo("example.org:0"), "The port 0 is not a valid port.");
        bad("port 65536", linkTo("example.org:65536"), "The port 65536 is not a valid port.");
        bad("port 70000", linkTo("example.org:70000"), "The port 70000 is not a valid port.");
        bad("port of many digits", linkTo("example.org:000007443"),
            "The port 000007443 is not a valid port.");
        bad("port with a sign", linkTo("example.org:+7443"), "The port “+7443” is not a number.");
        bad("port in other digits", linkTo("example.org:٧٤٤٣"), "The port “٧٤٤٣” is not a number.");
        bad("port by name", linkTo("example.org:https"), "The port “https” is not a number.");

        // Fingerprint
        const char* noFingerprint = "The invite link has no fingerprint (fp=…): ask for a new link.";
        bad("no query", str("securechat://example.org:7443/"), noFingerprint);
        bad("no fingerprint", query(str("nick=ann")), noFingerprint);
        bad("empty fingerprint", query(str("fp=")), noFingerprint);
        bad("key without a value", query(str("fp")), noFingerprint);
        bad("truncated fingerprint", query(str("fp=SHA256:") + Hex.left(40)),
            "The invite link is truncated: the fingerprint has 40 of 64 hex digits.");
        bad("truncated after the prefix", query(str("fp=SHA256:")),
            "The invite link is truncated: the fingerprint has 0 of 64 hex digits.");
        bad("truncated colon form", query(str("fp=SHA256:") + ColonHex.left(50)),
            "The invite link is truncated: the fingerprint has 34 of 64 hex digits.");
        bad("fingerprint too long", query(fp + str("00")),
            "The fingerprint in the invite link has 66 hex digits; a SHA-256 fingerprint has 64.");
        bad("not hex", query(str("fp=SHA256:") + Hex.left(63) + u'g'),
            "The fingerprint in the invite link contains “g”, which is not a hex digit.");
        bad("base64 fingerprint", query(str("fp=SHA256:ABEiM0RVZneImaq7zN3u/w==")),
            "The fingerprint in the invite link contains “i”, which is not a hex digit.");
        bad("colon out of place", query(str("fp=SHA256:0:0") + Hex.mid(2)),
            "The fingerprint in the invite link has a colon out of place: colons go between pairs of hex "
            "digits (AB:CD:…).");
        bad("no algorithm", query(str("fp=") + Hex),
            "The fingerprint in the invite link must start with SHA256: (fp=SHA256:…).");
        bad("other algorithm", query(str("fp=SHA1:") + Hex.left(40)),
            "The fingerprint in the invite link must start with SHA256: (fp=SHA256:…).");
        bad("escape cut short in the fingerprint", query(str("fp=SHA256%3")),
            "The fingerprint in the invite link has an incomplete %-escape.");

        // Parameters
        bad("duplicate fingerprint", query(fp + u'&' + fp), "The invite link gives “fp” twice.");
        bad("duplicate nickname", query(str("nick=a&nick=b&") + fp), "The invite link gives “nick” twice.");
        bad("unknown key", query(fp + str("&admit=always")), filled(unknownParameter, "admit"));
        bad("key in capitals", query(str("FP=SHA256:") + Hex), filled(unknownParameter, "FP"));
        bad("empty parameter", query(fp + u'&'),
            "The invite link has an empty parameter (“&&”, or “&” at an end).");

        // Nickname
        bad("empty nickname", query(str("nick=&") + fp), "The nickname in the invite link is empty.");
        bad("nickname too long", query(str("nick=") + QString(65, u'a') + u'&' + fp),
            "The nickname in the invite link is longer than 64 characters.");
        bad("nickname escape cut short", query(fp + str("&nick=J%C3%B")),
            "The nickname in the invite link has an incomplete %-escape.");
        bad("nickname not UTF-8", query(str("nick=J%FCrgen&") + fp),
            "The nickname in the invite link is not valid UTF-8.");
    }

    void refusesABadLink()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const Result<InviteLink> link = InviteLink::parse(text);
        QVERIFY2(!link.ok(), qPrintable(link.ok() ? link->toString() : QString()));
        QCOMPARE(link.error(), error);
    }

    void writesTheCanonicalForm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        const QString fp = str("fp=SHA256:") + Hex;
        QTest::newRow("already canonical") << linkTo("example.org:7443") << linkTo("example.org:7443");
        QTest::newRow("everything to normalise")
            << (str(" SECURECHAT://Example.ORG:07443?fp=sha256:") + ColonHex + str("&nick=J%c3%bcrgen "))
            << linkTo("example.org:7443", str("nick=J%C3%BCrgen&") + fp);
        QTest::newRow("IPv6") << linkTo("[2001:DB8:0::1]:7443") << linkTo("[2001:db8::1]:7443");
        QTest::newRow("nickname with reserved characters") << linkTo("example.org:7443",
            str("nick=a%26b%3Dc%23&") + fp) << linkTo("example.org:7443", str("nick=a%26b%3Dc%23&") + fp);
    }

    void writesTheCanonicalForm()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const InviteLink link = parsed(text);
        QCOMPARE(link.toString(), canonical);
        QCOMPARE(parsed(link.toString()), link);
    }

    // The canonical form puts the fingerprint last, so cutting a link anywhere is an error.
    void refusesEveryTruncatedLink()
    {
        const QString whole
            = parsed(linkTo("[2001:db8::1]:7443", str("fp=SHA256:") + Hex + str("&nick=ann"))).toString();
        for (qsizetype length = 0; length < whole.size(); ++length) {
            const Result<InviteLink> cut = InviteLink::parse(whole.left(length));
            QVERIFY2(!cut.ok(), qPrintable(whole.left(length)));
        }
        QVERIFY(InviteLink::parse(whole).ok());
    }

    void buildsTheHostsLink_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("nickname");
        QTest::addColumn<QString>("link");
        const QString fp = str("fp=SHA256:") + Hex;
        QTest::newRow("name, no nickname")
            << str("chat.example.org") << QString() << linkTo("chat.example.org:7443");
        QTest::newRow("IPv6 as QHostAddress writes it")
            << str("::1") << str("ann") << linkTo("[::1]:7443", str("nick=ann&") + fp);
        QTest::newRow("IPv6 in brackets")
            << str("[2001:db8::1]") << QString() << linkTo("[2001:db8::1]:7443");
        QTest::newRow("nickname with a space")
            << str("192.0.2.10") << str("Ann B") << linkTo("192.0.2.10:7443", str("nick=Ann%20B&") + fp);
    }

    void buildsTheHostsLink()
    {
        QFETCH(QString, host);
        QFETCH(QString, nickname);
        QFETCH(QString, link);
        const Result<InviteLink> created = InviteLink::create(host, 7443, Digest, nickname);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        QCOMPARE(created->toString(), link);
        QCOMPARE(parsed(link), created.value());
    }

    void refusesToBuildALinkThatCannotBeOpened_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QByteArray>("digest");
        QTest::addColumn<QString>("error");
        QTest::newRow("link-local address with its zone")
            << str("fe80::1%eth0") << 7443 << Digest
            << str("The address fe80::1 has a zone id (eth0), which an invite link cannot carry: use the "
                   "host's global address or its name.");
        QTest::newRow("no address") << QString() << 7443 << Digest
                                    << str("The invite link has no host name or address.");
        QTest::newRow("port 0") << str("example.org") << 0 << Digest
                                << str("The port 0 is not a valid port.");
        QTest::newRow("no certificate") << str("example.org") << 7443 << QByteArray()
                                        << str("A certificate fingerprint for an invite link is a SHA-256 "
                                               "digest of 32 bytes, not 0 bytes.");
        QTest::newRow("SHA-1 digest") << str("example.org") << 7443 << Digest.left(20)
                                      << str("A certificate fingerprint for an invite link is a SHA-256 "
                                             "digest of 32 bytes, not 20 bytes.");
    }

    void refusesToBuildALinkThatCannotBeOpened()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QByteArray, digest);
        QFETCH(QString, error);
        const Result<InviteLink> created = InviteLink::create(host, static_cast<quint16>(port), digest);
        QVERIFY(!created.ok());
        QCOMPARE(created.error(), error);
    }
};

QTEST_GUILESS_MAIN(TestInviteLink)
#include "tst_invitelink.moc"
