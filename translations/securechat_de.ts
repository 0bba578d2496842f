<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnnouncedFingerprint</name>
    <message>
        <source>This host did not announce its certificate on the local network, so there was nothing to compare: check its fingerprint with the person another way.</source>
        <translation>Dieser Host hat sein Zertifikat im lokalen Netzwerk nicht bekannt gegeben, es gab also nichts zu vergleichen: prüfen Sie seinen Fingerabdruck auf anderem Weg mit der Person.</translation>
    </message>
    <message>
        <source>This host announced a different certificate on the local network than the one it presented: someone may be impersonating it.</source>
        <translation>Dieser Host hat im lokalen Netzwerk ein anderes Zertifikat bekannt gegeben als das, das er vorgelegt hat: vielleicht gibt sich jemand als dieser Host aus.</translation>
    </message>
</context>
<context>
    <name>AnnouncementFormat</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>The certificate fingerprint &quot;%1&quot; is not a SHA-256 fingerprint.</source>
        <translation>Der Fingerabdruck „%1“ des Zertifikats ist kein SHA-256-Fingerabdruck.</translation>
    </message>
    <message>
        <source>The nickname or protocol version is too long to announce (at most %1 bytes).</source>
        <translation>Der Nickname oder die Protokollversion ist zu lang, um bekannt gegeben zu werden (höchstens %1 Byte).</translation>
    </message>
</context>
<context>
    <name>ConnectionFailure</name>
    <message>
        <source>Could not connect: no computer called %1 was found.</source>
        <translation>Verbindung fehlgeschlagen: es wurde kein Computer namens %1 gefunden.</translation>
    </message>
    <message>
        <source>Could not connect: nobody is listening on %1.</source>
        <translation>Verbindung fehlgeschlagen: auf %1 nimmt niemand Verbindungen an.</translation>
    </message>
    <message>
        <source>Could not connect: %1 did not answer.</source>
        <translation>Verbindung fehlgeschlagen: %1 hat nicht geantwortet.</translation>
    </message>
    <message>
        <source>Could not connect securely to %1: %2.</source>
        <translation>Keine sichere Verbindung zu %1 möglich: %2.</translation>
    </message>
    <message>
        <source>Could not join the session on %1: %2.</source>
        <translation>Beitritt zur Sitzung auf %1 fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>Check that the session is still hosted there and that the address and port are right, then try again.</source>
        <translation>Prüfen Sie, ob die Sitzung dort noch gehostet wird und ob Adresse und Port stimmen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The program answering there may not be a SecureChat host.</source>
        <translation>Das Programm, das dort antwortet, ist vielleicht kein SecureChat-Host.</translation>
    </message>
</context>
<context>
    <name>DiscoveryErrors</name>
    <message>
        <source>Local network discovery is unavailable: avahi-daemon is not running. Sessions can still be joined by address.</source>
        <translation>Die Suche im lokalen Netzwerk ist nicht verfügbar: avahi-daemon läuft nicht. Sie können Sitzungen weiterhin über die Adresse beitreten.</translation>
    </message>
    <message>
        <source>Local network discovery is unavailable: avahi-daemon stopped. Sessions can still be joined by address.</source>
        <translation>Die Suche im lokalen Netzwerk ist nicht verfügbar: avahi-daemon wurde beendet. Sie können Sitzungen weiterhin über die Adresse beitreten.</translation>
    </message>
    <message>
        <source>Local network discovery is unavailable: %1. Sessions can still be joined by address.</source>
        <translation>Die Suche im lokalen Netzwerk ist nicht verfügbar: %1. Sie können Sitzungen weiterhin über die Adresse beitreten.</translation>
    </message>
    <message>
        <source>This session could not be announced on the local network: %1.</source>
        <translation>Diese Sitzung konnte im lokalen Netzwerk nicht bekannt gegeben werden: %1.</translation>
    </message>
</context>
<context>
    <name>EndSessionQuestion</name>
    <message>
        <source>End the Session?</source>
        <translation>Sitzung beenden?</translation>
    </message>
    <message>
        <source>End the session for 1 participant?</source>
        <translation>Die Sitzung für 1 Teilnehmer beenden?</translation>
    </message>
    <message numerus="yes">
        <source>End the session for %n participants?</source>
        <translation>
            <numerusform>Die Sitzung für %n Teilnehmer beenden?</numerusform>
            <numerusform>Die Sitzung für %n Teilnehmer beenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone in it is told that you ended it.</source>
        <translation>Allen in der Sitzung wird mitgeteilt, dass Sie sie beendet haben.</translation>
    </message>
    <message>
        <source>&amp;End Session</source>
        <translation>Sitzung &amp;beenden</translation>
    </message>
</context>
<context>
    <name>PortAvailability</name>
    <message>
        <source>Port %1 is already in use on this computer, perhaps by another session. Choose another port, or take one that is free now.</source>
        <translation>Port %1 wird auf diesem Computer bereits verwendet, vielleicht von einer anderen Sitzung. Wählen Sie einen anderen Port oder nehmen Sie einen, der gerade frei ist.</translation>
    </message>
</context>
<context>
    <name>securechat::CertificateDetails</name>
    <message>
        <source> (critical)</source>
        <translation> (kritisch)</translation>
    </message>
</context>
<context>
    <name>securechat::CertificateDialog</name>
    <message>
        <source>(unnamed certificate)</source>
        <translation>(unbenanntes Zertifikat)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>Expired %1 ago</source>
        <translation>Abgelaufen (%1 überfällig)</translation>
    </message>
    <message>
        <source>Not valid yet: valid from %1</source>
        <translation>Noch nicht gültig: gültig ab %1</translation>
    </message>
    <message>
        <source>Valid, %1 left</source>
        <translation>Gültig, noch %1</translation>
    </message>
    <message>
        <source>%1, %2 bits</source>
        <translation>%1, %2 Bit</translation>
    </message>
    <message>
        <source>, curve %1</source>
        <translation>, Kurve %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Certificate details</source>
        <translation>Zertifikatsdetails</translation>
    </message>
    <message>
        <source>&amp;Copy fingerprint</source>
        <translation>Fingerabdruck &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the SHA-256 fingerprint of the selected certificate</source>
        <translation>Den SHA-256-Fingerabdruck des ausgewählten Zertifikats kopieren</translation>
    </message>
    <message>
        <source>&amp;Save as PEM…</source>
        <translation>Als PEM &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the selected certificate to a file in PEM format</source>
        <translation>Das ausgewählte Zertifikat im PEM-Format in einer Datei speichern</translation>
    </message>
    <message>
        <source>Certificate chain</source>
        <translation>Zertifikatskette</translation>
    </message>
    <message>
        <source>%1 (issuer)</source>
        <translation>%1 (Aussteller)</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Aussteller:</translation>
    </message>
    <message>
        <source>Serial number:</source>
        <translation>Seriennummer:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Gültigkeit:</translation>
    </message>
    <message>
        <source>Names (SAN):</source>
        <translation>Namen (SAN):</translation>
    </message>
    <message>
        <source>Public key:</source>
        <translation>Öffentlicher Schlüssel:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Signatur:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>SHA-1 fingerprint:</source>
        <translation>SHA-1-Fingerabdruck:</translation>
    </message>
    <message>
        <source>Extensions:</source>
        <translation>Erweiterungen:</translation>
    </message>
    <message>
        <source>Self-signed:</source>
        <translation>Selbstsigniert:</translation>
    </message>
    <message>
        <source>No certificate to show.</source>
        <translation>Kein Zertifikat zum Anzeigen.</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>Zertifikat: %1</translation>
    </message>
    <message>
        <source>Yes: it vouches for itself</source>
        <translation>Ja: es bürgt für sich selbst</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Save Certificate as PEM</source>
        <translation>Zertifikat als PEM speichern</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Certificate Not Saved</source>
        <translation>Zertifikat nicht gespeichert</translation>
    </message>
    <message>
        <source>The certificate could not be saved to %1: %2</source>
        <translation>Das Zertifikat konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>securechat::ChatClient</name>
    <message>
        <source>the host sent %1</source>
        <translation>vom Host: %1</translation>
    </message>
    <message>
        <source>you did not trust the host&apos;s certificate (%1)</source>
        <translation>Sie haben dem Zertifikat des Hosts nicht vertraut (%1)</translation>
    </message>
    <message>
        <source>the host sent a malformed frame: %1</source>
        <translation>der Host hat einen fehlerhaften Frame gesendet: %1</translation>
    </message>
    <message>
        <source>the host refused: %1</source>
        <translation>der Host hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>the host closed the connection before letting you in (%1); it may require a client certificate it accepts</source>
        <translation>der Host hat die Verbindung geschlossen, bevor Sie eintreten konnten (%1); vielleicht verlangt er ein Client-Zertifikat, das er akzeptiert</translation>
    </message>
    <message>
        <source>you cancelled connecting</source>
        <translation>Sie haben den Verbindungsaufbau abgebrochen</translation>
    </message>
    <message>
        <source>the host stopped answering (no reply to a ping)</source>
        <translation>der Host antwortet nicht mehr (keine Antwort auf einen Ping)</translation>
    </message>
    <message>
        <source>the host can be verified once you have joined its session</source>
        <translation>der Host kann verifiziert werden, sobald Sie seiner Sitzung beigetreten sind</translation>
    </message>
    <message>
        <source>there is no known peers file to remember the host in</source>
        <translation>es gibt keine Datei der bekannten Gegenstellen, in der der Host gespeichert werden könnte</translation>
    </message>
    <message>
        <source>the host ended the session</source>
        <translation>der Host hat die Sitzung beendet</translation>
    </message>
    <message>
        <source>the host ended the session: %1</source>
        <translation>der Host hat die Sitzung beendet: %1</translation>
    </message>
</context>
<context>
    <name>securechat::ChatHost</name>
    <message>
        <source>the session is closing</source>
        <translation>die Sitzung wird geschlossen</translation>
    </message>
    <message>
        <source>the session is full (%1 participants)</source>
        <translation>die Sitzung ist voll (%1 Teilnehmer)</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>say hello before anything else</source>
        <translation>vor allem anderen zuerst „hello“ senden</translation>
    </message>
    <message>
        <source>you have already said hello</source>
        <translation>„hello“ wurde bereits gesendet</translation>
    </message>
    <message>
        <source>message not relayed: %1 bytes once relayed, more than the %2 a line may have; send it in parts</source>
        <translation>Nachricht nicht weitergeleitet: weitergeleitet wären es %1 Byte, mehr als die %2, die eine Zeile haben darf; senden Sie sie in Teilen</translation>
    </message>
    <message>
        <source>%1 is already taken</source>
        <translation>%1 ist bereits vergeben</translation>
    </message>
    <message>
        <source>nobody is waiting with request %1</source>
        <translation>niemand wartet mit Anfrage %1</translation>
    </message>
    <message>
        <source>%1 has no certificate to remember; admitted this once</source>
        <translation>%1 hat kein Zertifikat, das gespeichert werden könnte; nur dieses Mal eingelassen</translation>
    </message>
    <message>
        <source>the host did not let you in</source>
        <translation>der Host hat Sie nicht eingelassen</translation>
    </message>
    <message>
        <source>the host did not let you in: %1</source>
        <translation>der Host hat Sie nicht eingelassen: %1</translation>
    </message>
    <message>
        <source>nobody called %1 is in the session</source>
        <translation>niemand namens %1 ist in der Sitzung</translation>
    </message>
    <message>
        <source>%1 has no certificate to block; removed only</source>
        <translation>%1 hat kein Zertifikat, das gesperrt werden könnte; nur entfernt</translation>
    </message>
    <message>
        <source>removed by the host</source>
        <translation>vom Host entfernt</translation>
    </message>
    <message>
        <source>removed by the host: %1</source>
        <translation>vom Host entfernt: %1</translation>
    </message>
    <message>
        <source>the host has blocked your certificate</source>
        <translation>der Host hat Ihr Zertifikat gesperrt</translation>
    </message>
    <message>
        <source>this session admits only participants the host knows</source>
        <translation>diese Sitzung lässt nur Teilnehmer ein, die der Host kennt</translation>
    </message>
    <message>
        <source>too many people are waiting to join; try again later</source>
        <translation>zu viele warten auf Einlass; versuchen Sie es später erneut</translation>
    </message>
    <message>
        <source>no certificate: a text-mode client such as openssl or ncat</source>
        <translation>kein Zertifikat: ein Textmodus-Client wie openssl oder ncat</translation>
    </message>
    <message>
        <source>certificate issued by a CA this session trusts</source>
        <translation>Zertifikat von einer Zertifizierungsstelle, der diese Sitzung vertraut</translation>
    </message>
    <message>
        <source>certificate nobody vouches for: compare its fingerprint with its owner</source>
        <translation>Zertifikat, für das niemand bürgt: vergleichen Sie den Fingerabdruck mit seinem Inhaber</translation>
    </message>
    <message>
        <source>the host did not answer in time</source>
        <translation>der Host hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>waiting for the host to let you in</source>
        <translation>warten, bis der Host Sie einlässt</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>%1 presented no certificate, so there is nothing to verify</source>
        <translation>%1 hat kein Zertifikat vorgelegt; es gibt also nichts zu verifizieren</translation>
    </message>
    <message>
        <source>you joined again on another connection</source>
        <translation>Sie sind über eine andere Verbindung erneut beigetreten</translation>
    </message>
</context>
<context>
    <name>securechat::ChatMessageModel</name>
    <message>
        <source>Not yet confirmed by the host</source>
        <translation>Vom Host noch nicht bestätigt</translation>
    </message>
    <message>
        <source>Delivered to the host</source>
        <translation>An den Host zugestellt</translation>
    </message>
</context>
<context>
    <name>securechat::ConnectDialog</name>
    <message>
        <source>Connect to a Session</source>
        <translation>Mit einer Sitzung verbinden</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA certificates file</source>
        <translation>Datei mit CA-Zertifikaten</translation>
    </message>
    <message>
        <source>Optional: only for hosts with a private CA</source>
        <translation>Optional: nur für Hosts mit einer eigenen CA</translation>
    </message>
    <message>
        <source>If nobody vouches for the host&apos;s certificate, you will be shown its fingerprint and asked whether to trust it.</source>
        <translation>Bürgt niemand für das Zertifikat des Hosts, wird Ihnen sein Fingerabdruck angezeigt und Sie werden gefragt, ob Sie ihm vertrauen.</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Nickname:</source>
        <translation>&amp;Nickname:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>&amp;Your certificate:</source>
        <translation>&amp;Ihr Zertifikat:</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>Enter the host&apos;s name or IP address.</source>
        <translation>Geben Sie den Namen oder die IP-Adresse des Hosts ein.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>host name, IP address or invite link (securechat://…)</source>
        <translation>Hostname, IP-Adresse oder Einladungslink (securechat://…)</translation>
    </message>
    <message>
        <source>On this network:</source>
        <translation>In diesem Netzwerk:</translation>
    </message>
</context>
<context>
    <name>securechat::ConversationHistory</name>
    <message>
        <source>&amp;Keep History of This Conversation</source>
        <translation>Verlauf dieser Unterhaltung &amp;speichern</translation>
    </message>
    <message>
        <source>History is kept for this conversation from now on.</source>
        <translation>Der Verlauf dieser Unterhaltung wird ab jetzt gespeichert.</translation>
    </message>
    <message>
        <source>No new history is kept for this conversation. What was stored stays until you clear it.</source>
        <translation>Für diese Unterhaltung wird kein neuer Verlauf mehr gespeichert. Was bereits gespeichert ist, bleibt erhalten, bis Sie es löschen.</translation>
    </message>
    <message>
        <source>This conversation has no history yet.</source>
        <translation>Diese Unterhaltung hat noch keinen Verlauf.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>securechat::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>securechat::DiscoveredSessionList</name>
    <message>
        <source>Sessions on the local network</source>
        <translation>Sitzungen im lokalen Netzwerk</translation>
    </message>
    <message>
        <source>no fingerprint announced</source>
        <translation>kein Fingerabdruck bekannt gegeben</translation>
    </message>
    <message>
        <source>%1 on %2 (%3:%4) · %5</source>
        <translation>%1 auf %2 (%3:%4) · %5</translation>
    </message>
    <message>
        <source>No sessions found on the local network yet.</source>
        <translation>Noch keine Sitzungen im lokalen Netzwerk gefunden.</translation>
    </message>
    <message>
        <source>Found on the network: a hint where to connect, not a reason to trust. The certificate is still checked.</source>
        <translation>Im Netzwerk gefunden: ein Hinweis, wohin Sie sich verbinden können, kein Grund zu vertrauen. Das Zertifikat wird trotzdem geprüft.</translation>
    </message>
</context>
<context>
    <name>securechat::FileField</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 auswählen</translation>
    </message>
</context>
<context>
    <name>securechat::FindBar</name>
    <message>
        <source>Find in messages</source>
        <translation>In Nachrichten suchen</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <source>Search &amp;History</source>
        <translation>&amp;Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Find this text in every stored conversation</source>
        <translation>Diesen Text in allen gespeicherten Unterhaltungen suchen</translation>
    </message>
</context>
<context>
    <name>securechat::HistoryConnection</name>
    <message>
        <source>The message history cannot be kept: Qt&apos;s SQLite driver (QSQLITE, in Debian&apos;s package libqt6sql6-sqlite) is not installed. History is off for this session.</source>
        <translation>Der Nachrichtenverlauf kann nicht gespeichert werden: der SQLite-Treiber von Qt (QSQLITE, im Debian-Paket libqt6sql6-sqlite) ist nicht installiert. Der Verlauf ist für diese Sitzung ausgeschaltet.</translation>
    </message>
    <message>
        <source>The message history cannot be kept: %1 History is off for this session.</source>
        <translation>Der Nachrichtenverlauf kann nicht gespeichert werden: %1 Der Verlauf ist für diese Sitzung ausgeschaltet.</translation>
    </message>
    <message>
        <source>The message history at %1 was written by a newer version of SecureChat (format %2; this version reads format %3 and older). It was left as it is; history is off for this session.</source>
        <translation>Der Nachrichtenverlauf in %1 wurde von einer neueren Version von SecureChat geschrieben (Format %2; diese Version liest Format %3 und älter). Er wurde unverändert gelassen; der Verlauf ist für diese Sitzung ausgeschaltet.</translation>
    </message>
    <message>
        <source>The message history at %1 could not be opened (%2). It was left as it is; history is off for this session.</source>
        <translation>Der Nachrichtenverlauf in %1 konnte nicht geöffnet werden (%2). Er wurde unverändert gelassen; der Verlauf ist für diese Sitzung ausgeschaltet.</translation>
    </message>
    <message>
        <source>The message history at %1 could not be read (%2), nor set aside: %3 History is off for this session.</source>
        <translation>Der Nachrichtenverlauf in %1 konnte weder gelesen (%2) noch beiseitegelegt werden: %3 Der Verlauf ist für diese Sitzung ausgeschaltet.</translation>
    </message>
    <message>
        <source>The message history at %1 could not be read (%2); it was set aside as %3 and a new history was started.</source>
        <translation>Der Nachrichtenverlauf in %1 konnte nicht gelesen werden (%2); er wurde als %3 beiseitegelegt, und ein neuer Verlauf wurde begonnen.</translation>
    </message>
    <message>
        <source>The new history could not be started either (%1); history is off for this session.</source>
        <translation>Auch der neue Verlauf konnte nicht begonnen werden (%1); der Verlauf ist für diese Sitzung ausgeschaltet.</translation>
    </message>
</context>
<context>
    <name>securechat::HistoryFile</name>
    <message>
        <source>The folder %1 could not be created.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 could not be created (%2).</source>
        <translation>%1 konnte nicht angelegt werden (%2).</translation>
    </message>
    <message>
        <source>%1 could not be made readable by its owner only (%2).</source>
        <translation>%1 konnte nicht auf „nur für den Eigentümer lesbar“ gesetzt werden (%2).</translation>
    </message>
    <message>
        <source>%1 could not be renamed to %2 (%3).</source>
        <translation>%1 konnte nicht in %2 umbenannt werden (%3).</translation>
    </message>
</context>
<context>
    <name>securechat::HistoryMenu</name>
    <message>
        <source>Hi&amp;story</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>&amp;Keep History of This Conversation</source>
        <translation>Verlauf dieser Unterhaltung &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Search History…</source>
        <translation>Verlauf &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Export Conversation…</source>
        <translation>Unterhaltung &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Clear History of This Conversation…</source>
        <translation>Verlauf dieser Unterhaltung &amp;löschen…</translation>
    </message>
    <message>
        <source>Clear &amp;All History…</source>
        <translation>&amp;Gesamten Verlauf löschen…</translation>
    </message>
    <message>
        <source>A message could not be stored in the history: %1</source>
        <translation>Eine Nachricht konnte nicht im Verlauf gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Plain text (*.txt)</source>
        <translation>Nur-Text (*.txt)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Not Exported</source>
        <translation>Nicht exportiert</translation>
    </message>
    <message>
        <source>Clear All History</source>
        <translation>Gesamten Verlauf löschen</translation>
    </message>
    <message>
        <source>Clear History</source>
        <translation>Verlauf löschen</translation>
    </message>
    <message>
        <source>Remove every stored message of every conversation from this computer? Messages not yet delivered are kept until they are.</source>
        <translation>Alle gespeicherten Nachrichten aller Unterhaltungen von diesem Computer entfernen? Noch nicht zugestellte Nachrichten bleiben erhalten, bis sie zugestellt sind.</translation>
    </message>
    <message>
        <source>Remove the stored messages of this conversation from this computer? Messages not yet delivered are kept until they are.</source>
        <translation>Die gespeicherten Nachrichten dieser Unterhaltung von diesem Computer entfernen? Noch nicht zugestellte Nachrichten bleiben erhalten, bis sie zugestellt sind.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>The history could not be cleared: %1</source>
        <translation>Der Verlauf konnte nicht gelöscht werden: %1</translation>
    </message>
    <message>
        <source>All stored history was cleared, and taken out of the open tabs. Messages not yet delivered stay until they are. The cleared messages are being removed from the history file; you can go on chatting meanwhile.</source>
        <translation>Der gesamte gespeicherte Verlauf wurde gelöscht und aus den offenen Tabs entfernt. Noch nicht zugestellte Nachrichten bleiben, bis sie zugestellt sind. Die gelöschten Nachrichten werden gerade aus der Verlaufsdatei entfernt; Sie können währenddessen weiterchatten.</translation>
    </message>
    <message>
        <source>The stored history of this conversation was cleared, here too. Messages not yet delivered stay until they are. The cleared messages are being removed from the history file; you can go on chatting meanwhile.</source>
        <translation>Der gespeicherte Verlauf dieser Unterhaltung wurde gelöscht, auch hier. Noch nicht zugestellte Nachrichten bleiben, bis sie zugestellt sind. Die gelöschten Nachrichten werden gerade aus der Verlaufsdatei entfernt; Sie können währenddessen weiterchatten.</translation>
    </message>
    <message>
        <source>The cleared messages are now removed from the history file.</source>
        <translation>Die gelöschten Nachrichten sind jetzt aus der Verlaufsdatei entfernt.</translation>
    </message>
    <message>
        <source>The cleared messages could not be removed from the history file yet (%1). They stay hidden, and removing them is tried again when SecureChat next starts.</source>
        <translation>Die gelöschten Nachrichten konnten noch nicht aus der Verlaufsdatei entfernt werden (%1). Sie bleiben ausgeblendet; beim nächsten Start von SecureChat wird das Entfernen erneut versucht.</translation>
    </message>
</context>
<context>
    <name>securechat::HistorySchema</name>
    <message>
        <source>it holds tables that are not SecureChat&apos;s</source>
        <translation>die Datei enthält Tabellen, die nicht zu SecureChat gehören</translation>
    </message>
</context>
<context>
    <name>securechat::HistorySearchDialog</name>
    <message>
        <source>Search History</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Words to find in every conversation</source>
        <translation>In allen Unterhaltungen zu suchende Wörter</translation>
    </message>
    <message>
        <source>Text to find in the history</source>
        <translation>Im Verlauf zu suchender Text</translation>
    </message>
    <message>
        <source>Messages found</source>
        <translation>Gefundene Nachrichten</translation>
    </message>
    <message>
        <source>Type words to find, then press Enter.</source>
        <translation>Geben Sie die zu suchenden Wörter ein und drücken Sie dann die Eingabetaste.</translation>
    </message>
    <message>
        <source>There is no message history to search in this session.</source>
        <translation>In dieser Sitzung gibt es keinen Nachrichtenverlauf zum Durchsuchen.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3: %4</source>
        <translation>%1 · %2 · %3: %4</translation>
    </message>
    <message>
        <source>No stored message contains “%1”.</source>
        <translation>Keine gespeicherte Nachricht enthält „%1“.</translation>
    </message>
    <message>
        <source>The newest %1 messages that contain “%2”.</source>
        <translation>Die neuesten %1 Nachrichten, die „%2“ enthalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n stored message(s) contain “%1”.</source>
        <translation>
            <numerusform>%n gespeicherte Nachricht enthält „%1“.</numerusform>
            <numerusform>%n gespeicherte Nachrichten enthalten „%1“.</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click to show it in its conversation</source>
        <translation>Doppelklicken, um die Nachricht in ihrer Unterhaltung anzuzeigen</translation>
    </message>
</context>
<context>
    <name>securechat::HistoryStore</name>
    <message>
        <source>The message history could not be written (%1).</source>
        <translation>Der Nachrichtenverlauf konnte nicht geschrieben werden (%1).</translation>
    </message>
    <message>
        <source>The message history is off for this session.</source>
        <translation>Der Nachrichtenverlauf ist für diese Sitzung ausgeschaltet.</translation>
    </message>
    <message>
        <source>The message history could not be read (%1).</source>
        <translation>Der Nachrichtenverlauf konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>The export could not be written (%1).</source>
        <translation>Der Export konnte nicht geschrieben werden (%1).</translation>
    </message>
</context>
<context>
    <name>securechat::HostDialog</name>
    <message>
        <source>Host a Session</source>
        <translation>Sitzung hosten</translation>
    </message>
    <message>
        <source>Address to listen on</source>
        <translation>Adresse für eingehende Verbindungen</translation>
    </message>
    <message>
        <source>All addresses of this computer (others can join)</source>
        <translation>Alle Adressen dieses Computers (andere können beitreten)</translation>
    </message>
    <message>
        <source>This computer only (127.0.0.1)</source>
        <translation>Nur dieser Computer (127.0.0.1)</translation>
    </message>
    <message>
        <source>A specific address…</source>
        <translation>Eine bestimmte Adresse…</translation>
    </message>
    <message>
        <source>Specific address</source>
        <translation>Bestimmte Adresse</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.20 or ::1</source>
        <translation>z. B. 192.168.1.20 oder ::1</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>beliebiger freier Port</translation>
    </message>
    <message>
        <source>Require a client certificate from everyone who joins</source>
        <translation>Von allen, die beitreten, ein Client-Zertifikat verlangen</translation>
    </message>
    <message>
        <source>Require client certificates</source>
        <translation>Client-Zertifikate verlangen</translation>
    </message>
    <message>
        <source>Client CA certificates</source>
        <translation>CA-Zertifikate für Clients</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Accept client certificates issued by</source>
        <translation>Client-Zertifikate akzeptieren, ausgestellt von</translation>
    </message>
    <message>
        <source>CA certificates (PEM), optional</source>
        <translation>CA-Zertifikate (PEM), optional</translation>
    </message>
    <message>
        <source>Accept client certificates with these fingerprints</source>
        <translation>Client-Zertifikate mit diesen Fingerabdrücken akzeptieren</translation>
    </message>
    <message>
        <source>SHA-256 fingerprints, separated by commas, optional</source>
        <translation>SHA-256-Fingerabdrücke, durch Kommas getrennt, optional</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Nickname:</source>
        <translation>&amp;Nickname:</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identität:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>Or fingerprints:</source>
        <translation>Oder Fingerabdrücke:</translation>
    </message>
    <message>
        <source>&amp;Start Hosting</source>
        <translation>&amp;Hosten starten</translation>
    </message>
    <message>
        <source>“%1” is not an IP address.</source>
        <translation>„%1“ ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>“%1” is not a SHA-256 fingerprint.</source>
        <translation>„%1“ ist kein SHA-256-Fingerabdruck.</translation>
    </message>
    <message>
        <source>To require client certificates, say which to accept: a CA file, fingerprints, or both.</source>
        <translation>Um Client-Zertifikate zu verlangen, geben Sie an, welche akzeptiert werden: eine CA-Datei, Fingerabdrücke oder beides.</translation>
    </message>
    <message>
        <source>Who may join</source>
        <translation>Wer beitreten darf</translation>
    </message>
    <message>
        <source>Ask me about each new participant</source>
        <translation>Mich bei jedem neuen Teilnehmer fragen</translation>
    </message>
    <message>
        <source>Only people I know</source>
        <translation>Nur Personen, die ich kenne</translation>
    </message>
    <message>
        <source>Anyone who can reach this port</source>
        <translation>Jeder, der diesen Port erreicht</translation>
    </message>
    <message>
        <source>People you know are those you chose to always admit; you can see them, and whom you blocked, in Settings.</source>
        <translation>Bekannt sind die, die Sie immer einlassen wollten; sie und die von Ihnen Gesperrten sehen Sie in den Einstellungen.</translation>
    </message>
    <message>
        <source>&amp;Who may join:</source>
        <translation>&amp;Wer beitreten darf:</translation>
    </message>
    <message>
        <source>Announce on the &amp;local network</source>
        <translation>Im &amp;lokalen Netzwerk bekannt geben</translation>
    </message>
    <message>
        <source>Others on this network see your nickname and certificate fingerprint in their Connect dialog. Who may join is still your choice below.</source>
        <translation>Andere in diesem Netzwerk sehen Ihren Nickname und den Fingerabdruck Ihres Zertifikats in ihrem Verbindungsdialog. Wer beitreten darf, legen Sie weiterhin unten fest.</translation>
    </message>
    <message>
        <source>Use Port %1</source>
        <translation>Port %1 verwenden</translation>
    </message>
</context>
<context>
    <name>securechat::HostedPeer</name>
    <message>
        <source>not responding (no answer to a ping)</source>
        <translation>reagiert nicht (keine Antwort auf einen Ping)</translation>
    </message>
    <message>
        <source>you are sending faster than the session can deliver; slowing down (nothing is lost)</source>
        <translation>Sie senden schneller, als die Sitzung zustellen kann; es wird gebremst (nichts geht verloren)</translation>
    </message>
</context>
<context>
    <name>securechat::HostedSession</name>
    <message>
        <source>A connection from %1 was dropped: %2</source>
        <translation>Eine Verbindung von %1 wurde getrennt: %2</translation>
    </message>
    <message>
        <source>You closed the session.</source>
        <translation>Sie haben die Sitzung geschlossen.</translation>
    </message>
    <message>
        <source>Hosting on port %1</source>
        <translation>Sitzung auf Port %1</translation>
    </message>
    <message>
        <source>Not hosting</source>
        <translation>Nicht als Host aktiv</translation>
    </message>
    <message>
        <source>waiting for peers</source>
        <translation>wartet auf Teilnehmer</translation>
    </message>
    <message>
        <source>1 peer</source>
        <translation>1 Teilnehmer</translation>
    </message>
    <message>
        <source>%1 peers</source>
        <translation>%1 Teilnehmer</translation>
    </message>
    <message>
        <source>Hosting on %1</source>
        <translation>Sitzung auf %1</translation>
    </message>
    <message>
        <source>%1 checked</source>
        <translation>%1 geprüft</translation>
    </message>
    <message>
        <source>Announced on the local network as “%1”.</source>
        <translation>Im lokalen Netzwerk als „%1“ bekannt gegeben.</translation>
    </message>
    <message>
        <source>%1 joined with another certificate than the %1 you verified: it may be someone else using the name. Check with Verify… before trusting them.</source>
        <translation>%1 ist mit einem anderen Zertifikat beigetreten als der %1, den Sie verifiziert haben: vielleicht verwendet jemand anderes diesen Namen. Prüfen Sie mit „Verifizieren…“, bevor Sie der Person vertrauen.</translation>
    </message>
    <message>
        <source>%1 joined with another certificate than the %1 you always admit: it may be someone else using the name. Check with Verify… before trusting them.</source>
        <translation>%1 ist mit einem anderen Zertifikat beigetreten als der %1, den Sie immer einlassen: vielleicht verwendet jemand anderes diesen Namen. Prüfen Sie mit „Verifizieren…“, bevor Sie der Person vertrauen.</translation>
    </message>
    <message>
        <source>Hosted on port %1 (ended)</source>
        <translation>Sitzung auf Port %1 (beendet)</translation>
    </message>
    <message>
        <source>%1 verified by you</source>
        <translation>%1 von Ihnen verifiziert</translation>
    </message>
</context>
<context>
    <name>securechat::Identity</name>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>cannot open %1 %2: no such file</source>
        <translation>%1 %2 kann nicht geöffnet werden: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>cannot open %1 %2: %3</source>
        <translation>%1 %2 kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>%1 does not contain a certificate</source>
        <translation>%1 enthält kein Zertifikat</translation>
    </message>
    <message>
        <source> (it holds a private key: are certificate and key swapped?)</source>
        <translation> (darin steht ein privater Schlüssel: sind Zertifikat und Schlüssel vertauscht?)</translation>
    </message>
    <message>
        <source>%1 does not contain a private key</source>
        <translation>%1 enthält keinen privaten Schlüssel</translation>
    </message>
    <message>
        <source>%1 is encrypted: a passphrase is needed</source>
        <translation>%1 ist verschlüsselt: eine Passphrase wird benötigt</translation>
    </message>
    <message>
        <source>wrong passphrase for %1</source>
        <translation>falsche Passphrase für %1</translation>
    </message>
    <message>
        <source>%1 holds a %2 key; SecureChat needs an EC or RSA key</source>
        <translation>%1 enthält einen %2-Schlüssel; SecureChat braucht einen EC- oder RSA-Schlüssel</translation>
    </message>
    <message>
        <source>cannot convert %1: %2</source>
        <translation>%1 kann nicht umgewandelt werden: %2</translation>
    </message>
    <message>
        <source>Qt cannot use the key in %1</source>
        <translation>Qt kann den Schlüssel in %1 nicht verwenden</translation>
    </message>
    <message>
        <source>certificate expired on %1 (%2)</source>
        <translation>Zertifikat ist am %1 abgelaufen (%2)</translation>
    </message>
    <message>
        <source>certificate is not valid until %1 (%2)</source>
        <translation>Zertifikat ist erst ab %1 gültig (%2)</translation>
    </message>
    <message>
        <source>%1 does not match %2</source>
        <translation>%1 passt nicht zu %2</translation>
    </message>
    <message>
        <source>certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>certificate file %1</source>
        <translation>Zertifikatsdatei %1</translation>
    </message>
    <message>
        <source>key file %1</source>
        <translation>Schlüsseldatei %1</translation>
    </message>
    <message>
        <source>PKCS#12 file</source>
        <translation>PKCS#12-Datei</translation>
    </message>
    <message>
        <source>PKCS#12 file %1</source>
        <translation>PKCS#12-Datei %1</translation>
    </message>
    <message>
        <source>%1 is not a PKCS#12 file</source>
        <translation>%1 ist keine PKCS#12-Datei</translation>
    </message>
    <message>
        <source>wrong password for %1</source>
        <translation>falsches Passwort für %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2 (re-export it with current algorithms, e.g. openssl pkcs12 -export)</source>
        <translation>%1 kann nicht gelesen werden: %2 (exportieren Sie sie erneut mit aktuellen Algorithmen, z. B. mit openssl pkcs12 -export)</translation>
    </message>
    <message>
        <source>%1 holds no certificate</source>
        <translation>%1 enthält kein Zertifikat</translation>
    </message>
    <message>
        <source>%1 holds no private key</source>
        <translation>%1 enthält keinen privaten Schlüssel</translation>
    </message>
    <message>
        <source>certificate data</source>
        <translation>Zertifikatsdaten</translation>
    </message>
    <message>
        <source>key data</source>
        <translation>Schlüsseldaten</translation>
    </message>
    <message>
        <source>the certificate in %1</source>
        <translation>das Zertifikat in %1</translation>
    </message>
    <message>
        <source>the key in %1</source>
        <translation>der Schlüssel in %1</translation>
    </message>
</context>
<context>
    <name>securechat::IdentityChooser</name>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.p12 *.pfx);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>Private keys (*.key *.pem);;All files (*)</source>
        <translation>Private Schlüssel (*.key *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>My stored identity</source>
        <translation>Meine gespeicherte Identität</translation>
    </message>
    <message>
        <source>Certificate and key files</source>
        <translation>Zertifikats- und Schlüsseldateien</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>Kein Zertifikat</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>PEM certificate chain, or a PKCS#12 (.p12) file</source>
        <translation>PEM-Zertifikatskette oder eine PKCS#12-Datei (.p12)</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Datei mit privatem Schlüssel</translation>
    </message>
    <message>
        <source>PEM private key (not needed for .p12)</source>
        <translation>Privater PEM-Schlüssel (für .p12 nicht nötig)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Only if the key is encrypted</source>
        <translation>Nur wenn der Schlüssel verschlüsselt ist</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Kept in %1; a new one is made the first time.</source>
        <translation>Liegt in %1; beim ersten Mal wird eine neue erzeugt.</translation>
    </message>
    <message>
        <source>Choose a certificate file, or use your stored identity.</source>
        <translation>Wählen Sie eine Zertifikatsdatei oder verwenden Sie Ihre gespeicherte Identität.</translation>
    </message>
    <message>
        <source>Choose the private key file that belongs to the certificate.</source>
        <translation>Wählen Sie die Datei mit dem privaten Schlüssel, der zum Zertifikat gehört.</translation>
    </message>
</context>
<context>
    <name>securechat::IdentityGenerator</name>
    <message>
        <source>cannot generate an identity: %1 failed (%2)</source>
        <translation>Identität kann nicht erzeugt werden: %1 ist fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>cannot generate an identity: &quot;%1&quot; is not a valid host name</source>
        <translation>Identität kann nicht erzeugt werden: „%1“ ist kein gültiger Hostname</translation>
    </message>
    <message>
        <source>cannot generate an identity: &quot;%1&quot; is not an IP address</source>
        <translation>Identität kann nicht erzeugt werden: „%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>cannot generate an identity: the name must not be empty</source>
        <translation>Identität kann nicht erzeugt werden: der Name darf nicht leer sein</translation>
    </message>
    <message>
        <source>cannot generate an identity: the name is longer than %1 characters</source>
        <translation>Identität kann nicht erzeugt werden: der Name ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>cannot generate an identity: it must be valid for at least one day</source>
        <translation>Identität kann nicht erzeugt werden: sie muss mindestens einen Tag gültig sein</translation>
    </message>
</context>
<context>
    <name>securechat::IdentityPage</name>
    <message>
        <source>Your identity is the certificate others see when you host or connect. Changes here take effect at once.</source>
        <translation>Ihre Identität ist das Zertifikat, das andere sehen, wenn Sie eine Sitzung hosten oder sich verbinden. Änderungen hier wirken sofort.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Identity status</source>
        <translation>Status der Identität</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256-Fingerabdruck:</translation>
    </message>
    <message>
        <source>&amp;View certificate…</source>
        <translation>Zertifikat an&amp;zeigen…</translation>
    </message>
    <message>
        <source>&amp;Regenerate…</source>
        <translation>&amp;Neu erzeugen…</translation>
    </message>
    <message>
        <source>Make a new self-signed certificate and key; the current ones are kept as a backup</source>
        <translation>Ein neues selbstsigniertes Zertifikat mit Schlüssel erzeugen; die bisherigen werden als Sicherung aufbewahrt</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>I&amp;mportieren…</translation>
    </message>
    <message>
        <source>Use a certificate and key from a PEM or PKCS#12 (.p12) file</source>
        <translation>Zertifikat und Schlüssel aus einer PEM- oder PKCS#12-Datei (.p12) verwenden</translation>
    </message>
    <message>
        <source>E&amp;xport certificate…</source>
        <translation>Zertifikat e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save your certificate (not the key) for others to pin or verify</source>
        <translation>Ihr Zertifikat (ohne Schlüssel) speichern, damit andere es festlegen oder prüfen können</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>No usable identity: %1. SecureChat creates one when you first host or connect; you can also regenerate or import one here.</source>
        <translation>Keine verwendbare Identität: %1. SecureChat erzeugt eine, wenn Sie zum ersten Mal hosten oder sich verbinden; Sie können hier auch eine neu erzeugen oder importieren.</translation>
    </message>
    <message>
        <source>Regenerate Identity?</source>
        <translation>Identität neu erzeugen?</translation>
    </message>
    <message>
        <source>Make a new certificate and key? Peers who chose to always trust your current certificate will see it as changed and refuse it until they remove the old one.

The current identity is kept as a backup in %1.</source>
        <translation>Ein neues Zertifikat mit Schlüssel erzeugen? Wer Ihrem bisherigen Zertifikat dauerhaft vertraut, sieht es dann als geändert und lehnt es ab, bis das alte entfernt ist.

Die bisherige Identität wird als Sicherung in %1 aufbewahrt.</translation>
    </message>
    <message>
        <source>Identity Not Regenerated</source>
        <translation>Identität nicht neu erzeugt</translation>
    </message>
    <message>
        <source>Import Identity</source>
        <translation>Identität importieren</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.p12 *.pfx);;All files (*)</source>
        <translation>Zertifikate und Schlüssel (*.pem *.crt *.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Identity Not Imported</source>
        <translation>Identität nicht importiert</translation>
    </message>
    <message>
        <source>Replace Identity?</source>
        <translation>Identität ersetzen?</translation>
    </message>
    <message>
        <source>Use the certificate with the SHA-256 fingerprint
%1
as your identity? The current one is kept as a backup.</source>
        <translation>Das Zertifikat mit dem SHA-256-Fingerabdruck
%1
als Ihre Identität verwenden? Die bisherige wird als Sicherung aufbewahrt.</translation>
    </message>
    <message>
        <source>Choose the Private Key</source>
        <translation>Privaten Schlüssel auswählen</translation>
    </message>
    <message>
        <source>Private keys (*.key *.pem);;All files (*)</source>
        <translation>Private Schlüssel (*.key *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Passphrase for %1</source>
        <translation>Passphrase für %1</translation>
    </message>
    <message>
        <source>This file is protected by a passphrase.
Passphrase:</source>
        <translation>Diese Datei ist durch eine Passphrase geschützt.
Passphrase:</translation>
    </message>
    <message>
        <source>Export Certificate</source>
        <translation>Zertifikat exportieren</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Certificate Not Exported</source>
        <translation>Zertifikat nicht exportiert</translation>
    </message>
</context>
<context>
    <name>securechat::IdentityStore</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>no identity is stored in %1</source>
        <translation>in %1 ist keine Identität gespeichert</translation>
    </message>
    <message>
        <source>there is no identity to save</source>
        <translation>es gibt keine Identität zum Speichern</translation>
    </message>
    <message>
        <source>the private key cannot be written as PEM</source>
        <translation>der private Schlüssel kann nicht als PEM geschrieben werden</translation>
    </message>
    <message>
        <source>there is no identity to import</source>
        <translation>es gibt keine Identität zum Importieren</translation>
    </message>
    <message>
        <source>cannot create directory %1</source>
        <translation>Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot back up %1 to %2</source>
        <translation>%1 kann nicht als %2 gesichert werden</translation>
    </message>
</context>
<context>
    <name>securechat::InviteLink</name>
    <message>
        <source>The invite link has no fingerprint (fp=…): ask for a new link.</source>
        <translation>Der Einladungslink enthält keinen Fingerabdruck (fp=…): bitten Sie um einen neuen Link.</translation>
    </message>
    <message>
        <source>The address %1 is not a valid IPv4 address.</source>
        <translation>Die Adresse %1 ist keine gültige IPv4-Adresse.</translation>
    </message>
    <message>
        <source>The address %1 has a zone id (%2), which an invite link cannot carry: use the host&apos;s global address or its name.</source>
        <translation>Die Adresse %1 hat eine Zonen-ID (%2), die ein Einladungslink nicht enthalten kann: verwenden Sie die globale Adresse des Hosts oder seinen Namen.</translation>
    </message>
    <message>
        <source>The address %1 is not a valid IPv6 address.</source>
        <translation>Die Adresse %1 ist keine gültige IPv6-Adresse.</translation>
    </message>
    <message>
        <source>The host name %1 is not valid: a name is letters, digits and hyphens, separated by dots.</source>
        <translation>Der Hostname %1 ist ungültig: ein Name besteht aus Buchstaben, Ziffern und Bindestrichen, getrennt durch Punkte.</translation>
    </message>
    <message>
        <source>The invite link has no host name or address.</source>
        <translation>Der Einladungslink enthält weder Hostname noch Adresse.</translation>
    </message>
    <message>
        <source>The nickname in the invite link is empty.</source>
        <translation>Der Nickname im Einladungslink ist leer.</translation>
    </message>
    <message>
        <source>The nickname in the invite link is longer than %1 characters.</source>
        <translation>Der Nickname im Einladungslink ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>The %1 in the invite link has an incomplete %-escape.</source>
        <translation>Der %1 im Einladungslink enthält eine unvollständige %-Escape-Sequenz.</translation>
    </message>
    <message>
        <source>The %1 in the invite link is not valid UTF-8.</source>
        <translation>Der %1 im Einladungslink ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The fingerprint in the invite link must start with SHA256: (fp=SHA256:…).</source>
        <translation>Der Fingerabdruck im Einladungslink muss mit SHA256: beginnen (fp=SHA256:…).</translation>
    </message>
    <message>
        <source>The fingerprint in the invite link contains “%1”, which is not a hex digit.</source>
        <translation>Der Fingerabdruck im Einladungslink enthält „%1“; das ist keine Hexadezimalziffer.</translation>
    </message>
    <message>
        <source>The invite link is truncated: the fingerprint has %1 of %2 hex digits.</source>
        <translation>Der Einladungslink ist abgeschnitten: der Fingerabdruck hat %1 von %2 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>The fingerprint in the invite link has %1 hex digits; a SHA-256 fingerprint has %2.</source>
        <translation>Der Fingerabdruck im Einladungslink hat %1 Hexadezimalziffern; ein SHA-256-Fingerabdruck hat %2.</translation>
    </message>
    <message>
        <source>The fingerprint in the invite link has a colon out of place: colons go between pairs of hex digits (AB:CD:…).</source>
        <translation>Der Fingerabdruck im Einladungslink hat einen Doppelpunkt an der falschen Stelle: Doppelpunkte stehen zwischen Paaren von Hexadezimalziffern (AB:CD:…).</translation>
    </message>
    <message>
        <source>An invite link starts with securechat:// (with two slashes).</source>
        <translation>Ein Einladungslink beginnt mit securechat:// (mit zwei Schrägstrichen).</translation>
    </message>
    <message>
        <source>This is not an invite link: an invite link starts with securechat://.</source>
        <translation>Das ist kein Einladungslink: ein Einladungslink beginnt mit securechat://.</translation>
    </message>
    <message>
        <source>This is a %1: link, not an invite link: an invite link starts with securechat://.</source>
        <translation>Das ist ein %1:-Link, kein Einladungslink: ein Einladungslink beginnt mit securechat://.</translation>
    </message>
    <message>
        <source>The invite link has a user name (…@), which an invite link never has.</source>
        <translation>Der Einladungslink enthält einen Benutzernamen (…@), den ein Einladungslink nie hat.</translation>
    </message>
    <message>
        <source>The IPv6 address in the invite link has no closing bracket.</source>
        <translation>Der IPv6-Adresse im Einladungslink fehlt die schließende eckige Klammer.</translation>
    </message>
    <message>
        <source>Only an IPv6 address goes in brackets; [%1] is not one.</source>
        <translation>Nur eine IPv6-Adresse steht in eckigen Klammern; [%1] ist keine.</translation>
    </message>
    <message>
        <source>An IPv6 address in an invite link goes in brackets: securechat://[2001:db8::1]:PORT/…</source>
        <translation>Eine IPv6-Adresse steht in einem Einladungslink in eckigen Klammern: securechat://[2001:db8::1]:PORT/…</translation>
    </message>
    <message>
        <source>The invite link has no port (securechat://HOST:PORT/…).</source>
        <translation>Der Einladungslink enthält keinen Port (securechat://HOST:PORT/…).</translation>
    </message>
    <message>
        <source>The invite link has “%1” after the address, where :PORT belongs.</source>
        <translation>Der Einladungslink enthält nach der Adresse „%1“, wo :PORT hingehört.</translation>
    </message>
    <message>
        <source>The port “%1” is not a number.</source>
        <translation>Der Port „%1“ ist keine Zahl.</translation>
    </message>
    <message>
        <source>The port %1 is not a valid port.</source>
        <translation>Der Port %1 ist kein gültiger Port.</translation>
    </message>
    <message>
        <source>The invite link has an empty parameter (“&amp;&amp;”, or “&amp;” at an end).</source>
        <translation>Der Einladungslink enthält einen leeren Parameter („&amp;&amp;“ oder „&amp;“ am Anfang oder Ende).</translation>
    </message>
    <message>
        <source>The invite link has an unknown parameter “%1”: the link was changed, or it comes from a newer SecureChat.</source>
        <translation>Der Einladungslink enthält einen unbekannten Parameter „%1“: der Link wurde verändert oder stammt von einer neueren SecureChat-Version.</translation>
    </message>
    <message>
        <source>The invite link gives “%1” twice.</source>
        <translation>Der Einladungslink gibt „%1“ zweimal an.</translation>
    </message>
    <message>
        <source>The invite link is empty.</source>
        <translation>Der Einladungslink ist leer.</translation>
    </message>
    <message>
        <source>The invite link contains a space or a line break: copy it again in one piece.</source>
        <translation>Der Einladungslink enthält ein Leerzeichen oder einen Zeilenumbruch: kopieren Sie ihn noch einmal in einem Stück.</translation>
    </message>
    <message>
        <source>The invite link contains a control character, which a link cannot contain.</source>
        <translation>Der Einladungslink enthält ein Steuerzeichen, das ein Link nicht enthalten kann.</translation>
    </message>
    <message>
        <source>The invite link has a fragment (#…), which an invite link never has.</source>
        <translation>Der Einladungslink enthält ein Fragment (#…), das ein Einladungslink nie hat.</translation>
    </message>
    <message>
        <source>The invite link has a path (%1) after the port; an invite link has none.</source>
        <translation>Der Einladungslink enthält nach dem Port einen Pfad (%1); ein Einladungslink hat keinen.</translation>
    </message>
    <message>
        <source>fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>nickname</source>
        <translation>Nickname</translation>
    </message>
    <message>
        <source>The port 0 is not a valid port.</source>
        <translation>Der Port 0 ist kein gültiger Port.</translation>
    </message>
    <message>
        <source>A certificate fingerprint for an invite link is a SHA-256 digest of %1 bytes, not %2 bytes.</source>
        <translation>Der Fingerabdruck eines Zertifikats für einen Einladungslink ist ein SHA-256-Hashwert von %1 Byte, nicht von %2 Byte.</translation>
    </message>
</context>
<context>
    <name>securechat::InviteLinkMaker</name>
    <message>
        <source>The link names %1, the address this session listens on.</source>
        <translation>Der Link nennt %1, die Adresse, auf der diese Sitzung Verbindungen annimmt.</translation>
    </message>
    <message>
        <source>The link names %1: this computer has no other address, so only it can use the link.</source>
        <translation>Der Link nennt %1: dieser Computer hat keine andere Adresse, daher kann nur er selbst den Link verwenden.</translation>
    </message>
    <message>
        <source>The link names %1, this computer&apos;s address on the local network; people elsewhere need an address they can reach.</source>
        <translation>Der Link nennt %1, die Adresse dieses Computers im lokalen Netzwerk; Personen anderswo brauchen eine Adresse, die sie erreichen können.</translation>
    </message>
</context>
<context>
    <name>securechat::JoinRequestCard</name>
    <message>
        <source>%1 wants to join</source>
        <translation>%1 möchte beitreten</translation>
    </message>
    <message>
        <source>From %1 · %2</source>
        <translation>Von %1 · %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Admit &amp;once</source>
        <translation>&amp;Einmal einlassen</translation>
    </message>
    <message>
        <source>Let them in this time. You will be asked again next time.</source>
        <translation>Dieses Mal einlassen. Beim nächsten Mal werden Sie wieder gefragt.</translation>
    </message>
    <message>
        <source>A&amp;lways admit</source>
        <translation>&amp;Immer einlassen</translation>
    </message>
    <message>
        <source>Without a certificate they cannot be recognised next time.</source>
        <translation>Ohne Zertifikat ist die Person beim nächsten Mal nicht wiederzuerkennen.</translation>
    </message>
    <message>
        <source>Let them in, and from now on whenever they come with this certificate (see Settings).</source>
        <translation>Einlassen, und von nun an immer, wenn die Person mit diesem Zertifikat kommt (siehe Einstellungen).</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Turn them away; they are told that you did not let them in.</source>
        <translation>Abweisen; die Person erfährt, dass Sie sie nicht eingelassen haben.</translation>
    </message>
</context>
<context>
    <name>securechat::JoinRequestPanel</name>
    <message>
        <source>People waiting to join</source>
        <translation>Personen, die auf Einlass warten</translation>
    </message>
</context>
<context>
    <name>securechat::JoinedSession</name>
    <message>
        <source>Joined %1 as %2.</source>
        <translation>%1 als %2 beigetreten.</translation>
    </message>
    <message>
        <source>The host reports: %1</source>
        <translation>Der Host meldet: %1</translation>
    </message>
    <message>
        <source>the session ended</source>
        <translation>die Sitzung ist beendet</translation>
    </message>
    <message>
        <source>Disconnected: %1</source>
        <translation>Getrennt: %1</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1…</translation>
    </message>
    <message>
        <source>Waiting for your decision about the certificate of %1</source>
        <translation>Warte auf Ihre Entscheidung zum Zertifikat von %1</translation>
    </message>
    <message>
        <source>Joining %1…</source>
        <translation>Beitritt zu %1…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Waiting for the host to let you in</source>
        <translation>Warten, bis der Host Sie hereinlässt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Namensauflösung für %1…</translation>
    </message>
    <message>
        <source>Securing the connection to %1 (TLS handshake)…</source>
        <translation>Verbindung zu %1 wird gesichert (TLS-Handshake)…</translation>
    </message>
    <message>
        <source>Reconnected to %1 as %2.</source>
        <translation>Erneut mit %1 als %2 verbunden.</translation>
    </message>
    <message>
        <source>the connection closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost: %1. Reconnecting in %n s.</source>
        <translation>
            <numerusform>Verbindung verloren: %1. Erneuter Verbindungsversuch in %n s.</numerusform>
            <numerusform>Verbindung verloren: %1. Erneuter Verbindungsversuch in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connection lost — reconnecting in %n s</source>
        <translation>
            <numerusform>Verbindung verloren – erneuter Verbindungsversuch in %n s</numerusform>
            <numerusform>Verbindung verloren – erneuter Verbindungsversuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection lost — reconnecting now…</source>
        <translation>Verbindung verloren – erneuter Verbindungsversuch läuft…</translation>
    </message>
    <message>
        <source>Your known peers could not be read: %1</source>
        <translation>Ihre bekannten Gegenstellen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>You can verify only the host: it vouches for the others.</source>
        <translation>Sie können nur den Host verifizieren: er bürgt für die anderen.</translation>
    </message>
    <message>
        <source>This is a plain TLS server, not a SecureChat host: messages are sent as text lines, and it does not say who else is there.</source>
        <translation>Dies ist ein einfacher TLS-Server, kein SecureChat-Host: Nachrichten werden als Textzeilen gesendet, und er gibt nicht an, wer sonst noch da ist.</translation>
    </message>
    <message>
        <source>plain TLS server, text lines</source>
        <translation>einfacher TLS-Server, Textzeilen</translation>
    </message>
    <message>
        <source>A different certificate answered on %1: this is a new conversation. The messages above were with the earlier host; what it never received is not sent to this one.</source>
        <translation>Auf %1 hat ein anderes Zertifikat geantwortet: Dies ist eine neue Unterhaltung. Die Nachrichten darüber gingen an den früheren Host; was er nie erhalten hat, wird nicht an diesen gesendet.</translation>
    </message>
</context>
<context>
    <name>securechat::KnownClients</name>
    <message>
        <source>Cannot read the known clients file %1: %2</source>
        <translation>Die Datei der bekannten Clients %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>A SHA-256 fingerprint has 32 bytes; this one has %1.</source>
        <translation>Ein SHA-256-Fingerabdruck hat 32 Byte; dieser hat %1.</translation>
    </message>
    <message>
        <source>No known client has that fingerprint.</source>
        <translation>Kein bekannter Client hat diesen Fingerabdruck.</translation>
    </message>
    <message>
        <source>Cannot write the known clients file %1: %2</source>
        <translation>Die Datei der bekannten Clients %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>line %1: expected &quot;SHA256:fingerprint admit|verified|block nickname&quot;</source>
        <translation>Zeile %1: erwartet „SHA256:Fingerabdruck admit|verified|block Nickname“</translation>
    </message>
</context>
<context>
    <name>securechat::KnownClientsModel</name>
    <message>
        <source>There is no known client in row %1.</source>
        <translation>In Zeile %1 gibt es keinen bekannten Client.</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Nickname</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
</context>
<context>
    <name>securechat::KnownPeers</name>
    <message>
        <source>The host name is empty.</source>
        <translation>Der Hostname ist leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name.</source>
        <translation>„%1“ ist kein gültiger Hostname.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port number from 1 to 65535.</source>
        <translation>„%1“ ist keine Portnummer von 1 bis 65535.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a fingerprint: it should start with SHA256:.</source>
        <translation>„%1“ ist kein Fingerabdruck: er sollte mit SHA256: beginnen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SHA-256 fingerprint: it should be SHA256: followed by 32 hexadecimal pairs separated by colons.</source>
        <translation>„%1“ ist kein SHA-256-Fingerabdruck: er sollte aus SHA256: und 32 durch Doppelpunkte getrennten Hexadezimalpaaren bestehen.</translation>
    </message>
    <message>
        <source>expected &quot;host:port SHA256:fingerprint first-seen note&quot;, found &quot;%1&quot;.</source>
        <translation>erwartet „host:port SHA256:fingerprint first-seen note“, gefunden „%1“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date and time like 2026-11-29T19:00:00Z.</source>
        <translation>„%1“ ist keine Datums- und Zeitangabe wie 2026-11-29T19:00:00Z.</translation>
    </message>
    <message>
        <source>Cannot read the known peers file %1: %2.</source>
        <translation>Die Datei der bekannten Gegenstellen %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Another program kept the known peers file %1 locked for %2 seconds; nothing was changed. Try again.</source>
        <translation>Ein anderes Programm hat die Datei der bekannten Gegenstellen %1 %2 Sekunden lang gesperrt; nichts wurde geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No permission to create the lock file beside the known peers file %1.</source>
        <translation>Keine Berechtigung, die Sperrdatei neben der Datei der bekannten Gegenstellen %1 anzulegen.</translation>
    </message>
    <message>
        <source>Cannot lock the known peers file %1.</source>
        <translation>Die Datei der bekannten Gegenstellen %1 kann nicht gesperrt werden.</translation>
    </message>
    <message>
        <source>A SHA-256 fingerprint has 32 bytes; the one given for %1 has %2.</source>
        <translation>Ein SHA-256-Fingerabdruck hat 32 Byte; der für %1 angegebene hat %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; lacks the ] that closes its IPv6 address.</source>
        <translation>In „%1“ fehlt die ], die die IPv6-Adresse abschließt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no port: write it as [address]:port, e.g. [::1]:4433.</source>
        <translation>„%1“ hat keinen Port: schreiben Sie [Adresse]:Port, z. B. [::1]:4433.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in brackets is not an IPv6 address.</source>
        <translation>„%1“ in eckigen Klammern ist keine IPv6-Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no port: write it as host:port, e.g. localhost:4433.</source>
        <translation>„%1“ hat keinen Port: schreiben Sie Host:Port, z. B. localhost:4433.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write an IPv6 address in brackets, e.g. [::1]:4433.</source>
        <translation>„%1“: schreiben Sie eine IPv6-Adresse in eckigen Klammern, z. B. [::1]:4433.</translation>
    </message>
    <message>
        <source>Port 0 is not a port a peer can listen on.</source>
        <translation>Port 0 ist kein Port, auf dem eine Gegenstelle Verbindungen annehmen kann.</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>line %1: %2 is already listed on line %3, which is the one used.</source>
        <translation>Zeile %1: %2 steht bereits in Zeile %3; diese wird verwendet.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the known peers file.</source>
        <translation>Der Ordner %1 für die Datei der bekannten Gegenstellen kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>%1 is not a known peer.</source>
        <translation>%1 ist keine bekannte Gegenstelle.</translation>
    </message>
    <message>
        <source>Cannot write the known peers file %1: %2.</source>
        <translation>Die Datei der bekannten Gegenstellen %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>Cannot save the known peers file %1: %2.</source>
        <translation>Die Datei der bekannten Gegenstellen %1 kann nicht gespeichert werden: %2.</translation>
    </message>
</context>
<context>
    <name>securechat::KnownPeersModel</name>
    <message>
        <source>There is no known peer in row %1.</source>
        <translation>In Zeile %1 gibt es keine bekannte Gegenstelle.</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>First trusted</source>
        <translation>Vertraut seit</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
</context>
<context>
    <name>securechat::LineCodec</name>
    <message>
        <source>line longer than %1 bytes</source>
        <translation>Zeile länger als %1 Byte</translation>
    </message>
</context>
<context>
    <name>securechat::ListenFailure</name>
    <message>
        <source>port %1 of this computer</source>
        <translation>Port %1 dieses Computers</translation>
    </message>
    <message>
        <source>Port %1 is already in use on this computer: another program or session listens there. Choose another port, or 0 for any free one.</source>
        <translation>Port %1 wird auf diesem Computer bereits verwendet: ein anderes Programm oder eine andere Sitzung nimmt dort Verbindungen an. Wählen Sie einen anderen Port oder 0 für einen beliebigen freien.</translation>
    </message>
    <message>
        <source>%1 is already in use: another program or session listens there. Choose another port, or 0 for any free one.</source>
        <translation>%1 wird bereits verwendet: ein anderes Programm oder eine andere Sitzung nimmt dort Verbindungen an. Wählen Sie einen anderen Port oder 0 für einen beliebigen freien.</translation>
    </message>
    <message>
        <source>Only the administrator may listen on port %1: choose a port from 1024 up.</source>
        <translation>Nur der Administrator darf auf Port %1 Verbindungen annehmen: wählen Sie einen Port ab 1024.</translation>
    </message>
    <message>
        <source>This computer does not allow SecureChat to listen on %1.</source>
        <translation>Dieser Computer erlaubt SecureChat nicht, auf %1 Verbindungen anzunehmen.</translation>
    </message>
    <message>
        <source>%1 is not an address of this computer.</source>
        <translation>%1 ist keine Adresse dieses Computers.</translation>
    </message>
    <message>
        <source>SecureChat could not listen on %1 (%2).</source>
        <translation>SecureChat konnte auf %1 keine Verbindungen annehmen (%2).</translation>
    </message>
</context>
<context>
    <name>securechat::MainWindow</name>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>&amp;Host…</source>
        <translation>&amp;Hosten…</translation>
    </message>
    <message>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Close &amp;Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <source>C&amp;ertificate…</source>
        <translation>&amp;Zertifikat…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Session &amp;Details…</source>
        <translation>Sitzungs&amp;details…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Copy Selected Messages</source>
        <translation>Ausgewählte Nachrichten &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;About SecureChat</source>
        <translation>&amp;Über SecureChat</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sitzung</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Werkzeugleiste</translation>
    </message>
    <message>
        <source>Your known peers could not be read: %1</source>
        <translation>Ihre bekannten Gegenstellen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot Host</source>
        <translation>Hosten nicht möglich</translation>
    </message>
    <message>
        <source>No session. Host one, or connect to someone.</source>
        <translation>Keine Sitzung. Hosten Sie eine oder verbinden Sie sich mit jemandem.</translation>
    </message>
    <message>
        <source>No Certificate</source>
        <translation>Kein Zertifikat</translation>
    </message>
    <message>
        <source>There is no certificate to show yet.</source>
        <translation>Es gibt noch kein Zertifikat zum Anzeigen.</translation>
    </message>
    <message>
        <source>You have no identity yet: one is made when you first host or connect.</source>
        <translation>Sie haben noch keine Identität: sie wird erzeugt, wenn Sie zum ersten Mal hosten oder sich verbinden.</translation>
    </message>
    <message>
        <source>No Connection</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <source>Nobody is connected in this session yet.</source>
        <translation>In dieser Sitzung ist noch niemand verbunden.</translation>
    </message>
    <message>
        <source>About SecureChat</source>
        <translation>Über SecureChat</translation>
    </message>
    <message>
        <source>Private text chat over TLS.</source>
        <translation>Privater Text-Chat über TLS.</translation>
    </message>
    <message>
        <source>Message History</source>
        <translation>Nachrichtenverlauf</translation>
    </message>
    <message>
        <source>Do &amp;Not Disturb</source>
        <translation>&amp;Nicht stören</translation>
    </message>
    <message>
        <source>No notifications until you turn this off</source>
        <translation>Keine Benachrichtigungen, bis Sie dies ausschalten</translation>
    </message>
    <message>
        <source>SecureChat did not start hosting: %1.</source>
        <translation>SecureChat hat das Hosten nicht gestartet: %1.</translation>
    </message>
    <message>
        <source>End Your Sessions?</source>
        <translation>Ihre Sitzungen beenden?</translation>
    </message>
    <message>
        <source>Closing SecureChat ends your session: the others are told you left.</source>
        <translation>Wenn Sie SecureChat schließen, beenden Sie Ihre Sitzung: den anderen wird mitgeteilt, dass Sie gegangen sind.</translation>
    </message>
    <message numerus="yes">
        <source>Closing SecureChat ends your %n sessions: the others are told you left.</source>
        <translation>
            <numerusform>Wenn Sie SecureChat schließen, beenden Sie %n Sitzung: den anderen wird mitgeteilt, dass Sie gegangen sind.</numerusform>
            <numerusform>Wenn Sie SecureChat schließen, beenden Sie %n Sitzungen: den anderen wird mitgeteilt, dass Sie gegangen sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;End Sessions and Close</source>
        <translation>&amp;Sitzungen beenden und schließen</translation>
    </message>
    <message>
        <source>&amp;Next Tab</source>
        <translation>Nä&amp;chster Tab</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>&amp;Previous Tab</source>
        <translation>V&amp;orheriger Tab</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>You are already in the session on %1: this is its tab.</source>
        <translation>Sie sind bereits in der Sitzung auf %1: dies ist ihr Tab.</translation>
    </message>
</context>
<context>
    <name>securechat::MessageInput</name>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Write a message · Enter to send, Shift+Enter for a new line</source>
        <translation>Nachricht schreiben · Eingabe zum Senden, Umschalt+Eingabe für eine neue Zeile</translation>
    </message>
</context>
<context>
    <name>securechat::NicknameField</name>
    <message>
        <source>Nickname</source>
        <translation>Nickname</translation>
    </message>
    <message>
        <source>How others see you in a chat</source>
        <translation>Wie andere Sie im Chat sehen</translation>
    </message>
</context>
<context>
    <name>securechat::NicknamePrompt</name>
    <message>
        <source>Welcome to SecureChat</source>
        <translation>Willkommen bei SecureChat</translation>
    </message>
    <message>
        <source>What name should others see when you chat?</source>
        <translation>Welchen Namen sollen andere sehen, wenn Sie chatten?</translation>
    </message>
    <message>
        <source>It is also the name in your certificate. You can change it later in Settings.</source>
        <translation>Er ist auch der Name in Ihrem Zertifikat. Sie können ihn später in den Einstellungen ändern.</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Weiter</translation>
    </message>
</context>
<context>
    <name>securechat::NicknameRule</name>
    <message>
        <source>A nickname has 1 to %1 characters, without spaces, “&lt;”, “&gt;”, “*” or control characters.</source>
        <translation>Ein Nickname hat 1 bis %1 Zeichen, ohne Leerzeichen, „&lt;“, „&gt;“, „*“ oder Steuerzeichen.</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <source>a control character</source>
        <translation>ein Steuerzeichen</translation>
    </message>
    <message>
        <source>This one has %1.</source>
        <translation>Dieser hat %1.</translation>
    </message>
    <message numerus="yes">
        <source>This one has %n characters.</source>
        <translation>
            <numerusform>Dieser hat %n Zeichen.</numerusform>
            <numerusform>Dieser hat %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>securechat::NotificationText</name>
    <message>
        <source>the host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>Neue Nachricht von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new messages from %1</source>
        <translation>
            <numerusform>%n neue Nachricht von %1</numerusform>
            <numerusform>%n neue Nachrichten von %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n new messages)</source>
        <translation>
            <numerusform>%1 (%n neue Nachricht)</numerusform>
            <numerusform>%1 (%n neue Nachrichten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>securechat::ParticipantModel</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>%1 (host)</source>
        <translation>%1 (Host)</translation>
    </message>
    <message>
        <source>Connected with a plain TLS tool (text mode).</source>
        <translation>Mit einem einfachen TLS-Werkzeug verbunden (Textmodus).</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
</context>
<context>
    <name>securechat::PeerConnection</name>
    <message>
        <source>the TLS handshake did not finish within %1 s</source>
        <translation>der TLS-Handshake wurde nicht innerhalb von %1 s abgeschlossen</translation>
    </message>
    <message>
        <source>closed (the peer did not take the last data)</source>
        <translation>geschlossen (die Gegenstelle hat die letzten Daten nicht angenommen)</translation>
    </message>
    <message>
        <source>not reading: more than %1 KiB were waiting to be sent</source>
        <translation>liest nicht: mehr als %1 KiB warteten darauf, gesendet zu werden</translation>
    </message>
    <message>
        <source>the connection closed before the TLS handshake finished</source>
        <translation>die Verbindung wurde vor dem Ende des TLS-Handshakes geschlossen</translation>
    </message>
    <message>
        <source>not reading: nothing it was sent was taken for %1 s</source>
        <translation>liest nicht: %1 s lang wurde nichts von dem abgenommen, was gesendet wurde</translation>
    </message>
</context>
<context>
    <name>securechat::RemovalDialog</name>
    <message>
        <source>Remove and Block %1</source>
        <translation>%1 entfernen und sperren</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>%1 is told why and disconnected, and their certificate is refused from now on, whatever the session admits. You can unblock it in Settings.</source>
        <translation>%1 erfährt den Grund und wird getrennt, und das Zertifikat wird von nun an abgewiesen, wen die Sitzung auch einlässt. In den Einstellungen können Sie es entsperren.</translation>
    </message>
    <message>
        <source>%1 is told why and disconnected. They can come back, as the session admits.</source>
        <translation>%1 erfährt den Grund und wird getrennt. Die Person kann wiederkommen, wie die Sitzung es zulässt.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>optional; they see it</source>
        <translation>optional; die Person sieht ihn</translation>
    </message>
    <message>
        <source>Remove and &amp;Block</source>
        <translation>Entfernen und &amp;sperren</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>&amp;Grund:</translation>
    </message>
</context>
<context>
    <name>securechat::SessionAnnouncer</name>
    <message>
        <source>A session cannot be announced without the port it listens on.</source>
        <translation>Eine Sitzung kann nicht ohne den Port bekannt gegeben werden, auf dem sie Verbindungen annimmt.</translation>
    </message>
    <message>
        <source>A session cannot be announced without a nickname.</source>
        <translation>Eine Sitzung kann nicht ohne Nickname bekannt gegeben werden.</translation>
    </message>
</context>
<context>
    <name>securechat::SessionBanner</name>
    <message>
        <source>Session status</source>
        <translation>Sitzungsstatus</translation>
    </message>
    <message>
        <source>Your fingerprint</source>
        <translation>Ihr Fingerabdruck</translation>
    </message>
    <message>
        <source>Connection progress</source>
        <translation>Verbindungsfortschritt</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Nimmt Verbindungen auf %1 an</translation>
    </message>
    <message>
        <source>Whoever connects is shown your certificate&apos;s SHA-256 fingerprint. Read it out to them, so they can check it line by line before they trust it.</source>
        <translation>Wer sich verbindet, sieht den SHA-256-Fingerabdruck Ihres Zertifikats. Lesen Sie ihn vor, damit man ihn Zeile für Zeile prüfen kann, bevor man ihm vertraut.</translation>
    </message>
    <message>
        <source>Copy Fingerprint</source>
        <translation>Fingerabdruck kopieren</translation>
    </message>
    <message>
        <source>Copy your fingerprint</source>
        <translation>Ihren Fingerabdruck kopieren</translation>
    </message>
    <message>
        <source>Nothing is sent until the host&apos;s identity is settled.</source>
        <translation>Nichts wird gesendet, bis die Identität des Hosts geklärt ist.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel connecting</source>
        <translation>Verbindungsaufbau abbrechen</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Close Tab</source>
        <translation>Tab schließen</translation>
    </message>
    <message>
        <source>Close this tab</source>
        <translation>Diesen Tab schließen</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Open session: anyone who can reach this port can join.</source>
        <translation>Offene Sitzung: jeder, der diesen Port erreicht, kann beitreten.</translation>
    </message>
    <message>
        <source>Only people you know can join.</source>
        <translation>Nur Personen, die Sie kennen, können beitreten.</translation>
    </message>
    <message>
        <source>You are asked about each new participant before they see anything.</source>
        <translation>Sie werden bei jedem neuen Teilnehmer gefragt, bevor er etwas sieht.</translation>
    </message>
    <message>
        <source>The host is asked whether to let you in; nothing of the session reaches you before.</source>
        <translation>Der Host wird gefragt, ob er Sie hereinlässt; bis dahin erreicht Sie nichts aus der Sitzung.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Reconnect Now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop reconnecting</source>
        <translation>Erneute Verbindungsversuche anhalten</translation>
    </message>
    <message>
        <source>The connection was lost: %1. What you send meanwhile is delivered once it is back.</source>
        <translation>Die Verbindung wurde unterbrochen: %1. Was Sie inzwischen senden, wird zugestellt, sobald sie wieder besteht.</translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Reconnect in this tab</source>
        <translation>In diesem Tab neu verbinden</translation>
    </message>
    <message>
        <source>Try connecting again in this tab</source>
        <translation>Verbindung in diesem Tab erneut versuchen</translation>
    </message>
</context>
<context>
    <name>securechat::SessionDetails</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 bits</source>
        <translation>%1 Bit</translation>
    </message>
    <message>
        <source>not reported to the host by Qt</source>
        <translation>wird dem Host von Qt nicht mitgeteilt</translation>
    </message>
</context>
<context>
    <name>securechat::SessionDetailsDialog</name>
    <message>
        <source>Session Details</source>
        <translation>Sitzungsdetails</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Peer:</source>
        <translation>Gegenstelle:</translation>
    </message>
    <message>
        <source>Peer address:</source>
        <translation>Adresse der Gegenstelle:</translation>
    </message>
    <message>
        <source>Identity:</source>
        <translation>Identität:</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>Cipher suite:</source>
        <translation>Cipher-Suite:</translation>
    </message>
    <message>
        <source>Key exchange:</source>
        <translation>Schlüsselaustausch:</translation>
    </message>
    <message>
        <source>ALPN:</source>
        <translation>ALPN:</translation>
    </message>
    <message>
        <source>none — text mode</source>
        <translation>keines – Textmodus</translation>
    </message>
    <message>
        <source>Connected since:</source>
        <translation>Verbunden seit:</translation>
    </message>
    <message>
        <source>Messages sent:</source>
        <translation>Gesendete Nachrichten:</translation>
    </message>
    <message>
        <source>Messages received:</source>
        <translation>Empfangene Nachrichten:</translation>
    </message>
    <message>
        <source>&amp;View certificate…</source>
        <translation>Zertifikat &amp;anzeigen…</translation>
    </message>
</context>
<context>
    <name>securechat::SessionTab</name>
    <message>
        <source>Chat session %1</source>
        <translation>Chat-Sitzung %1</translation>
    </message>
    <message>
        <source>You are hosting on %1 as %2.</source>
        <translation>Sie hosten auf %1 als %2.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Senden (Eingabe)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>%1 joined · %2</source>
        <translation>%1 ist beigetreten · %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 hat die Sitzung verlassen</translation>
    </message>
    <message>
        <source>%1 left (%2)</source>
        <translation>%1 hat die Sitzung verlassen (%2)</translation>
    </message>
    <message>
        <source>%1 is now known as %2</source>
        <translation>%1 heißt jetzt %2</translation>
    </message>
    <message>
        <source>Participants (%1)</source>
        <translation>Teilnehmer (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>That message is too long to send (at most %1 KiB); it is still in the input line.</source>
        <translation>Diese Nachricht ist zu lang zum Senden (höchstens %1 KiB); sie steht noch in der Eingabezeile.</translation>
    </message>
    <message>
        <source>View &amp;Certificate…</source>
        <translation>&amp;Zertifikat anzeigen…</translation>
    </message>
    <message>
        <source>Connection &amp;Details…</source>
        <translation>Verbindungs&amp;details…</translation>
    </message>
    <message>
        <source>Copy &amp;Fingerprint</source>
        <translation>&amp;Fingerabdruck kopieren</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove and &amp;Block…</source>
        <translation>Entfernen und &amp;sperren…</translation>
    </message>
    <message>
        <source>Not Blocked</source>
        <translation>Nicht gesperrt</translation>
    </message>
    <message>
        <source>Not Removed</source>
        <translation>Nicht entfernt</translation>
    </message>
    <message>
        <source>Not connected: %1.</source>
        <translation>Nicht verbunden: %1.</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>&amp;Verifizieren…</translation>
    </message>
    <message>
        <source>%1 reconnected</source>
        <translation>%1 ist wieder verbunden</translation>
    </message>
    <message>
        <source>Not hosting: the session has ended</source>
        <translation>Nicht als Host aktiv: die Sitzung ist beendet</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Participants: a plain TLS server does not say</source>
        <translation>Teilnehmer: ein einfacher TLS-Server gibt das nicht an</translation>
    </message>
    <message>
        <source>Show the newest messages (End)</source>
        <translation>Die neuesten Nachrichten zeigen (Ende)</translation>
    </message>
    <message>
        <source>Shows the newest messages</source>
        <translation>Zeigt die neuesten Nachrichten</translation>
    </message>
    <message>
        <source>↓ Jump to Latest</source>
        <translation>↓ Zu den neuesten</translation>
    </message>
    <message>
        <source>↓ 1 new message</source>
        <translation>↓ 1 neue Nachricht</translation>
    </message>
    <message>
        <source>↓ %1 new messages</source>
        <translation>↓ %1 neue Nachrichten</translation>
    </message>
</context>
<context>
    <name>securechat::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Allgemein</translation>
    </message>
    <message>
        <source>&amp;Identity</source>
        <translation>&amp;Identität</translation>
    </message>
    <message>
        <source>&amp;Known peers</source>
        <translation>&amp;Bekannte Gegenstellen</translation>
    </message>
    <message>
        <source>Settings Not Saved</source>
        <translation>Einstellungen nicht gespeichert</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>Die Einstellungen konnten nicht in %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Show a notification when a message arrives while SecureChat is in the &amp;background</source>
        <translation>Benachrichtigen, wenn eine Nachricht eintrifft, während SecureChat im &amp;Hintergrund ist</translation>
    </message>
    <message>
        <source>&amp;Nickname:</source>
        <translation>&amp;Nickname:</translation>
    </message>
    <message>
        <source>Hosts whose certificate you chose to always trust. Forget a host to be asked again the next time you connect to it.</source>
        <translation>Hosts, deren Zertifikat Sie dauerhaft vertrauen. Vergessen Sie einen Host, werden Sie bei der nächsten Verbindung zu ihm erneut gefragt.</translation>
    </message>
    <message>
        <source>Known peers</source>
        <translation>Bekannte Gegenstellen</translation>
    </message>
    <message>
        <source>Some of %1 could not be read:
%2</source>
        <translation>Teile von %1 konnten nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <source>&amp;Forget…</source>
        <translation>&amp;Vergessen…</translation>
    </message>
    <message>
        <source>Forget %1?</source>
        <translation>%1 vergessen?</translation>
    </message>
    <message>
        <source>SecureChat will no longer recognise the certificate of %1. The next time you connect, it will ask you again whether to trust the certificate it presents.</source>
        <translation>SecureChat erkennt das Zertifikat von %1 dann nicht mehr. Bei der nächsten Verbindung werden Sie erneut gefragt, ob Sie dem vorgelegten Zertifikat vertrauen.</translation>
    </message>
    <message>
        <source>Peer Not Forgotten</source>
        <translation>Gegenstelle nicht vergessen</translation>
    </message>
    <message>
        <source>Known &amp;clients</source>
        <translation>Bekannte &amp;Clients</translation>
    </message>
    <message>
        <source>People who joined sessions you host, and whom you chose to always admit or removed and blocked. Forget or unblock one to be asked about them again. Changes apply to the sessions you host from now on.</source>
        <translation>Personen, die Ihren Sitzungen beigetreten sind und die Sie immer einlassen oder entfernt und gesperrt haben. Vergessen oder entsperren Sie eine, um wieder gefragt zu werden. Änderungen gelten für die Sitzungen, die Sie ab jetzt hosten.</translation>
    </message>
    <message>
        <source>Known clients</source>
        <translation>Bekannte Clients</translation>
    </message>
    <message>
        <source>&amp;Unblock…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <source>Unblock %1?</source>
        <translation>%1 entsperren?</translation>
    </message>
    <message>
        <source>The certificate of %1 will no longer be refused. When it comes back, you are asked about it again, as about anyone new.</source>
        <translation>Das Zertifikat von %1 wird nicht mehr abgewiesen. Kommt es wieder, werden Sie gefragt, wie bei jedem Neuen.</translation>
    </message>
    <message>
        <source>%1 will no longer be admitted without a question. When they come back, you are asked about them again, as about anyone new.</source>
        <translation>%1 wird nicht mehr ohne Nachfrage eingelassen. Kommt die Person wieder, werden Sie gefragt, wie bei jedem Neuen.</translation>
    </message>
    <message>
        <source>Client Not Unblocked</source>
        <translation>Client nicht entsperrt</translation>
    </message>
    <message>
        <source>Client Not Forgotten</source>
        <translation>Client nicht vergessen</translation>
    </message>
    <message>
        <source>&amp;Hide message text in notifications (they say only who wrote)</source>
        <translation>Nachrichten&amp;text in Benachrichtigungen ausblenden (sie nennen nur den Absender)</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window is closed</source>
        <translation>Beim Schließen des Fensters im Infobereich &amp;weiterlaufen</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window asks before it ends your sessions.</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich: beim Schließen des Fensters werden Sie gefragt, bevor Ihre Sitzungen beendet werden.</translation>
    </message>
    <message>
        <source>Keep a &amp;history of conversations on this computer (not encrypted)</source>
        <translation>Einen &amp;Verlauf der Unterhaltungen auf diesem Computer speichern (unverschlüsselt)</translation>
    </message>
</context>
<context>
    <name>securechat::SslSocketTransport</name>
    <message>
        <source>nobody is listening on %1</source>
        <translation>auf %1 nimmt niemand Verbindungen an</translation>
    </message>
    <message>
        <source>no computer called %1 was found</source>
        <translation>es wurde kein Computer namens %1 gefunden</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <source>the network cannot reach %1 (%2)</source>
        <translation>das Netzwerk kann %1 nicht erreichen (%2)</translation>
    </message>
    <message>
        <source>the peer closed the connection</source>
        <translation>die Gegenstelle hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the peer closed the connection during the TLS handshake</source>
        <translation>die Gegenstelle hat die Verbindung während des TLS-Handshakes geschlossen</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS-Handshake fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>TLS error: %1</source>
        <translation>TLS-Fehler: %1</translation>
    </message>
</context>
<context>
    <name>securechat::StatusIndicator</name>
    <message>
        <source>Connection security</source>
        <translation>Verbindungssicherheit</translation>
    </message>
    <message>
        <source>No session. Host one, or connect to someone.</source>
        <translation>Keine Sitzung. Hosten Sie eine oder verbinden Sie sich mit jemandem.</translation>
    </message>
    <message>
        <source>Hosting: waiting for someone to connect</source>
        <translation>Hostet: wartet auf eine Verbindung</translation>
    </message>
    <message>
        <source>Not secure yet: the connection is being set up</source>
        <translation>Noch nicht sicher: die Verbindung wird aufgebaut</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Encrypted, and every identity checked or trusted by you</source>
        <translation>Verschlüsselt, jede Identität geprüft oder von Ihnen vertraut</translation>
    </message>
    <message>
        <source>Encrypted, but someone&apos;s certificate was not checked</source>
        <translation>Verschlüsselt, aber ein Zertifikat wurde nicht geprüft</translation>
    </message>
</context>
<context>
    <name>securechat::StoredConversationDialog</name>
    <message>
        <source>Stored Conversation: %1</source>
        <translation>Gespeicherte Unterhaltung: %1</translation>
    </message>
    <message>
        <source>This conversation is not open. Shown from the history: the messages around the one found.</source>
        <translation>Diese Unterhaltung ist nicht geöffnet. Angezeigt aus dem Verlauf: die Nachrichten rund um die gefundene.</translation>
    </message>
    <message>
        <source>Stored messages</source>
        <translation>Gespeicherte Nachrichten</translation>
    </message>
</context>
<context>
    <name>securechat::TlsListener</name>
    <message>
        <source>unknown peer</source>
        <translation>unbekannte Gegenstelle</translation>
    </message>
    <message>
        <source>refused: %1 TLS handshakes already in progress from that address</source>
        <translation>abgelehnt: von dieser Adresse laufen bereits %1 TLS-Handshakes</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>refused client certificate &quot;%1&quot; (SHA256:%2): %3</source>
        <translation>Client-Zertifikat „%1“ (SHA256:%2) abgelehnt: %3</translation>
    </message>
    <message>
        <source>the connection closed before it could be taken</source>
        <translation>die Verbindung wurde geschlossen, bevor sie angenommen werden konnte</translation>
    </message>
    <message>
        <source>not TLS: the first bytes were not a TLS handshake</source>
        <translation>kein TLS: die ersten Bytes waren kein TLS-Handshake</translation>
    </message>
</context>
<context>
    <name>securechat::TlsSelfCheck</name>
    <message>
        <source>no TLS handshake within 5 s</source>
        <translation>kein TLS-Handshake innerhalb von 5 s</translation>
    </message>
    <message>
        <source>cannot listen on 127.0.0.1: %1</source>
        <translation>auf 127.0.0.1 können keine Verbindungen angenommen werden: %1</translation>
    </message>
    <message>
        <source>the TLS configuration does not work here: %1</source>
        <translation>die TLS-Konfiguration funktioniert hier nicht: %1</translation>
    </message>
</context>
<context>
    <name>securechat::TrayIcon</name>
    <message>
        <source>&amp;Show SecureChat</source>
        <translation>SecureChat &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Host…</source>
        <translation>&amp;Hosten…</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>SecureChat: no unread messages</source>
        <translation>SecureChat: keine ungelesenen Nachrichten</translation>
    </message>
    <message>
        <source>SecureChat: 1 unread message</source>
        <translation>SecureChat: 1 ungelesene Nachricht</translation>
    </message>
    <message numerus="yes">
        <source>SecureChat: %n unread messages</source>
        <translation>
            <numerusform>SecureChat: %n ungelesene Nachricht</numerusform>
            <numerusform>SecureChat: %n ungelesene Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>Do not disturb: no notifications</source>
        <translation>Nicht stören: keine Benachrichtigungen</translation>
    </message>
</context>
<context>
    <name>securechat::TrustEvaluator</name>
    <message>
        <source> on %1</source>
        <translation> am %1</translation>
    </message>
    <message>
        <source>no host name</source>
        <translation>kein Hostname</translation>
    </message>
    <message>
        <source>an unnamed authority</source>
        <translation>eine unbenannte Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>%1 presented no certificate, so there is nothing to trust.</source>
        <translation>%1 hat kein Zertifikat vorgelegt; es gibt also nichts, dem man vertrauen könnte.</translation>
    </message>
    <message>
        <source>The certificate of %1 does not match the fingerprint you gave: this may be an attack. You gave %2; it presented %3.</source>
        <translation>Das Zertifikat von %1 passt nicht zu dem Fingerabdruck, den Sie angegeben haben: Das kann ein Angriff sein. Angegeben: %2; vorgelegt: %3.</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed since you chose to trust it%2: this may be an attack. Trusted: %3; presented now: %4. Only removing %1 from your known peers lets it through.</source>
        <translation>Das Zertifikat von %1 hat sich geändert, seit Sie ihm%2 vertraut haben: Das kann ein Angriff sein. Vertraut: %3; jetzt vorgelegt: %4. Erst wenn Sie %1 aus Ihren bekannten Gegenstellen entfernen, wird es zugelassen.</translation>
    </message>
    <message>
        <source>An authority you trust vouches for the certificate of %1, and it was issued for that name.</source>
        <translation>Eine Zertifizierungsstelle, der Sie vertrauen, bürgt für das Zertifikat von %1, und es wurde für diesen Namen ausgestellt.</translation>
    </message>
    <message>
        <source>SecureChat refuses the certificate of %1: %2</source>
        <translation>SecureChat lehnt das Zertifikat von %1 ab: %2</translation>
    </message>
    <message>
        <source> It is the certificate you trusted, but that does not excuse %1.</source>
        <translation> Es ist das Zertifikat, dem Sie vertraut haben, aber das entschuldigt %1 nicht.</translation>
    </message>
    <message>
        <source>this</source>
        <translation>dieses Problem</translation>
    </message>
    <message>
        <source>these</source>
        <translation>diese Probleme</translation>
    </message>
    <message>
        <source>%1 presented the certificate whose fingerprint you gave.</source>
        <translation>%1 hat das Zertifikat vorgelegt, dessen Fingerabdruck Sie angegeben haben.</translation>
    </message>
    <message>
        <source>%1 presented the certificate you chose to trust%2.</source>
        <translation>%1 hat das Zertifikat vorgelegt, dem Sie%2 Ihr Vertrauen geschenkt haben.</translation>
    </message>
    <message>
        <source>Nobody you trust vouches for the certificate of %1. Before you trust it, check with its owner that its SHA-256 fingerprint is %2.</source>
        <translation>Niemand, dem Sie vertrauen, bürgt für das Zertifikat von %1. Bevor Sie ihm vertrauen, klären Sie mit seinem Inhaber, dass sein SHA-256-Fingerabdruck %2 lautet.</translation>
    </message>
    <message>
        <source>There is no problem with the certificate.</source>
        <translation>Mit dem Zertifikat gibt es kein Problem.</translation>
    </message>
    <message>
        <source>The certificate is self-signed: no authority vouches for it.</source>
        <translation>Das Zertifikat ist selbstsigniert: keine Zertifizierungsstelle bürgt dafür.</translation>
    </message>
    <message>
        <source>The certificate chain ends in %1, a self-signed authority you have not chosen to trust.</source>
        <translation>Die Zertifikatskette endet bei %1, einer selbstsignierten Zertifizierungsstelle, der Sie nicht vertrauen.</translation>
    </message>
    <message>
        <source>The certificate was issued by %1, an authority you have not chosen to trust.</source>
        <translation>Das Zertifikat wurde von %1 ausgestellt, einer Zertifizierungsstelle, der Sie nicht vertrauen.</translation>
    </message>
    <message>
        <source>The authority that issued the certificate (%1) is missing from the chain sent.</source>
        <translation>Die Zertifizierungsstelle, die das Zertifikat ausgestellt hat (%1), fehlt in der gesendeten Kette.</translation>
    </message>
    <message>
        <source>The certificate cannot be checked: no authority that vouches for it was sent.</source>
        <translation>Das Zertifikat kann nicht geprüft werden: es wurde keine Zertifizierungsstelle mitgesendet, die dafür bürgt.</translation>
    </message>
    <message>
        <source>The authority at the root of the chain is not trusted to vouch for servers.</source>
        <translation>Der Zertifizierungsstelle an der Wurzel der Kette wird nicht zugetraut, für Server zu bürgen.</translation>
    </message>
    <message>
        <source>The certificate was issued for %1, not for %2.</source>
        <translation>Das Zertifikat wurde für %1 ausgestellt, nicht für %2.</translation>
    </message>
    <message>
        <source>the name you connected to</source>
        <translation>den Namen, mit dem Sie sich verbunden haben</translation>
    </message>
    <message>
        <source>The certificate has expired.</source>
        <translation>Das Zertifikat ist abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>Das Zertifikat ist am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet.</source>
        <translation>Das Zertifikat ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The certificate is not valid before %1.</source>
        <translation>Das Zertifikat ist erst ab %1 gültig.</translation>
    </message>
    <message>
        <source>The start of the certificate&apos;s validity is malformed.</source>
        <translation>Der Beginn der Gültigkeit des Zertifikats ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The end of the certificate&apos;s validity is malformed.</source>
        <translation>Das Ende der Gültigkeit des Zertifikats ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The signature on the certificate does not verify: it may have been altered.</source>
        <translation>Die Signatur des Zertifikats ist ungültig: es wurde möglicherweise verändert.</translation>
    </message>
    <message>
        <source>The signature on the certificate cannot be read.</source>
        <translation>Die Signatur des Zertifikats kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The public key of the authority that issued the certificate cannot be read.</source>
        <translation>Der öffentliche Schlüssel der Zertifizierungsstelle, die das Zertifikat ausgestellt hat, kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The certificate was revoked by the authority that issued it.</source>
        <translation>Das Zertifikat wurde von der ausstellenden Zertifizierungsstelle widerrufen.</translation>
    </message>
    <message>
        <source>A certificate in the chain acts as an authority but is not allowed to.</source>
        <translation>Ein Zertifikat in der Kette tritt als Zertifizierungsstelle auf, darf das aber nicht.</translation>
    </message>
    <message>
        <source>The chain has more intermediate authorities than its root allows.</source>
        <translation>Die Kette enthält mehr Zwischenzertifizierungsstellen, als ihre Wurzel erlaubt.</translation>
    </message>
    <message>
        <source>The certificate is not meant for this use: it is not a certificate for a server.</source>
        <translation>Das Zertifikat ist nicht für diesen Zweck bestimmt: es ist kein Serverzertifikat.</translation>
    </message>
    <message>
        <source>The authority at the root of the chain is marked to reject this use.</source>
        <translation>Die Zertifizierungsstelle an der Wurzel der Kette ist so markiert, dass sie diesen Zweck ablehnt.</translation>
    </message>
    <message>
        <source>The issuer named in the certificate is not the authority that signed it.</source>
        <translation>Der im Zertifikat genannte Aussteller ist nicht die Zertifizierungsstelle, die es signiert hat.</translation>
    </message>
    <message>
        <source>The authority key named in the certificate does not match the authority that signed it.</source>
        <translation>Der im Zertifikat genannte Schlüssel der Zertifizierungsstelle passt nicht zu der Zertifizierungsstelle, die es signiert hat.</translation>
    </message>
    <message>
        <source>The other side presented no certificate.</source>
        <translation>Die Gegenseite hat kein Zertifikat vorgelegt.</translation>
    </message>
    <message>
        <source>TLS is not available: the OpenSSL library could not be loaded.</source>
        <translation>TLS ist nicht verfügbar: die OpenSSL-Bibliothek konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>The certificate is on the list of certificates known to be compromised.</source>
        <translation>Das Zertifikat steht auf der Liste der bekanntermaßen kompromittierten Zertifikate.</translation>
    </message>
    <message>
        <source>Whether the certificate was revoked cannot be determined.</source>
        <translation>Ob das Zertifikat widerrufen wurde, lässt sich nicht feststellen.</translation>
    </message>
    <message>
        <source>The server sent no revocation status (OCSP) for its certificate.</source>
        <translation>Der Server hat keinen Widerrufsstatus (OCSP) für sein Zertifikat gesendet.</translation>
    </message>
    <message>
        <source>The revocation status service (OCSP) could not understand the request.</source>
        <translation>Der Widerrufsstatusdienst (OCSP) konnte die Anfrage nicht verstehen.</translation>
    </message>
    <message>
        <source>The revocation status (OCSP) the server sent is malformed.</source>
        <translation>Der vom Server gesendete Widerrufsstatus (OCSP) ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The revocation status service (OCSP) reported an internal error.</source>
        <translation>Der Widerrufsstatusdienst (OCSP) hat einen internen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The revocation status service (OCSP) asked to try again later.</source>
        <translation>Der Widerrufsstatusdienst (OCSP) bittet, es später erneut zu versuchen.</translation>
    </message>
    <message>
        <source>The revocation status service (OCSP) requires a signed request.</source>
        <translation>Der Widerrufsstatusdienst (OCSP) verlangt eine signierte Anfrage.</translation>
    </message>
    <message>
        <source>The revocation status service (OCSP) refused to answer this request.</source>
        <translation>Der Widerrufsstatusdienst (OCSP) hat die Antwort auf diese Anfrage verweigert.</translation>
    </message>
    <message>
        <source>The revocation status (OCSP) the server sent is not signed by anyone trusted.</source>
        <translation>Der vom Server gesendete Widerrufsstatus (OCSP) ist von niemandem signiert, dem vertraut wird.</translation>
    </message>
    <message>
        <source>The revocation status (OCSP) the server sent is about another certificate.</source>
        <translation>Der vom Server gesendete Widerrufsstatus (OCSP) betrifft ein anderes Zertifikat.</translation>
    </message>
    <message>
        <source>The revocation status (OCSP) the server sent is out of date.</source>
        <translation>Der vom Server gesendete Widerrufsstatus (OCSP) ist veraltet.</translation>
    </message>
    <message>
        <source>The revocation status service (OCSP) does not know this certificate.</source>
        <translation>Der Widerrufsstatusdienst (OCSP) kennt dieses Zertifikat nicht.</translation>
    </message>
    <message>
        <source>TLS reported a problem: %1.</source>
        <translation>TLS hat ein Problem gemeldet: %1.</translation>
    </message>
</context>
<context>
    <name>securechat::TrustPromptDialog</name>
    <message>
        <source>Check This Certificate</source>
        <translation>Dieses Zertifikat prüfen</translation>
    </message>
    <message>
        <source>Unverified certificate</source>
        <translation>Nicht verifiziertes Zertifikat</translation>
    </message>
    <message>
        <source>Check this certificate before you trust it</source>
        <translation>Prüfen Sie dieses Zertifikat, bevor Sie ihm vertrauen</translation>
    </message>
    <message>
        <source>Nobody you trust vouches for this certificate, so SecureChat cannot tell who is on the other end. Nothing has been sent yet.</source>
        <translation>Niemand, dem Sie vertrauen, bürgt für dieses Zertifikat; SecureChat kann daher nicht sagen, wer am anderen Ende ist. Bisher wurde nichts gesendet.</translation>
    </message>
    <message>
        <source>&amp;View certificate…</source>
        <translation>Zertifikat &amp;anzeigen…</translation>
    </message>
    <message>
        <source>Trust &amp;once</source>
        <translation>&amp;Einmal vertrauen</translation>
    </message>
    <message>
        <source>Connect this time only. You will be asked again next time.</source>
        <translation>Nur dieses Mal verbinden. Beim nächsten Mal werden Sie erneut gefragt.</translation>
    </message>
    <message>
        <source>&amp;Always trust</source>
        <translation>&amp;Immer vertrauen</translation>
    </message>
    <message>
        <source>Remember this certificate for this host. You will not be asked again, and a different certificate from this host will be refused.</source>
        <translation>Dieses Zertifikat für diesen Host speichern. Sie werden nicht erneut gefragt, und ein anderes Zertifikat dieses Hosts wird abgelehnt.</translation>
    </message>
    <message>
        <source>Claims to be:</source>
        <translation>Gibt sich aus als:</translation>
    </message>
    <message>
        <source>(no certificate details available)</source>
        <translation>(keine Zertifikatsdetails verfügbar)</translation>
    </message>
    <message>
        <source>Claims to be</source>
        <translation>Gibt sich aus als</translation>
    </message>
    <message>
        <source>no names listed</source>
        <translation>keine Namen angegeben</translation>
    </message>
    <message>
        <source>Issued for</source>
        <translation>Ausgestellt für</translation>
    </message>
    <message>
        <source>Issued for:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>itself (self-signed)</source>
        <translation>sich selbst (selbstsigniert)</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Ausgestellt von</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>expired on %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>Ask the owner of the host to read their fingerprint to you, in person or over a channel you already trust, and compare every line.</source>
        <translation>Bitten Sie den Betreiber des Hosts, Ihnen seinen Fingerabdruck vorzulesen – persönlich oder über einen Kanal, dem Sie bereits vertrauen –, und vergleichen Sie jede Zeile.</translation>
    </message>
    <message>
        <source>Why it is not verified</source>
        <translation>Warum es nicht verifiziert ist</translation>
    </message>
</context>
<context>
    <name>securechat::TrustRefusalDialog</name>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>Certificate Changed: Connection Refused</source>
        <translation>Zertifikat geändert: Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>Certificate Refused</source>
        <translation>Zertifikat abgelehnt</translation>
    </message>
    <message>
        <source>The certificate of %1 has changed. This may be an attack.</source>
        <translation>Das Zertifikat von %1 hat sich geändert. Das kann ein Angriff sein.</translation>
    </message>
    <message>
        <source>SecureChat refused the certificate of %1.</source>
        <translation>SecureChat hat das Zertifikat von %1 abgelehnt.</translation>
    </message>
    <message>
        <source>It is not the certificate you chose to trust. Someone may be intercepting the connection, or the owner of the host may have replaced the certificate. SecureChat did not connect and sent nothing.</source>
        <translation>Es ist nicht das Zertifikat, dem Sie vertrauen. Vielleicht fängt jemand die Verbindung ab, oder der Betreiber des Hosts hat das Zertifikat ersetzt. SecureChat hat keine Verbindung hergestellt und nichts gesendet.</translation>
    </message>
    <message>
        <source>The certificate has a problem that no trust decision can excuse. SecureChat did not connect and sent nothing.</source>
        <translation>Das Zertifikat hat ein Problem, das keine Vertrauensentscheidung entschuldigen kann. SecureChat hat keine Verbindung hergestellt und nichts gesendet.</translation>
    </message>
    <message>
        <source>How to proceed</source>
        <translation>Wie es weitergeht</translation>
    </message>
    <message>
        <source>Ask the owner of the host, in person or over a channel you already trust, whether they replaced the certificate, and compare the new fingerprint with them. Only if they confirm it, remove the old one in Settings → Known peers and connect again. Otherwise, do not connect.</source>
        <translation>Fragen Sie den Betreiber des Hosts – persönlich oder über einen Kanal, dem Sie bereits vertrauen –, ob er das Zertifikat ersetzt hat, und vergleichen Sie den neuen Fingerabdruck gemeinsam. Nur wenn er es bestätigt, entfernen Sie den alten unter Einstellungen → Bekannte Gegenstellen und verbinden sich erneut. Andernfalls verbinden Sie sich nicht.</translation>
    </message>
    <message>
        <source>Ask the owner of the host to fix the certificate, for example to renew an expired one.</source>
        <translation>Bitten Sie den Betreiber des Hosts, das Zertifikat in Ordnung zu bringen, zum Beispiel ein abgelaufenes zu erneuern.</translation>
    </message>
    <message>
        <source>Open &amp;Settings…</source>
        <translation>&amp;Einstellungen öffnen…</translation>
    </message>
    <message>
        <source>Trusted before (SHA-256)</source>
        <translation>Bisher vertraut (SHA-256)</translation>
    </message>
    <message>
        <source>Presented now (SHA-256)</source>
        <translation>Jetzt vorgelegt (SHA-256)</translation>
    </message>
    <message>
        <source>Presented (SHA-256)</source>
        <translation>Vorgelegt (SHA-256)</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Was nicht stimmt</translation>
    </message>
</context>
<context>
    <name>securechat::TrustWords</name>
    <message>
        <source>verified by CA</source>
        <translation>verifiziert durch eine Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>festgelegt</translation>
    </message>
    <message>
        <source>trusted by you, this time only</source>
        <translation>von Ihnen vertraut, nur dieses Mal</translation>
    </message>
    <message>
        <source>trusted by you, remembered</source>
        <translation>von Ihnen vertraut und gespeichert</translation>
    </message>
    <message>
        <source>not settled yet</source>
        <translation>noch nicht geklärt</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>kein Zertifikat</translation>
    </message>
    <message>
        <source>known to you</source>
        <translation>Ihnen bekannt</translation>
    </message>
    <message>
        <source>known to the host</source>
        <translation>dem Host bekannt</translation>
    </message>
    <message>
        <source>certificate checked by a CA</source>
        <translation>Zertifikat von einer Zertifizierungsstelle geprüft</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>admitted by the host; %1</source>
        <translation>vom Host eingelassen; %1</translation>
    </message>
    <message>
        <source>your certificate</source>
        <translation>Ihr Zertifikat</translation>
    </message>
    <message>
        <source>verified by invite</source>
        <translation>verifiziert durch Einladung</translation>
    </message>
    <message>
        <source>verified by you</source>
        <translation>von Ihnen verifiziert</translation>
    </message>
    <message>
        <source>verified by the host</source>
        <translation>vom Host verifiziert</translation>
    </message>
    <message>
        <source>verified with the safety number</source>
        <translation>mit der Sicherheitsnummer verifiziert</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>always admitted</source>
        <translation>immer eingelassen</translation>
    </message>
</context>
<context>
    <name>securechat::VerificationActions</name>
    <message>
        <source>Copy &amp;Invite Link</source>
        <translation>Einladungs&amp;link kopieren</translation>
    </message>
    <message>
        <source>Copy a link to this session that names your certificate, to send over a channel you already trust</source>
        <translation>Einen Link zu dieser Sitzung kopieren, der Ihr Zertifikat nennt, um ihn über einen Kanal zu senden, dem Sie bereits vertrauen</translation>
    </message>
    <message>
        <source>&amp;Verify…</source>
        <translation>&amp;Verifizieren…</translation>
    </message>
    <message>
        <source>Compare the safety number with the other side</source>
        <translation>Die Sicherheitsnummer mit der Gegenseite vergleichen</translation>
    </message>
    <message>
        <source>No Invite Link</source>
        <translation>Kein Einladungslink</translation>
    </message>
    <message>
        <source>Copied an invite link: %1 Send it over a channel you already trust; whoever opens it connects to exactly your certificate.</source>
        <translation>Ein Einladungslink wurde kopiert: %1 Senden Sie ihn über einen Kanal, dem Sie bereits vertrauen; wer ihn öffnet, verbindet sich mit genau Ihrem Zertifikat.</translation>
    </message>
    <message>
        <source>Nothing to Verify</source>
        <translation>Nichts zu verifizieren</translation>
    </message>
    <message>
        <source>You can verify the host, once connected: the host vouches for the others.</source>
        <translation>Sie können den Host verifizieren, sobald Sie verbunden sind: der Host bürgt für die anderen.</translation>
    </message>
    <message>
        <source>%1 presented no certificate, so there is no safety number to compare.</source>
        <translation>%1 hat kein Zertifikat vorgelegt, daher gibt es keine Sicherheitsnummer zum Vergleichen.</translation>
    </message>
    <message>
        <source>%1 could not be marked as verified: %2</source>
        <translation>%1 konnte nicht als verifiziert markiert werden: %2</translation>
    </message>
    <message>
        <source>You verified %1 with the safety number; a changed certificate will be refused.</source>
        <translation>Sie haben %1 mit der Sicherheitsnummer verifiziert; ein geändertes Zertifikat wird abgelehnt.</translation>
    </message>
    <message>
        <source>You verified %1 with the safety number; this certificate is now known to you and admitted without a question.</source>
        <translation>Sie haben %1 mit der Sicherheitsnummer verifiziert; dieses Zertifikat ist Ihnen jetzt bekannt und wird ohne Nachfrage eingelassen.</translation>
    </message>
</context>
<context>
    <name>securechat::VerifyDialog</name>
    <message>
        <source>Verify %1</source>
        <translation>%1 verifizieren</translation>
    </message>
    <message>
        <source>Compare this number with the one %1 sees, read aloud or side by side. If they are the same, nobody sits between you.</source>
        <translation>Vergleichen Sie diese Nummer mit der, die %1 sieht – laut vorgelesen oder nebeneinander. Stimmen sie überein, sitzt niemand zwischen Ihnen.</translation>
    </message>
    <message>
        <source>Safety number</source>
        <translation>Sicherheitsnummer</translation>
    </message>
    <message>
        <source>Their number</source>
        <translation>Nummer der Gegenseite</translation>
    </message>
    <message>
        <source>Optional: paste the number they sent you to compare</source>
        <translation>Optional: fügen Sie zum Vergleich die Nummer ein, die man Ihnen geschickt hat</translation>
    </message>
    <message>
        <source>&amp;Mark as Verified</source>
        <translation>Als verifiziert &amp;markieren</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <source>The numbers are the same.</source>
        <translation>Die Nummern stimmen überein.</translation>
    </message>
    <message>
        <source>The numbers differ: do not mark this connection as verified.</source>
        <translation>Die Nummern unterscheiden sich: markieren Sie diese Verbindung nicht als verifiziert.</translation>
    </message>
</context>
<context>
    <name>securechat::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Private chat over TLS</source>
        <translation>Privater Chat über TLS</translation>
    </message>
    <message>
        <source>Host a session and tell others your address and fingerprint,
or connect to someone who hosts one.</source>
        <translation>Hosten Sie eine Sitzung und nennen Sie anderen Ihre Adresse und Ihren Fingerabdruck,
oder verbinden Sie sich mit jemandem, der eine hostet.</translation>
    </message>
    <message>
        <source>Host a Session…</source>
        <translation>Sitzung hosten…</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
</context>
<context>
    <name>securechat::cli</name>
    <message>
        <source>Certificate (PEM, leaf first, may hold the chain) to use instead of the stored identity.</source>
        <translation>Zertifikat (PEM, Endzertifikat zuerst, darf die Kette enthalten), das statt der gespeicherten Identität verwendet wird.</translation>
    </message>
    <message>
        <source>Private key (PEM) for --cert.</source>
        <translation>Privater Schlüssel (PEM) zu --cert.</translation>
    </message>
    <message>
        <source>File whose first line is the passphrase of an encrypted key or PKCS#12 file.</source>
        <translation>Datei, deren erste Zeile die Passphrase eines verschlüsselten Schlüssels oder einer PKCS#12-Datei ist.</translation>
    </message>
    <message>
        <source>Keep identity, known peers and settings in DIR instead of the XDG folders.</source>
        <translation>Identität, bekannte Gegenstellen und Einstellungen in DIR statt in den XDG-Ordnern ablegen.</translation>
    </message>
    <message>
        <source>Your nickname in the session.</source>
        <translation>Ihr Nickname in der Sitzung.</translation>
    </message>
    <message>
        <source>not a port number: %1 (0 to 65535)</source>
        <translation>keine Portnummer: %1 (0 bis 65535)</translation>
    </message>
    <message>
        <source>--cert and --key go together (a .p12 file needs no --key)</source>
        <translation>--cert und --key gehören zusammen (eine .p12-Datei braucht kein --key)</translation>
    </message>
    <message>
        <source>not an IP address: %1</source>
        <translation>keine IP-Adresse: %1</translation>
    </message>
    <message>
        <source>--require-client-cert needs --ca FILE or --allow FINGERPRINT</source>
        <translation>--require-client-cert braucht --ca FILE oder --allow FINGERPRINT</translation>
    </message>
    <message>
        <source>--ca and --allow only apply with --require-client-cert</source>
        <translation>--ca und --allow gelten nur zusammen mit --require-client-cert</translation>
    </message>
    <message>
        <source>port 0 is not a port one can connect to</source>
        <translation>mit Port 0 kann man sich nicht verbinden</translation>
    </message>
    <message>
        <source>Address to listen on (default: all addresses, IPv4 and IPv6).</source>
        <translation>Adresse, auf der Verbindungen angenommen werden (Standard: alle Adressen, IPv4 und IPv6).</translation>
    </message>
    <message>
        <source>Port to listen on; 0 picks a free one (default: 7447).</source>
        <translation>Port, auf dem Verbindungen angenommen werden; 0 wählt einen freien (Standard: 7447).</translation>
    </message>
    <message>
        <source>Admit only peers with an accepted client certificate (mutual TLS).</source>
        <translation>Nur Teilnehmer mit einem akzeptierten Client-Zertifikat zulassen (gegenseitiges TLS).</translation>
    </message>
    <message>
        <source>With --require-client-cert: accept client certificates issued by this CA (PEM).</source>
        <translation>Mit --require-client-cert: von dieser CA (PEM) ausgestellte Client-Zertifikate akzeptieren.</translation>
    </message>
    <message>
        <source>With --require-client-cert: accept the client certificate with this SHA-256 fingerprint. Repeatable.</source>
        <translation>Mit --require-client-cert: das Client-Zertifikat mit diesem SHA-256-Fingerabdruck akzeptieren. Mehrfach angebbar.</translation>
    </message>
    <message>
        <source>Verify the host with this CA certificate (PEM) instead of the system&apos;s CAs.</source>
        <translation>Den Host mit diesem CA-Zertifikat (PEM) statt mit den CAs des Systems prüfen.</translation>
    </message>
    <message>
        <source>Accept exactly the host certificate with this SHA-256 fingerprint.</source>
        <translation>Genau das Host-Zertifikat mit diesem SHA-256-Fingerabdruck akzeptieren.</translation>
    </message>
    <message>
        <source>Trust and remember a host never seen before without asking. A changed certificate is still refused.</source>
        <translation>Einem noch nie gesehenen Host ohne Nachfrage vertrauen und ihn speichern. Ein geändertes Zertifikat wird weiterhin abgelehnt.</translation>
    </message>
    <message>
        <source>Host a chat session: listen for peers and relay messages among them.</source>
        <translation>Eine Chat-Sitzung hosten: Teilnehmer annehmen und Nachrichten zwischen ihnen weiterleiten.</translation>
    </message>
    <message>
        <source>Show, regenerate, import or export your identity (certificate and key).</source>
        <translation>Ihre Identität (Zertifikat und Schlüssel) anzeigen, neu erzeugen, importieren oder exportieren.</translation>
    </message>
    <message>
        <source>Passphrase for an imported encrypted key or PKCS#12 file (first line).</source>
        <translation>Passphrase für einen importierten verschlüsselten Schlüssel oder eine PKCS#12-Datei (erste Zeile).</translation>
    </message>
    <message>
        <source>Usage: securechat-cli COMMAND [OPTIONS]

Private text chat over TLS, without a window.

Commands:
</source>
        <translation>Aufruf: securechat-cli BEFEHL [OPTIONEN]

Privater Text-Chat über TLS, ohne Fenster.

Befehle:
</translation>
    </message>
    <message>
        <source>
Each line read on stdin is a message; each message received is printed on stdout as
&quot;&lt;nick&gt; text&quot;, notices as &quot;* ...&quot;; status and errors go to stderr.

Exit status: 0 done, 1 other failure, 2 TLS or trust failure, 3 network failure,
64 bad usage.

securechat-cli COMMAND --help shows the options of a command;
securechat-cli --version shows the versions of SecureChat, Qt and the TLS library.
</source>
        <translation>
Jede auf stdin gelesene Zeile ist eine Nachricht; jede empfangene Nachricht erscheint
auf stdout als &quot;&lt;nick&gt; text&quot;, Hinweise als &quot;* ...&quot;; Status und Fehler gehen
nach stderr.

Exit-Status: 0 erledigt, 1 sonstiger Fehler, 2 TLS- oder Vertrauensfehler,
3 Netzwerkfehler, 64 falscher Aufruf.

securechat-cli BEFEHL --help zeigt die Optionen eines Befehls;
securechat-cli --version zeigt die Versionen von SecureChat, Qt und der TLS-Bibliothek.
</translation>
    </message>
    <message>
        <source>Usage: securechat-cli %1 [OPTIONS] %2

%3

Options:
</source>
        <translation>Aufruf: securechat-cli %1 [OPTIONEN] %2

%3

Optionen:
</translation>
    </message>
    <message>
        <source>no command given; try securechat-cli --help</source>
        <translation>kein Befehl angegeben; siehe securechat-cli --help</translation>
    </message>
    <message>
        <source>unknown command: %1; try securechat-cli --help</source>
        <translation>unbekannter Befehl: %1; siehe securechat-cli --help</translation>
    </message>
    <message>
        <source>host takes no arguments besides options</source>
        <translation>host nimmt außer Optionen keine Argumente</translation>
    </message>
    <message>
        <source>cannot read the passphrase file %1: %2</source>
        <translation>Passphrase-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot open the CA file %1: %2</source>
        <translation>CA-Datei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate</source>
        <translation>%1 enthält kein PEM-Zertifikat</translation>
    </message>
    <message>
        <source>subject:     %1</source>
        <translation>Inhaber:       %1</translation>
    </message>
    <message>
        <source>issuer:      %1</source>
        <translation>Aussteller:    %1</translation>
    </message>
    <message>
        <source>valid until: %1 (%2 days left)</source>
        <translation>Gültig bis:    %1 (noch %2 Tage)</translation>
    </message>
    <message>
        <source>key:         %1 %2 bits</source>
        <translation>Schlüssel:     %1, %2 Bit</translation>
    </message>
    <message>
        <source>names:       %1</source>
        <translation>Namen:         %1</translation>
    </message>
    <message>
        <source>fingerprint: SHA256:%1</source>
        <translation>Fingerabdruck: SHA256:%1</translation>
    </message>
    <message>
        <source>the previous identity was kept in %1</source>
        <translation>die bisherige Identität wurde in %1 aufbewahrt</translation>
    </message>
    <message>
        <source>certificate written to %1</source>
        <translation>Zertifikat nach %1 geschrieben</translation>
    </message>
    <message>
        <source>usage: securechat-cli identity [show | new | import CERT KEY | import FILE.p12 | export FILE]</source>
        <translation>Aufruf: securechat-cli identity [show | new | import ZERTIFIKAT SCHLÜSSEL | import DATEI.p12 | export DATEI]</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 SHA256:%2 first seen %3%4</source>
        <translation>%1 SHA256:%2 zuerst gesehen %3%4</translation>
    </message>
    <message>
        <source>forgot %1</source>
        <translation>%1 vergessen</translation>
    </message>
    <message>
        <source>Most participants at once besides you; more are refused with a reason (default: %1).</source>
        <translation>Höchstzahl gleichzeitiger Teilnehmer außer Ihnen; weitere werden mit Begründung abgewiesen (Standard: %1).</translation>
    </message>
    <message>
        <source>Longest line or frame a peer may send, in KiB; a longer one disconnects it (default: %1).</source>
        <translation>Längste Zeile oder längster Frame, den ein Teilnehmer senden darf, in KiB; ein längerer trennt ihn (Standard: %1).</translation>
    </message>
    <message>
        <source>Seconds a TLS handshake may take before the connection is dropped (default: %1).</source>
        <translation>Sekunden, die ein TLS-Handshake dauern darf, bevor die Verbindung getrennt wird (Standard: %1).</translation>
    </message>
    <message>
        <source>TLS handshakes one address may have in progress; further ones are refused (default: %1).</source>
        <translation>TLS-Handshakes, die eine Adresse gleichzeitig laufen haben darf; weitere werden abgewiesen (Standard: %1).</translation>
    </message>
    <message>
        <source>Seconds of silence after which a peer is pinged; one that does not answer is dropped (default: %1).</source>
        <translation>Sekunden Stille, nach denen ein Teilnehmer angepingt wird; wer nicht antwortet, wird getrennt (Standard: %1).</translation>
    </message>
    <message>
        <source>--%1 takes a whole number from %2 to %3, not %4</source>
        <translation>--%1 erwartet eine ganze Zahl von %2 bis %3, nicht %4</translation>
    </message>
    <message>
        <source>--admit is open, known or ask, not %1</source>
        <translation>--admit ist open, known oder ask, nicht %1</translation>
    </message>
    <message>
        <source>Who may join: open (anyone who can reach the port; the default), known (only clients you chose to always admit, and --allow/--ca ones) or ask (you are asked about everyone else; needs a terminal).</source>
        <translation>Wer beitreten darf: open (jeder, der den Port erreicht; Standard), known (nur Clients, die Sie immer einlassen, und solche nach --allow/--ca) oder ask (Sie werden bei allen anderen gefragt; braucht ein Terminal).</translation>
    </message>
    <message>
        <source>/%1 takes the number of a request, e.g. /%1 1</source>
        <translation>/%1 erwartet die Nummer einer Anfrage, z. B. /%1 1</translation>
    </message>
    <message>
        <source>type /admit %1 to let them in once, /always %1 to always admit them, or /refuse %1 [reason]</source>
        <translation>tippen Sie /admit %1, um einmal einzulassen, /always %1, um immer einzulassen, oder /refuse %1 [Grund]</translation>
    </message>
    <message>
        <source>Most KiB waiting to be sent to one peer, a hard cap: past it the peer is disconnected (default: %1). Senders are slowed down long before, at a quarter of the default.</source>
        <translation>Höchstens so viele KiB warten darauf, an einen Teilnehmer gesendet zu werden, eine harte Grenze: darüber wird er getrennt (Standard: %1). Absender werden lange vorher gebremst, bei einem Viertel des Standards.</translation>
    </message>
    <message>
        <source>Seconds a peer that holds back the session (its queue is full) may take nothing before it is disconnected (default: %1).</source>
        <translation>Sekunden, die ein Teilnehmer, der die Sitzung aufhält (seine Warteschlange ist voll), nichts abnehmen darf, bevor er getrennt wird (Standard: %1).</translation>
    </message>
    <message>
        <source>Lines per second one participant may send, sustained; faster is slowed down, not disconnected (default: %1).</source>
        <translation>Zeilen pro Sekunde, die ein Teilnehmer dauerhaft senden darf; schneller wird gebremst, nicht getrennt (Standard: %1).</translation>
    </message>
    <message>
        <source>KiB of text per second one participant may send, sustained; faster is slowed down, not disconnected (default: %1).</source>
        <translation>KiB Text pro Sekunde, die ein Teilnehmer dauerhaft senden darf; schneller wird gebremst, nicht getrennt (Standard: %1).</translation>
    </message>
    <message>
        <source>Keep no history of this session, not even your messages the host has not confirmed yet.</source>
        <translation>Keinen Verlauf dieser Sitzung speichern, nicht einmal Ihre Nachrichten, die der Host noch nicht bestätigt hat.</translation>
    </message>
    <message>
        <source>an invite link names the certificate to accept: leave out --pin</source>
        <translation>ein Einladungslink nennt das zu akzeptierende Zertifikat: lassen Sie --pin weg</translation>
    </message>
    <message>
        <source>discover takes no arguments besides options</source>
        <translation>discover nimmt außer Optionen keine Argumente an</translation>
    </message>
    <message>
        <source>--timeout takes a whole number of seconds from 1 to 3600, not %1</source>
        <translation>--timeout erwartet eine ganze Zahl von Sekunden von 1 bis 3600, nicht %1</translation>
    </message>
    <message>
        <source>Announce the session on the local network (DNS-SD through avahi-daemon), with your nickname and certificate fingerprint, so that others find it with discover.</source>
        <translation>Die Sitzung im lokalen Netzwerk bekannt geben (DNS-SD über avahi-daemon), mit Ihrem Nickname und dem Fingerabdruck Ihres Zertifikats, damit andere sie mit discover finden.</translation>
    </message>
    <message>
        <source>List the sessions announced on the local network, one per line: service name, host, address:port, nickname and the start of the fingerprint. A hint where to connect, not a reason to trust.</source>
        <translation>Die im lokalen Netzwerk bekannt gegebenen Sitzungen auflisten, eine pro Zeile: Dienstname, Host, Adresse:Port, Nickname und der Anfang des Fingerabdrucks. Ein Hinweis, wohin Sie sich verbinden können, kein Grund zu vertrauen.</translation>
    </message>
    <message>
        <source>Seconds to listen for announcements (default: 3).</source>
        <translation>Sekunden, die auf Bekanntgaben gewartet wird (Standard: 3).</translation>
    </message>
    <message>
        <source>List the stored conversations, search every one, or export one (to stdout).</source>
        <translation>Die gespeicherten Unterhaltungen auflisten, alle durchsuchen oder eine exportieren (auf die Standardausgabe).</translation>
    </message>
    <message>
        <source>Export as text (the default) or jsonl (JSON lines).</source>
        <translation>Als text (Standard) oder jsonl (JSON Lines) exportieren.</translation>
    </message>
    <message>
        <source>/verify NICK: no participant %1 with a certificate</source>
        <translation>/verify NICK: kein Teilnehmer %1 mit einem Zertifikat</translation>
    </message>
    <message>
        <source>%1 has no certificate: there is no safety number to compare</source>
        <translation>%1 hat kein Zertifikat: es gibt keine Sicherheitsnummer zum Vergleichen</translation>
    </message>
    <message>
        <source>safety number with %1: %2 (the same number on their screen means nobody sits between you)</source>
        <translation>Sicherheitsnummer mit %1: %2 (dieselbe Nummer auf dem Bildschirm der Gegenseite bedeutet, dass niemand zwischen Ihnen sitzt)</translation>
    </message>
    <message>
        <source>a message could not be stored in the history: %1</source>
        <translation>eine Nachricht konnte nicht im Verlauf gespeichert werden: %1</translation>
    </message>
    <message>
        <source>(history off)</source>
        <translation>(Verlauf aus)</translation>
    </message>
    <message>
        <source>no stored message contains %1</source>
        <translation>keine gespeicherte Nachricht enthält %1</translation>
    </message>
    <message>
        <source>no conversation %1 in the history; securechat-cli history list shows them</source>
        <translation>keine Unterhaltung %1 im Verlauf; securechat-cli history list zeigt die Unterhaltungen an</translation>
    </message>
    <message>
        <source>--format is text or jsonl, not %1</source>
        <translation>--format ist text oder jsonl, nicht %1</translation>
    </message>
    <message>
        <source>usage: securechat-cli history [list | search TEXT | export [--format text|jsonl] CONVERSATION]</source>
        <translation>Aufruf: securechat-cli history [list | search TEXT | export [--format text|jsonl] UNTERHALTUNG]</translation>
    </message>
    <message>
        <source>--rejoin-grace takes a whole number from 0 to 86400, not %1</source>
        <translation>--rejoin-grace erwartet eine ganze Zahl von 0 bis 86400, nicht %1</translation>
    </message>
    <message>
        <source>Seconds a participant whose connection was lost keeps its name, for its certificate, so that it comes back as itself; 0: not kept (default: %1).</source>
        <translation>Sekunden, die ein Teilnehmer, dessen Verbindung verloren ging, seinen Namen für sein Zertifikat behält, damit er als derselbe zurückkommt; 0: nicht behalten (Standard: %1).</translation>
    </message>
    <message>
        <source>--discovered names the session to join: leave out HOST PORT and invite links</source>
        <translation>--discovered nennt die Sitzung, der beigetreten wird: lassen Sie HOST PORT und Einladungslinks weg</translation>
    </message>
    <message>
        <source>connect needs HOST and PORT, an invite link, or --discovered NAME</source>
        <translation>connect braucht HOST und PORT, einen Einladungslink oder --discovered NAME</translation>
    </message>
    <message>
        <source>Join the session announced on the local network under this service name (the first column of discover). Its certificate is checked as any other; if it is not the one announced, you are warned.</source>
        <translation>Der Sitzung beitreten, die im lokalen Netzwerk unter diesem Dienstnamen bekannt gegeben wird (die erste Spalte von discover). Ihr Zertifikat wird wie jedes andere geprüft; ist es nicht das bekannt gegebene, werden Sie gewarnt.</translation>
    </message>
    <message>
        <source>Join the chat session at HOST PORT, the one an invite link names (accepting exactly the certificate in the link), or one found on the local network. In the session, /verify prints the safety number to compare with the host, and /verify confirm remembers the host as verified once the numbers match.</source>
        <translation>Der Chat-Sitzung auf HOST PORT beitreten, der, die ein Einladungslink nennt (wobei genau das Zertifikat im Link akzeptiert wird), oder einer im lokalen Netzwerk gefundenen. In der Sitzung gibt /verify die Sicherheitsnummer aus, die Sie mit dem Host vergleichen, und /verify confirm speichert den Host als verifiziert, sobald die Nummern übereinstimmen.</translation>
    </message>
    <message>
        <source>List the hosts you chose to always trust or verified, then the participants your hosted sessions always admit, verified or block (lines starting with &quot;client&quot;); or forget one.</source>
        <translation>Die Hosts auflisten, denen Sie dauerhaft vertrauen oder die Sie verifiziert haben, dann die Teilnehmer, die Ihre gehosteten Sitzungen immer einlassen, die Sie verifiziert haben oder die gesperrt sind (Zeilen, die mit „client“ beginnen); oder einen davon vergessen.</translation>
    </message>
    <message>
        <source>/verify NICK prints the safety number to compare with NICK; /verify confirm NICK remembers NICK as verified once the numbers match</source>
        <translation>/verify NICK gibt die Sicherheitsnummer aus, die Sie mit NICK vergleichen; /verify confirm NICK speichert NICK als verifiziert, sobald die Nummern übereinstimmen</translation>
    </message>
    <message>
        <source>if %1 reads the same number, type /verify confirm %1 to remember them as verified</source>
        <translation>wenn bei %1 dieselbe Nummer steht, tippen Sie /verify confirm %1, um die Person als verifiziert zu speichern</translation>
    </message>
    <message>
        <source>you verified %1 with the safety number; their certificate is admitted without a question from now on, and another one under this name is warned about</source>
        <translation>Sie haben %1 mit der Sicherheitsnummer verifiziert; das Zertifikat wird ab jetzt ohne Nachfrage eingelassen, und vor einem anderen unter diesem Namen wird gewarnt</translation>
    </message>
    <message>
        <source>client %1 SHA256:%2 %3</source>
        <translation>client %1 SHA256:%2 %3</translation>
    </message>
    <message>
        <source>usage: securechat-cli peers [list | forget HOST:PORT | forget SHA256:FINGERPRINT]</source>
        <translation>Aufruf: securechat-cli peers [list | forget HOST:PORT | forget SHA256:FINGERABDRUCK]</translation>
    </message>
</context>
<context>
    <name>securechat::cli::ConnectCommand</name>
    <message>
        <source>not a SHA-256 fingerprint: %1</source>
        <translation>kein SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <source>known peers file: %1</source>
        <translation>Datei der bekannten Gegenstellen: %1</translation>
    </message>
    <message>
        <source>joined %1:%2 as %3 (%4)</source>
        <translation>%1:%2 als %3 beigetreten (%4)</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 hat die Sitzung verlassen</translation>
    </message>
    <message>
        <source>%1 left (%2)</source>
        <translation>%1 hat die Sitzung verlassen (%2)</translation>
    </message>
    <message>
        <source>%1 is now known as %2</source>
        <translation>%1 heißt jetzt %2</translation>
    </message>
    <message>
        <source>host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>  subject: %1</source>
        <translation>  Inhaber:    %1</translation>
    </message>
    <message>
        <source>  issuer:  %1</source>
        <translation>  Aussteller: %1</translation>
    </message>
    <message>
        <source>  valid until %1 (%2 days left)</source>
        <translation>  gültig bis %1 (noch %2 Tage)</translation>
    </message>
    <message>
        <source>  fingerprint SHA256:%1</source>
        <translation>  Fingerabdruck SHA256:%1</translation>
    </message>
    <message>
        <source>trusting it and remembering it (--trust-new)</source>
        <translation>wird vertraut und gespeichert (--trust-new)</translation>
    </message>
    <message>
        <source>Check the fingerprint with the host&apos;s owner. Trust it? [o]nce, [a]lways, [N]o: </source>
        <translation>Prüfen Sie den Fingerabdruck mit dem Betreiber des Hosts. Vertrauen? [o] einmal, [a] immer, [N] nein: </translation>
    </message>
    <message>
        <source>not trusted: check the fingerprint with the host&apos;s owner, then run again with --pin SHA256:%1 (this time) or --trust-new (and remember it)</source>
        <translation>nicht vertraut: prüfen Sie den Fingerabdruck mit dem Betreiber des Hosts und starten Sie dann erneut mit --pin SHA256:%1 (nur dieses Mal) oder --trust-new (dauerhaft)</translation>
    </message>
    <message>
        <source>%1 joined (%2)</source>
        <translation>%1 ist beigetreten (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n of your messages not delivered yet</source>
        <translation>
            <numerusform>%n Ihrer Nachrichten noch nicht zugestellt</numerusform>
            <numerusform>%n Ihrer Nachrichten noch nicht zugestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>invite link to %1:%2: only the certificate it names is accepted</source>
        <translation>Einladungslink zu %1:%2: nur das darin genannte Zertifikat wird akzeptiert</translation>
    </message>
    <message>
        <source>invite link from %1 to %2:%3: only the certificate it names is accepted</source>
        <translation>Einladungslink von %1 zu %2:%3: nur das darin genannte Zertifikat wird akzeptiert</translation>
    </message>
    <message numerus="yes">
        <source>sending %n message(s) from an earlier session that the host had not confirmed</source>
        <translation>
            <numerusform>%n Nachricht aus einer früheren Sitzung, die der Host nicht bestätigt hatte, wird gesendet</numerusform>
            <numerusform>%n Nachrichten aus einer früheren Sitzung, die der Host nicht bestätigt hatte, werden gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>/verify needs a joined session</source>
        <translation>/verify braucht eine Sitzung, der Sie beigetreten sind</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>dem Host</translation>
    </message>
    <message>
        <source>reconnected to %1:%2 as %3 (%4)</source>
        <translation>erneut mit %1:%2 als %3 verbunden (%4)</translation>
    </message>
    <message>
        <source>the connection closed</source>
        <translation>die Verbindung wurde geschlossen</translation>
    </message>
    <message numerus="yes">
        <source>connection lost (%1) — reconnecting in %n s</source>
        <translation>
            <numerusform>Verbindung verloren (%1) – erneuter Verbindungsversuch in %n s</numerusform>
            <numerusform>Verbindung verloren (%1) – erneuter Verbindungsversuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 reconnected</source>
        <translation>%1 ist wieder verbunden</translation>
    </message>
    <message>
        <source>looking for &quot;%1&quot; on the local network</source>
        <translation>„%1“ wird im lokalen Netzwerk gesucht</translation>
    </message>
    <message numerus="yes">
        <source>no session called &quot;%1&quot; was found on the local network within %n s; securechat-cli discover lists the sessions it finds</source>
        <translation>
            <numerusform>keine Sitzung namens „%1“ innerhalb von %n s im lokalen Netzwerk gefunden; securechat-cli discover listet die gefundenen Sitzungen auf</numerusform>
            <numerusform>keine Sitzung namens „%1“ innerhalb von %n s im lokalen Netzwerk gefunden; securechat-cli discover listet die gefundenen Sitzungen auf</numerusform>
        </translation>
    </message>
    <message>
        <source>found &quot;%1&quot; at %2:%3, announced by %4; its certificate is checked as any other</source>
        <translation>„%1“ auf %2:%3 gefunden, bekannt gegeben von %4; das Zertifikat wird wie jedes andere geprüft</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>if the host&apos;s person reads the same number, type /verify confirm to remember the host as verified</source>
        <translation>wenn beim Betreiber des Hosts dieselbe Nummer steht, tippen Sie /verify confirm, um den Host als verifiziert zu speichern</translation>
    </message>
    <message>
        <source>you verified the host with the safety number; a changed certificate will be refused</source>
        <translation>Sie haben den Host mit der Sicherheitsnummer verifiziert; ein geändertes Zertifikat wird abgelehnt</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) you typed could not be sent; they are kept in the history and sent when you next join %1</source>
        <translation>
            <numerusform>%n von Ihnen eingegebene Nachricht konnte nicht gesendet werden; sie bleibt im Verlauf und wird gesendet, wenn Sie %1 das nächste Mal beitreten</numerusform>
            <numerusform>%n von Ihnen eingegebene Nachrichten konnten nicht gesendet werden; sie bleiben im Verlauf und werden gesendet, wenn Sie %1 das nächste Mal beitreten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>a different certificate answered on %1 (SHA256:%2): this is a new conversation; %n unsent message(s) stay for the earlier host</source>
        <translation>
            <numerusform>auf %1 hat ein anderes Zertifikat geantwortet (SHA256:%2): Dies ist eine neue Unterhaltung; %n nicht gesendete Nachricht bleibt für den früheren Host</numerusform>
            <numerusform>auf %1 hat ein anderes Zertifikat geantwortet (SHA256:%2): Dies ist eine neue Unterhaltung; %n nicht gesendete Nachrichten bleiben für den früheren Host</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>securechat::cli::DiscoverCommand</name>
    <message>
        <source>no fingerprint</source>
        <translation>kein Fingerabdruck</translation>
    </message>
    <message>
        <source>no sessions found on the local network</source>
        <translation>keine Sitzungen im lokalen Netzwerk gefunden</translation>
    </message>
</context>
<context>
    <name>securechat::cli::HostCommand</name>
    <message>
        <source>not a SHA-256 fingerprint: %1</source>
        <translation>kein SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation>nimmt Verbindungen auf %1 an</translation>
    </message>
    <message>
        <source>fingerprint SHA256:%1</source>
        <translation>Fingerabdruck SHA256:%1</translation>
    </message>
    <message>
        <source>%1 joined (%2)</source>
        <translation>%1 ist beigetreten (%2)</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 hat die Sitzung verlassen</translation>
    </message>
    <message>
        <source>%1 left (%2)</source>
        <translation>%1 hat die Sitzung verlassen (%2)</translation>
    </message>
    <message>
        <source>%1 is now known as %2</source>
        <translation>%1 heißt jetzt %2</translation>
    </message>
    <message>
        <source>dropped %1: %2</source>
        <translation>%1 getrennt: %2</translation>
    </message>
    <message>
        <source>closing the session</source>
        <translation>die Sitzung wird geschlossen</translation>
    </message>
    <message>
        <source>--admit ask asks you on the terminal, and stdin is not one: use --admit known or open</source>
        <translation>--admit ask fragt Sie im Terminal, und die Standardeingabe ist keines: verwenden Sie --admit known oder open</translation>
    </message>
    <message>
        <source>open session: anyone who can reach this port can join</source>
        <translation>offene Sitzung: jeder, der diesen Port erreicht, kann beitreten</translation>
    </message>
    <message>
        <source>only participants you know can join</source>
        <translation>nur Teilnehmer, die Sie kennen, können beitreten</translation>
    </message>
    <message>
        <source>you will be asked about anyone you do not know yet</source>
        <translation>Sie werden bei allen gefragt, die Sie noch nicht kennen</translation>
    </message>
    <message>
        <source>request %1: %2 wants to join from %3 (%4); %5</source>
        <translation>Anfrage %1: %2 möchte von %3 aus beitreten (%4); %5</translation>
    </message>
    <message>
        <source>%1 joined (%2, SHA256:%3)</source>
        <translation>%1 ist beigetreten (%2, SHA256:%3)</translation>
    </message>
    <message>
        <source>Hosting on port %1</source>
        <translation>Sitzung auf Port %1</translation>
    </message>
    <message>
        <source>announced on the local network as &quot;%1&quot;</source>
        <translation>im lokalen Netzwerk als „%1“ bekannt gegeben</translation>
    </message>
    <message>
        <source>warning: %1 joined with another certificate than the %1 you always admit: it may be someone else using the name</source>
        <translation>Warnung: %1 ist mit einem anderen Zertifikat beigetreten als der %1, den Sie immer einlassen: vielleicht verwendet jemand anderes diesen Namen</translation>
    </message>
    <message>
        <source>%1 reconnected</source>
        <translation>%1 ist wieder verbunden</translation>
    </message>
    <message>
        <source>warning: %1 joined with another certificate than the %1 you verified: it may be someone else using the name; compare the safety number (/verify %1) before trusting them</source>
        <translation>Warnung: %1 ist mit einem anderen Zertifikat beigetreten als der %1, den Sie verifiziert haben: vielleicht verwendet jemand anderes diesen Namen; vergleichen Sie die Sicherheitsnummer (/verify %1), bevor Sie der Person vertrauen</translation>
    </message>
</context>
<context>
    <name>securechat::cli::StdinReader</name>
    <message>
        <source>input %1: it was not sent</source>
        <translation>Eingabe: %1; sie wurde nicht gesendet</translation>
    </message>
</context>
<context>
    <name>securechat::gui</name>
    <message>
        <source>--host wants a port number (0 to 65535; 0 picks a free one), not “%1”.</source>
        <translation>--host erwartet eine Portnummer (0 bis 65535; 0 wählt einen freien), nicht „%1“.</translation>
    </message>
    <message>
        <source>--connect wants HOST:PORT, e.g. 127.0.0.1:7447, not “%1”.</source>
        <translation>--connect erwartet HOST:PORT, z. B. 127.0.0.1:7447, nicht „%1“.</translation>
    </message>
    <message>
        <source>Show the versions of SecureChat, Qt and the TLS library.</source>
        <translation>Zeigt die Versionen von SecureChat, Qt und der TLS-Bibliothek.</translation>
    </message>
    <message>
        <source>Host a session on PORT at once (0 picks a free port).</source>
        <translation>Sofort eine Sitzung auf PORT anbieten (0 wählt einen freien Port).</translation>
    </message>
    <message>
        <source>Connect to HOST:PORT at once.</source>
        <translation>Sofort mit HOST:PORT verbinden.</translation>
    </message>
    <message>
        <source>Your nickname (saved in the settings).</source>
        <translation>Ihr Nickname (wird in den Einstellungen gespeichert).</translation>
    </message>
    <message>
        <source>Keep identity, known peers and settings in DIR instead of the usual places.</source>
        <translation>Identität, bekannte Gegenstellen und Einstellungen in DIR statt an den üblichen Orten ablegen.</translation>
    </message>
    <message>
        <source>Private text chat over TLS.</source>
        <translation>Privater Text-Chat über TLS.</translation>
    </message>
    <message>
        <source>An invite link, securechat://HOST:PORT/?fp=SHA256:..., to join at once.</source>
        <translation>Ein Einladungslink, securechat://HOST:PORT/?fp=SHA256:..., um sofort beizutreten.</translation>
    </message>
</context>
</TS>
