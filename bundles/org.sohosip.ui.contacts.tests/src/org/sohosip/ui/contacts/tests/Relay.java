// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on loopback between the client and the server, which the test can cut (connections refused, open ones
 * dropped) and restore on the same port: a network outage without restarting the server (which would end every
 * session, as a real restart does).
 */
final class Relay implements AutoCloseable {

    final int port;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    Relay(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** Refuses new connections and drops the open ones. */
    synchronized void cut() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
        open.clear();
    }

    /** Accepts connections again on the same port. */
    synchronized void restore() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        listener = s;
        accept(s);
    }

    private void accept(ServerSocket socket) {
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket in = socket.accept();
                    if (!keep(socket, in)) {
                        return;
                    }
                    Socket out = new Socket(InetAddress.getLoopbackAddress(), target);
                    if (!keep(socket, out)) {
                        in.close();
                        return;
                    }
                    pipe(in, out);
                    pipe(out, in);
                } catch (IOException e) {
                    return; // listener closed by cut()
                }
            }
        }, "relay accept");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Tracks a socket unless the relay was cut meanwhile (then closes it): {@link #cut()} holds the same lock, so no
     * connection accepted just before a cut survives it.
     */
    private synchronized boolean keep(ServerSocket socket, Socket s) throws IOException {
        if (socket.isClosed()) {
            s.close();
            return false;
        }
        open.add(s);
        return true;
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closing anyway
                }
                open.remove(from);
                open.remove(to);
            }
        }, "relay pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
