// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.MessageWaiting;
import org.sohosip.client.core.Telephony;
import org.sohosip.client.core.VoicemailService;
import org.sohosip.client.core.internal.MessageWaitingComponent;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.client.core.internal.VoicemailServiceImpl;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.sip.SipEndpoint;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.Transport;
import org.sohosip.sip.UserAgentConfig;
import org.sohosip.ui.app.internal.MessageWaitingStatus;
import org.sohosip.ui.testing.Screenshots;
import org.sohosip.ui.testing.TestPhonebook;
import org.sohosip.ui.testing.WorkbenchContext;
import org.sohosip.ui.voicemail.internal.MailboxSettingsDialog;
import org.sohosip.ui.voicemail.internal.VoicemailPart;

/**
 * The Voicemail part on a real shell (Xvfb in CI) with the real client services: the session logs in to an HTTPS
 * endpoint on loopback ({@link MailboxServer}), the voicemail service fetches lists and audio from it, and message
 * waiting comes from a real SIP user agent that receives the server's NOTIFY over UDP. Playback goes to the file
 * sink, as on any computer without a sound card.
 */
class VoicemailUiTest {

    private static IEclipseContext ui;

    @TempDir
    Path dir;
    private Display display;
    private Shell shell;
    private MailboxServer server;
    private SessionServiceImpl session;
    private MessageWaitingComponent waiting;
    private VoicemailServiceImpl voicemail;
    private DialRecorder phone;
    private IEclipseContext ctx;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void workbenchContext() {
        ui = WorkbenchContext.create(FrameworkUtil.getBundle(VoicemailPart.class));
    }

    /** A tone that swells and fades three times a second, like syllables, so the waveform has a shape. */
    private static short[] tone(double hz, int millis) {
        short[] pcm = new short[millis * 8];
        for (int i = 0; i < pcm.length; i++) {
            double t = i / 8000.0;
            double envelope = 0.15 + 0.85 * Math.abs(Math.sin(Math.PI * 3 * t));
            pcm[i] = (short) (20000 * envelope * Math.sin(2 * Math.PI * hz * t));
        }
        return pcm;
    }

    @BeforeEach
    void setUp() throws Exception {
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new GridLayout(1, false));
        shell.setText("Voicemail");
        shell.setSize(1100, 620);
        server = new MailboxServer(dir);
        server.deposit(1, "3302", null, "2026-11-25T09:00:00Z", false, tone(300, 1500));
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        session.login(server.uri(), "alice", "secret-1234".toCharArray(), c -> true);
        waiting = new MessageWaitingComponent();
        voicemail = new VoicemailServiceImpl(session, session, waiting);
        phone = new DialRecorder();
        ctx = ui.createChild();
        ctx.set(VoicemailService.class, voicemail);
        ctx.set(MessageWaiting.class, waiting);
        ctx.set(Telephony.class, phone);
        ctx.set(ContactService.class, new TestPhonebook().put("3302", "Bob Builder"));
        ctx.set(VoicemailPart.FILE_SINK, dir.resolve("playback.wav"));
    }

    @AfterEach
    void tearDown() throws Exception {
        ctx.dispose();
        shell.dispose();
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        voicemail.close();
        session.logout();
        server.close();
    }

    private VoicemailPart open() {
        Composite body = new Composite(shell, SWT.NONE);
        body.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new FillLayout());
        IEclipseContext partContext = ctx.createChild();
        partContext.set(Composite.class, body);
        VoicemailPart part = ContextInjectionFactory.make(VoicemailPart.class, partContext);
        shell.open();
        return part;
    }

    private void awaitRows(VoicemailPart part, int rows) {
        Screenshots.spinUntil(display, () -> !part.isLoading() && part.viewer().getTable().getItemCount() == rows);
    }

    private static List<String> column(VoicemailPart part, int c) {
        List<String> out = new ArrayList<>();
        for (TableItem i : part.viewer().getTable().getItems()) {
            out.add(i.getText(c));
        }
        return out;
    }

    @Test
    void aMessageAppearsPlaysToTheFileSinkAndIsMarkedHeard() throws Exception {
        // the status line of the main window, as ui.app shows it under every perspective
        IEclipseContext statusContext = ctx.createChild();
        statusContext.set(Composite.class, shell);
        MessageWaitingStatus statusLine = ContextInjectionFactory.make(MessageWaitingStatus.class, statusContext);
        VoicemailPart part = open();
        awaitRows(part, 1);
        assertEquals(List.of("Bob Builder (3302)"), column(part, 0), "the phonebook's name with the number");
        Screenshots.spinUntil(display, () -> statusLine.text().equals("1 new voicemail"));

        // the phone's user agent subscribes for message waiting; the server's NOTIFY tells of a new message
        SipUserAgent agent;
        try (DatagramSocket notifier = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            notifier.setSoTimeout(10_000);
            agent = SipUserAgents.create(UserAgentConfig.of("127.0.0.1"), new SipIdentity("sip:alice@sohosip.local",
                    "Alice", null, new SipEndpoint("127.0.0.1", notifier.getLocalPort(), Transport.UDP)));
            open.add(agent);
            waiting.attach(agent.messageWaiting());
            String subscribe = receive(notifier);
            assertTrue(subscribe.startsWith("SUBSCRIBE sip:alice@sohosip.local SIP/2.0"), subscribe);
            assertTrue(subscribe.contains("Event: message-summary"), subscribe);

            server.deposit(2, "+4930123456", "Front desk", "2026-11-26T08:00:00Z", true, tone(440, 2000));
            notify(notifier, agent, "Messages-Waiting: yes\r\nVoice-Message: 2/0 (1/0)\r\n");
        }
        awaitRows(part, 2);
        assertEquals(List.of("Front desk (+4930123456)", "Bob Builder (3302)"), column(part, 0), "newest first");
        assertEquals(List.of("Urgent", ""), column(part, 4));
        assertEquals(List.of("New", "New"), column(part, 3));
        assertEquals("New (2)", part.folders().getItem(0), "the count on the New folder");
        Screenshots.spinUntil(display, () -> statusLine.text().equals("2 new voicemails (1 urgent)"));
        Screenshots.save(shell, "voicemail-new-message");

        // choosing it fetches its audio and draws the waveform
        VoicemailMessage fresh = server.message(2);
        part.viewer().setSelection(new StructuredSelection(part.viewer().getElementAt(0)));
        Screenshots.spinUntil(display, () -> part.loadedMillis() == 2000);
        assertTrue(part.waveformLoudColumns() > 500, "the waveform shows the tone: " + part.waveformLoudColumns());
        AudioEndpoints audio = ctx.get(AudioEndpoints.class);
        boolean noDevice = audio.speakerProblem().isPresent();
        if (noDevice) {
            assertEquals("No sound device: this computer has no speaker or headphones to play on. Playback is "
                    + "written to " + dir.resolve("playback.wav") + " instead.", part.deviceText());
        }

        // playing it: the seek bar moves, the message becomes heard on the server, the counts follow
        part.playButton().notifyListeners(SWT.Selection, new Event());
        Screenshots.spinUntil(display, () -> part.isPlaying() && part.seekPosition() >= 5);
        assertEquals("Pause", part.playButton().getText().replace("&", ""));
        Screenshots.save(shell, "voicemail-playing");
        Screenshots.spinUntil(display, () -> !part.isPlaying() && part.positionMillis() == 2000);
        assertEquals(VoicemailFolder.OLD, server.message(fresh.id()).folder(), "heard, as the phone menu sees it");
        Screenshots.spinUntil(display, () -> column(part, 3).get(0).equals("Heard"));
        Screenshots.spinUntil(display, () -> statusLine.text().equals("1 new voicemail"));
        if (noDevice) {
            // the file sink holds what was played: two seconds of the message's 440 Hz tone
            Path played = dir.resolve("playback.wav");
            Screenshots.spinUntil(display, () -> Files.exists(played));
            short[] pcm = pcm(Files.readAllBytes(played));
            assertEquals(16000, pcm.length, "two seconds at 8 kHz");
            short[] sent = pcm(server.wavOf(fresh.id()));
            assertArrayEquals(sent, pcm, "played unchanged");
        }
        Screenshots.save(shell, "voicemail-heard");
    }

    @Test
    void deleteWithUndoMoveSaveAsWavAndCallBack() throws Exception {
        VoicemailPart part = open();
        awaitRows(part, 1);
        part.viewer().setSelection(new StructuredSelection(part.viewer().getElementAt(0)));
        part.deleteSelected();
        awaitRows(part, 0);
        assertTrue(server.message(1).deleted());
        assertTrue(part.undoButton().isEnabled());
        assertEquals("Message from Bob Builder (3302) deleted. Undo brings it back.", part.statusText());
        Screenshots.save(shell, "voicemail-deleted");
        part.undo();
        awaitRows(part, 1);
        assertFalse(server.message(1).deleted());
        assertFalse(part.undoButton().isEnabled());

        part.viewer().setSelection(new StructuredSelection(part.viewer().getElementAt(0)));
        Path file = dir.resolve("saved.wav");
        part.saveAs(file);
        Screenshots.spinUntil(display, () -> part.statusText().equals("Saved as " + file));
        assertArrayEquals(server.wavOf(1), Files.readAllBytes(file));

        part.callBack();
        Screenshots.spinUntil(display, () -> !phone.dialled.isEmpty());
        assertEquals(List.of("3302"), phone.dialled);

        part.moveSelected(VoicemailFolder.SAVED);
        Screenshots.spinUntil(display, () -> server.message(1).folder() == VoicemailFolder.SAVED);
        part.folders().select(2);
        part.folders().notifyListeners(SWT.Selection, new Event());
        awaitRows(part, 1);
        assertEquals("Messages in Saved: 1.", part.statusText());
    }

    @Test
    void mailboxSettingsAreSavedAndTheServersFieldMessagesShowUnderTheField() throws Exception {
        VoicemailPart part = open();
        awaitRows(part, 1);
        part.openSettings();
        Screenshots.spinUntil(display, () -> part.settingsDialog() != null);
        MailboxSettingsDialog d = part.settingsDialog();
        d.languageField().select(1);
        d.pinField().setText("4711");
        d.emailCheck().setSelection(true);
        d.emailAddressField().setText("alice at office");
        d.pressSave();
        Screenshots.spinUntil(display, () -> !d.errorFor("emailAddress").isEmpty());
        assertEquals("'alice at office' is not an e-mail address (name@example.org).", d.errorFor("emailAddress"));
        assertEquals("en", server.settings.language(), "a refused change changes nothing");
        Screenshots.save(d.getShell(), "voicemail-settings-error");

        d.emailAddressField().setText("alice@office.example");
        d.pressSave();
        Screenshots.spinUntil(display, () -> part.settingsDialog() == null);
        assertEquals(new MailboxSettings("zh-TW", 20, true, false, "", true, "alice@office.example"),
                server.settings);
        assertEquals("Mailbox settings saved.", part.statusText());
    }

    /** The samples of a WAV file with a 44-byte header. */
    private static short[] pcm(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav, 44, wav.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[(wav.length - 44) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getShort();
        }
        return out;
    }

    private static String receive(DatagramSocket s) throws Exception {
        byte[] in = new byte[8192];
        DatagramPacket p = new DatagramPacket(in, in.length);
        s.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** Sends an unsolicited NOTIFY and waits for its 200. */
    private static void notify(DatagramSocket peer, SipUserAgent ua, String body) throws Exception {
        String msg = "NOTIFY " + ua.contactUri() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.getLocalPort() + ";branch=z9hG4bK" + System.nanoTime() + "\r\n"
                + "From: <sip:alice@sohosip.local>;tag=vm" + System.nanoTime() + "\r\n"
                + "To: <sip:alice@sohosip.local>\r\n"
                + "Call-ID: mwi-" + System.nanoTime() + "@127.0.0.1\r\n"
                + "CSeq: 1 NOTIFY\r\nMax-Forwards: 70\r\n"
                + "Event: message-summary\r\nSubscription-State: active\r\n"
                + "Content-Type: application/simple-message-summary\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        byte[] out = msg.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(out, out.length, InetAddress.getByName("127.0.0.1"), ua.localPort()));
        while (true) {
            String answer = receive(peer);
            if (answer.startsWith("SIP/2.0 200")) {
                return;
            }
            assertFalse(answer.startsWith("SIP/2.0 4") || answer.startsWith("SIP/2.0 5"), answer);
        }
    }
}
