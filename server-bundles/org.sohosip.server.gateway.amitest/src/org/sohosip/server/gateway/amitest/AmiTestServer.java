// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.amitest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.Nullable;

/**
 * FOR TESTS ONLY. An AMI server on loopback that behaves like Asterisk's manager interface as documented: on
 * connect the banner {@code Asterisk Call Manager/<AMI version>}; {@code Action}/{@code ActionID} packets answered
 * by {@code Response: Success|Error} packets with a {@code Message} that echo the {@code ActionID}; {@code Event}
 * packets to logged-in sessions. Actions: Challenge (MD5), Login (plain or MD5 key), Logoff, Ping, CoreSettings,
 * CoreStatus, Reload, Originate (queued, then {@code Newchannel}, {@code Hangup} and {@code OriginateResponse}
 * events); anything else gets {@code Response: Error / Message: Invalid/unknown command}. The test can push events
 * (e.g. {@code Cdr}), drop every connection, and look at what the client sent.
 *
 * @since 0.1
 */
public final class AmiTestServer implements AutoCloseable {

    /** The AMI protocol version in the banner (Asterisk 20 announces 9.0.0). */
    public static final String AMI_VERSION = "9.0.0";

    private final ServerSocket listener;
    private final String user;
    private final String secret;
    private volatile String asteriskVersion;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<AmiPacket> actions = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger failedLogins = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean refuseConnections;
    private volatile boolean closed;

    private AmiTestServer(ServerSocket listener, String user, String secret, String asteriskVersion) {
        this.listener = listener;
        this.user = user;
        this.secret = secret;
        this.asteriskVersion = asteriskVersion;
        Thread t = new Thread(this::accept, "ami-test-server-" + listener.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /**
     * Starts a server on 127.0.0.1 and a free port (or {@code port}).
     *
     * @param asteriskVersion what {@code CoreSettings} reports, e.g. {@code 20.20.1}
     */
    public static AmiTestServer start(int port, String user, String secret, String asteriskVersion)
            throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        return new AmiTestServer(s, user, secret, asteriskVersion);
    }

    /** @return the port it listens on */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return successful logins so far */
    public int logins() {
        return logins.get();
    }

    /** @return refused logins so far */
    public int failedLogins() {
        return failedLogins.get();
    }

    /** @return connections accepted so far */
    public int connections() {
        return connections.get();
    }

    /** @return sessions logged in now */
    public int loggedIn() {
        return (int) sessions.stream().filter(s -> s.loggedIn).count();
    }

    /** @return every action received, oldest first (secrets and keys as sent: test data only) */
    public List<AmiPacket> actions() {
        return List.copyOf(actions);
    }

    /** @return the actions named {@code name} received so far */
    public List<AmiPacket> actions(String name) {
        return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("Action"))).toList();
    }

    /** Closes every connection at once, as an Asterisk restart would. */
    public void dropConnections() {
        for (Session s : sessions) {
            s.close();
        }
    }

    /** While set, connections are accepted and closed at once (Asterisk stopped, port still bound). */
    public void refuseConnections(boolean refuse) {
        refuseConnections = refuse;
    }

    /** Sends an event to every logged-in session. */
    public void event(AmiPacket event) {
        for (Session s : sessions) {
            if (s.loggedIn) {
                s.send(event);
            }
        }
    }

    /** Waits for a condition on this server (polling, with a deadline). */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20); // polling state that another thread changes
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                if (refuseConnections) {
                    socket.close();
                    continue;
                }
                Session s = new Session(socket);
                sessions.add(s);
                Thread t = new Thread(s::run, "ami-test-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("AMI test server: " + e);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        dropConnections();
    }

    /** One manager session. */
    private final class Session {
        private final Socket socket;
        private @Nullable OutputStream out;
        private volatile boolean loggedIn;
        private @Nullable String challenge;

        Session(Socket socket) {
            this.socket = socket;
        }

        void run() {
            try (socket) {
                out = socket.getOutputStream();
                write("Asterisk Call Manager/" + AMI_VERSION + "\r\n");
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                AmiPacket action;
                while ((action = AmiPacket.read(in)) != null) {
                    actions.add(action);
                    if (!handle(action)) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the peer or the test closed the connection
            } finally {
                loggedIn = false;
                sessions.remove(this);
            }
        }

        /** @return whether the session goes on */
        private boolean handle(AmiPacket action) {
            String name = String.valueOf(action.get("Action")).toLowerCase(java.util.Locale.ROOT);
            String id = action.get("ActionID");
            switch (name) {
            case "challenge":
                challenge = Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
                reply(id, "Success", null, "Challenge", challenge);
                return true;
            case "login":
                if (credentialsMatch(action)) {
                    loggedIn = true;
                    logins.incrementAndGet();
                    reply(id, "Success", "Authentication accepted");
                    send(AmiPacket.of("Event", "FullyBooted", "Privilege", "system,all", "Uptime", "1",
                            "LastReload", "1", "Status", "Fully Booted"));
                    return true;
                }
                failedLogins.incrementAndGet();
                reply(id, "Error", "Authentication failed");
                return false; // Asterisk closes the session after a failed login
            case "logoff":
                reply(id, "Goodbye", "Thanks for all the fish.");
                return false;
            default:
                break;
            }
            if (!loggedIn) {
                reply(id, "Error", "Permission denied");
                return true;
            }
            switch (name) {
            case "ping":
                reply(id, "Success", null, "Ping", "Pong", "Timestamp",
                        String.format(java.util.Locale.ROOT, "%.6f", System.currentTimeMillis() / 1000.0));
                break;
            case "coresettings":
                reply(id, "Success", null, "AMIversion", AMI_VERSION, "AsteriskVersion", asteriskVersion,
                        "SystemName", "", "CoreMaxCalls", "0", "CoreMaxLoadAvg", "0.000000", "CoreRunUser", "asterisk",
                        "CoreRunGroup", "asterisk", "CoreMaxFilehandles", "0", "CoreRealTimeEnabled", "No",
                        "CoreCDRenabled", "Yes", "CoreHTTPenabled", "No");
                break;
            case "corestatus":
                reply(id, "Success", null, "CoreStartupDate", "2026-11-26", "CoreStartupTime", "08:00:00",
                        "CoreReloadDate", "2026-11-26", "CoreReloadTime", "08:00:00", "CoreCurrentCalls", "0");
                break;
            case "reload":
                String module = action.get("Module");
                reply(id, "Success", "Module Reloaded");
                send(AmiPacket.of("Event", "Reload", "Privilege", "system,all", "Module",
                        module == null ? "All" : module, "Status", "Reload successful"));
                break;
            case "originate":
                originate(id, action);
                break;
            default:
                reply(id, "Error", "Invalid/unknown command");
            }
            return true;
        }

        private boolean credentialsMatch(AmiPacket login) {
            if (!user.equals(login.get("Username"))) {
                return false;
            }
            String key = login.get("Key");
            if ("md5".equalsIgnoreCase(login.get("AuthType")) && key != null && challenge != null) {
                return md5(challenge + secret).equalsIgnoreCase(key);
            }
            return secret.equals(login.get("Secret"));
        }

        /** Queued like Asterisk: the answer at once, then the new channel, its end and the outcome as events. */
        private void originate(@Nullable String id, AmiPacket action) {
            String channel = String.valueOf(action.get("Channel"));
            if (action.get("Channel") == null) {
                reply(id, "Error", "Channel not specified");
                return;
            }
            reply(id, "Success", "Originate successfully queued");
            String unique = (System.currentTimeMillis() / 1000) + "." + ThreadLocalRandom.current().nextInt(1, 999);
            String name = channel.replace("@", "-") + "-00000001";
            send(AmiPacket.of("Event", "Newchannel", "Privilege", "call,all", "Channel", name, "ChannelState", "0",
                    "ChannelStateDesc", "Down", "CallerIDNum", "", "CallerIDName", "", "Context",
                    String.valueOf(action.get("Context")), "Exten", "s", "Priority", "1", "Uniqueid", unique));
            send(AmiPacket.of("Event", "OriginateResponse", "Privilege", "call,all", "ActionID", String.valueOf(id),
                    "Response", "Success", "Channel", name, "Context", String.valueOf(action.get("Context")), "Exten",
                    String.valueOf(action.get("Exten")), "Reason", "4", "Uniqueid", unique, "CallerIDNum", "",
                    "CallerIDName", ""));
            send(AmiPacket.of("Event", "Hangup", "Privilege", "call,all", "Channel", name, "Uniqueid", unique,
                    "Cause", "16", "Cause-txt", "Normal Clearing"));
        }

        private void reply(@Nullable String id, String response, @Nullable String message, String... more) {
            AmiPacket p = AmiPacket.of("Response", response);
            if (id != null) {
                p.put("ActionID", id);
            }
            if (message != null) {
                p.put("Message", message);
            }
            for (int i = 0; i + 1 < more.length; i += 2) {
                p.put(more[i], more[i + 1]);
            }
            send(p);
        }

        synchronized void send(AmiPacket p) {
            write(p.encode());
        }

        private synchronized void write(String text) {
            OutputStream o = out;
            if (o == null) {
                return;
            }
            try {
                o.write(text.getBytes(StandardCharsets.UTF_8));
                o.flush();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
