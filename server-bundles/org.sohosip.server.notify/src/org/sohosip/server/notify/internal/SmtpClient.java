// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One SMTP submission (RFC 5321): greeting, EHLO, STARTTLS when configured and offered (RFC 3207), AUTH PLAIN or
 * LOGIN when a user name is configured (RFC 4954), one envelope, DATA, QUIT. Nothing of the conversation is logged,
 * and error messages show an AUTH command only by its name, so the password cannot leak.
 */
final class SmtpClient implements Closeable {

    /** Writes the message (RFC 5322 headers and body, CRLF line ends) into the DATA phase. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int CONNECT_MILLIS = 15_000;
    private static final int READ_MILLIS = 120_000;
    private static final int MAX_LINE = 4096;

    private final SmtpSettings settings;
    private final SSLSocketFactory tls;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final List<String> extensions = new ArrayList<>();

    private SmtpClient(SmtpSettings settings, SSLSocketFactory tls, Socket socket) throws IOException {
        this.settings = settings;
        this.tls = tls;
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream());
    }

    /**
     * Sends one message to one recipient.
     *
     * @throws SmtpException when the server refuses a step (temporary or permanent by its reply code)
     * @throws IOException when the connection fails
     */
    static void send(SmtpSettings settings, SSLSocketFactory tls, String to, Body body) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), CONNECT_MILLIS);
            socket.setSoTimeout(READ_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        try (SmtpClient c = new SmtpClient(settings, tls, socket)) {
            c.submit(to, body);
        }
    }

    private void submit(String to, Body body) throws IOException {
        expect(readReply(), "the greeting", 220);
        ehlo();
        if (settings.starttls() && offers("STARTTLS")) {
            expect(command("STARTTLS"), "STARTTLS", 220);
            startTls();
            ehlo();
        }
        if (!settings.username().isEmpty()) {
            authenticate();
        }
        expect(command("MAIL FROM:<" + settings.from() + ">"), "MAIL FROM", 250);
        expect(command("RCPT TO:<" + to + ">"), "RCPT TO", 250, 251);
        expect(command("DATA"), "DATA", 354);
        DotStuffingOutputStream data = new DotStuffingOutputStream(out);
        body.writeTo(data);
        if (!data.atLineStart()) {
            out.write(new byte[] { '\r', '\n' });
        }
        expect(command("."), "the end of the message", 250);
        try {
            command("QUIT");
        } catch (IOException e) {
            // The message is accepted; a server that drops the line before answering QUIT changes nothing.
        }
    }

    private void ehlo() throws IOException {
        Reply r = command("EHLO " + clientName());
        expect(r, "EHLO", 250);
        extensions.clear();
        for (int i = 1; i < r.lines().size(); i++) {
            extensions.add(r.lines().get(i).toUpperCase(Locale.ROOT));
        }
    }

    /** An address literal (RFC 5321 4.1.3) needs no name lookup and says truthfully where we connect from. */
    private String clientName() {
        InetAddress a = socket.getLocalAddress();
        return a instanceof Inet6Address ? "[IPv6:" + a.getHostAddress() + "]" : "[" + a.getHostAddress() + "]";
    }

    private boolean offers(String keyword) {
        return extensions.stream().anyMatch(e -> e.equals(keyword) || e.startsWith(keyword + " "));
    }

    private boolean offersAuth(String mechanism) {
        return extensions.stream().filter(e -> e.startsWith("AUTH ") || e.startsWith("AUTH="))
                .anyMatch(e -> List.of(e.substring(5).split(" ")).contains(mechanism));
    }

    private void startTls() throws IOException {
        SSLSocket s = (SSLSocket) tls.createSocket(socket, settings.host(), settings.port(), true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.setUseClientMode(true);
        s.startHandshake();
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = new BufferedOutputStream(s.getOutputStream());
    }

    private void authenticate() throws IOException {
        Base64.Encoder b64 = Base64.getEncoder();
        if (offersAuth("PLAIN")) {
            String token = b64.encodeToString(("\0" + settings.username() + "\0" + settings.password())
                    .getBytes(StandardCharsets.UTF_8));
            expect(command("AUTH PLAIN " + token), "AUTH PLAIN", 235);
        } else if (offersAuth("LOGIN")) {
            expect(command("AUTH LOGIN"), "AUTH LOGIN", 334);
            expect(command(b64.encodeToString(settings.username().getBytes(StandardCharsets.UTF_8))),
                    "AUTH LOGIN (user name)", 334);
            expect(command(b64.encodeToString(settings.password().getBytes(StandardCharsets.UTF_8))),
                    "AUTH LOGIN (password)", 235);
        } else {
            throw new SmtpException("mail server " + settings.where() + " offers neither AUTH PLAIN nor AUTH LOGIN"
                    + (socket instanceof SSLSocket ? "" : " (some servers offer them only after STARTTLS)"), 530);
        }
    }

    private Reply command(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readReply();
    }

    private void expect(Reply r, String step, int... codes) throws SmtpException {
        for (int c : codes) {
            if (r.code() == c) {
                return;
            }
        }
        throw new SmtpException("mail server " + settings.where() + " answered " + r + " to " + step, r.code());
    }

    private Reply readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !line.substring(0, 3).matches("[2-5][0-9][0-9]")) {
                throw new IOException("mail server " + settings.where() + " sent a line that is not an SMTP reply");
            }
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') {
                return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("mail server " + settings.where() + " closed the connection");
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("mail server " + settings.where() + " sent an overlong line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** A reply: its code and the text of each line. */
    private record Reply(int code, List<String> lines) {
        @Override
        public String toString() {
            return code + " " + String.join(" / ", lines);
        }
    }
}
