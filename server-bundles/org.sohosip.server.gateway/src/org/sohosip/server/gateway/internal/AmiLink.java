// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.Nullable;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreSettingsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.FullyBootedEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ReloadEvent;
import org.asteriskjava.manager.response.CoreSettingsResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.GatewayStatus;

/**
 * The manager (AMI) link to one Asterisk: connects and logs in, waits longer after each failure (1 s, 2 s, 4 s ...
 * up to {@code gateway.reconnectSeconds}), starts over when the connection drops, and says at every moment what
 * state it is in. Nothing here blocks the caller: attempts run on the controller's scheduler, so SOHOSIP keeps
 * working while Asterisk is down.
 */
final class AmiLink {

    /** What the controller wants to hear. */
    interface Listener {
        /** Logged in (again): a good moment to bring Asterisk's files up to date. */
        void connected(AmiLink link);

        /** An event from Asterisk. */
        void event(AmiLink link, ManagerEvent event);
    }

    private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);
    private static final long FIRST_PAUSE_MS = 1000;
    /**
     * asterisk-java finds its event classes by scanning its own jar, which an OSGi class loader does not allow; the
     * events this controller needs are registered by hand.
     */
    private static final List<Class<? extends ManagerEvent>> EVENTS = List.of(CdrEvent.class, HangupEvent.class,
            NewChannelEvent.class, FullyBootedEvent.class, ReloadEvent.class, OriginateResponseEvent.class);

    final Gateway gateway;
    private final String secret;
    private final ScheduledExecutorService scheduler;
    private final long longestPauseMs;
    private final Listener listener;
    private volatile @Nullable ManagerConnection connection;
    private volatile GatewayStatus status;
    private volatile boolean stopped;
    private long pauseMs = FIRST_PAUSE_MS;

    AmiLink(Gateway gateway, String secret, ScheduledExecutorService scheduler, int longestPauseSeconds,
            Listener listener) {
        this.gateway = gateway;
        this.secret = secret;
        this.scheduler = scheduler;
        this.longestPauseMs = Math.max(FIRST_PAUSE_MS, longestPauseSeconds * 1000L);
        this.listener = listener;
        this.status = new GatewayStatus(gateway.id(), GatewayState.CONNECTING, null, null, Instant.now());
    }

    void start() {
        scheduler.execute(this::connect);
    }

    /** @return whether this link logs in with {@code candidate} (a changed secret needs a new link) */
    boolean usesSecret(String candidate) {
        return java.security.MessageDigest.isEqual(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                candidate.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    GatewayStatus status() {
        return status;
    }

    /** @return whether the link is logged in */
    boolean connected() {
        return status.state() == GatewayState.CONNECTED;
    }

    /**
     * Sends an action over the link.
     *
     * @throws IOException when the link is down or the action could not be sent
     */
    ManagerResponse send(ManagerAction action) throws IOException {
        ManagerConnection c = connection;
        if (c == null || !connected()) {
            throw new IOException("Gateway " + gateway.name() + " is not connected to Asterisk");
        }
        try {
            return c.sendAction(action, 10_000);
        } catch (TimeoutException e) {
            throw new IOException("Asterisk did not answer " + action.getAction() + " in time", e);
        } catch (IllegalStateException e) {
            throw new IOException("Gateway " + gateway.name() + " is not connected to Asterisk", e);
        }
    }

    /** Logs off and stops trying. */
    void stop() {
        stopped = true;
        ManagerConnection c = connection;
        connection = null;
        if (c != null) {
            logoffQuietly(c);
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        ManagerConnection c = new ManagerConnectionFactory(gateway.amiHost(), gateway.amiPort(), gateway.amiUser(),
                secret).createManagerConnection();
        c.setKeepAliveAfterAuthenticationFailure(false);
        EVENTS.forEach(c::registerUserEventClass);
        ManagerEventListener events = e -> onEvent(c, e);
        c.addEventListener(events);
        try {
            c.login("on");
            String version = version(c);
            if (stopped) {
                logoffQuietly(c);
                return;
            }
            connection = c;
            pauseMs = FIRST_PAUSE_MS;
            status = new GatewayStatus(gateway.id(), GatewayState.CONNECTED, version, null, Instant.now());
            LOG.info("Gateway {}: connected to Asterisk {} at {}:{}", gateway.name(), version, gateway.amiHost(),
                    gateway.amiPort());
            listener.connected(this);
        } catch (AuthenticationFailedException e) {
            failed(c, events, "Asterisk refused the login of AMI user '" + gateway.amiUser()
                    + "': check the user and secret in manager.conf and in the gateway settings.");
        } catch (IOException | TimeoutException | RuntimeException e) {
            failed(c, events, "Cannot reach Asterisk's manager interface at " + gateway.amiHost() + ":"
                    + gateway.amiPort() + " (" + e.getMessage() + ").");
        }
    }

    private static String version(ManagerConnection c) {
        try {
            ManagerResponse r = c.sendAction(new CoreSettingsAction(), 5000);
            if (r instanceof CoreSettingsResponse settings && settings.getAsteriskVersion() != null) {
                return settings.getAsteriskVersion();
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            LOG.debug("CoreSettings failed: {}", e.toString());
        }
        return String.valueOf(c.getVersion());
    }

    private void failed(ManagerConnection c, ManagerEventListener events, String why) {
        c.removeEventListener(events);
        logoffQuietly(c);
        if (stopped) {
            return;
        }
        long pause = pauseMs;
        pauseMs = Math.min(pauseMs * 2, longestPauseMs);
        GatewayState before = status.state();
        status = new GatewayStatus(gateway.id(), GatewayState.DOWN, status.asteriskVersion(), why,
                before == GatewayState.DOWN && status.since() != null ? status.since() : Instant.now());
        LOG.warn("Gateway {}: {} Next attempt in {} s; calls inside the office are not affected.", gateway.name(),
                why, pause / 1000);
        scheduler.schedule(this::connect, pause, TimeUnit.MILLISECONDS);
    }

    private void onEvent(ManagerConnection c, ManagerEvent event) {
        if (event instanceof DisconnectEvent) {
            if (c == connection) {
                connection = null;
                c.removeEventListener(e -> {
                });
                logoffQuietly(c);
                if (!stopped) {
                    status = new GatewayStatus(gateway.id(), GatewayState.CONNECTING, status.asteriskVersion(),
                            "The connection to Asterisk was lost; reconnecting.", Instant.now());
                    LOG.warn("Gateway {}: the connection to Asterisk was lost; reconnecting", gateway.name());
                    scheduler.schedule(this::connect, FIRST_PAUSE_MS, TimeUnit.MILLISECONDS);
                }
            }
            return;
        }
        if (c == connection) {
            listener.event(this, event);
        }
    }

    /**
     * The library would otherwise reconnect on its own, without growing pauses, next to this link's own attempts.
     * Logging off can wait for its reconnect loop, so it happens off the scheduler.
     */
    private static void logoffQuietly(ManagerConnection c) {
        Thread t = new Thread(() -> {
            try {
                c.logoff();
            } catch (RuntimeException e) {
                LOG.trace("Logoff: {}", e.toString());
            }
        }, "sohosip-ami-logoff");
        t.setDaemon(true);
        t.start();
    }
}
