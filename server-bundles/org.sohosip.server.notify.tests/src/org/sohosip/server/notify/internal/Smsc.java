// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.RandomMessageIDGenerator;

/**
 * A real SMSC for tests: jSMPP's server side on 127.0.0.1, accepting binds with one system id and password and
 * recording every submit_sm it receives.
 */
final class Smsc implements ServerMessageReceiverListener, AutoCloseable {

    private final SMPPServerSessionListener listener;
    private final String systemId;
    private final String password;
    private final List<SubmitSm> submitted = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicInteger refusedBinds = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    Smsc(int port, String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        listener = new SMPPServerSessionListener(port, new LoopbackOnly());
        listener.setMessageReceiverListener(this);
        acceptor = new Thread(this::acceptLoop, "test-smsc-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession s = listener.accept();
                sessions.add(s);
                Thread t = new Thread(() -> bind(s), "test-smsc-bind");
                t.setDaemon(true);
                t.start();
            } catch (java.net.SocketTimeoutException e) {
                continue; // jSMPP's listener wakes up now and then; keep accepting
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void bind(SMPPServerSession s) {
        try {
            BindRequest req = s.waitForBind(5000);
            if (req.getSystemId().equals(systemId) && req.getPassword().equals(password)) {
                req.accept("testsmsc");
                binds.incrementAndGet();
            } else {
                refusedBinds.incrementAndGet();
                req.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            }
        } catch (Exception e) {
            s.close();
        }
    }

    List<SubmitSm> submitted() {
        return List.copyOf(submitted);
    }

    int binds() {
        return binds.get();
    }

    int refusedBinds() {
        return refusedBinds.get();
    }

    /** Cuts every open session without an unbind, as a crashed SMSC or a broken network would. */
    void dropSessions() {
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        sessions.clear();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        dropSessions();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) {
        submitted.add(submitSm);
        return new SubmitSmResult(new RandomMessageIDGenerator().newMessageId(), new OptionalParameter[0]);
    }

    private static ProcessRequestException unsupported() {
        return new ProcessRequestException("not supported by the test SMSC", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s)
            throws ProcessRequestException {
        throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
        throw unsupported();
    }

    /** jSMPP's own factory listens on every interface; a test must stay on loopback. */
    private static final class LoopbackOnly implements ServerConnectionFactory {
        @Override
        public ServerConnection listen(int port) throws IOException {
            return new ServerSocketConnection(new ServerSocket(port, 50, InetAddress.getLoopbackAddress()));
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            ServerConnection c = listen(port);
            c.setSoTimeout(timeout);
            return c;
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket s = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
            s.setSoTimeout(timeout);
            return new ServerSocketConnection(s);
        }
    }
}
