// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.sohosip.client.core.AccountService;
import org.sohosip.client.core.ApiClient;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.CertificateTrustPrompt;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.KnownServers;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.ServerUnreachableException;
import org.sohosip.client.core.SessionEvent;
import org.sohosip.client.core.SessionListener;
import org.sohosip.client.core.SessionService;
import org.sohosip.client.core.SessionState;
import org.sohosip.core.Account;
import org.sohosip.core.LoginRecord;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.LoginResponse;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.SipSettings;
import org.sohosip.client.core.internal.phone.DigestKeys;
import org.sohosip.client.core.internal.phone.SipAccount;
import org.sohosip.client.core.internal.phone.SipAccountSource;

/**
 * The login session: holds the token (never shown), refreshes it ahead of expiry, and retries with growing pauses
 * when the server cannot be reached. Also serves {@link AccountService} with the session's token.
 */
@Component(service = { SessionService.class, AccountService.class, SipAccountSource.class, ApiSession.class })
public final class SessionServiceImpl implements SessionService, AccountService, SipAccountSource, ApiSession {

    private static final Duration MAX_LEAD = Duration.ofMinutes(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "SOHOSIP session refresh");
        t.setDaemon(true);
        return t;
    });
    private final Duration firstBackoff;
    private volatile @Nullable KnownServers knownServers;

    private final Object lock = new Object();
    private SessionEvent current = new SessionEvent(SessionState.LOGGED_OUT, null, null, null);
    private @Nullable ApiClient client;
    private @Nullable String token;
    private @Nullable ScheduledFuture<?> pending;
    private Duration backoff;
    private @Nullable SipAccount sipAccount;
    private @Nullable String sipProblem;

    /** Used by Declarative Services. */
    public SessionServiceImpl() {
        this(null, Duration.ofSeconds(1));
    }

    /**
     * @param knownServers where pins are kept, or {@code null} for {@code ~/.sohosip/known-servers}
     * @param firstBackoff pause before the first retry after a lost connection
     */
    public SessionServiceImpl(@Nullable KnownServers knownServers, Duration firstBackoff) {
        this.knownServers = knownServers;
        this.firstBackoff = firstBackoff;
        this.backoff = firstBackoff;
    }

    /** @param store a store offered by the application (e.g. kept in its own data area) */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    void setKnownServers(KnownServers store) {
        this.knownServers = store;
    }

    void unsetKnownServers(KnownServers store) {
        if (this.knownServers == store) {
            this.knownServers = null;
        }
    }

    @Deactivate
    void deactivate() {
        logout();
        timer.shutdownNow();
    }

    @Override
    public SessionState state() {
        return current().state();
    }

    @Override
    public SessionEvent current() {
        synchronized (lock) {
            return current;
        }
    }

    @Override
    public Optional<Account> account() {
        return Optional.ofNullable(current().account());
    }

    @Override
    public Optional<URI> server() {
        return Optional.ofNullable(current().server());
    }

    @Override
    public Account login(URI server, String username, char[] password, CertificateTrustPrompt prompt) {
        logout();
        KnownServers store = knownServers;
        ApiClient c = new ApiClient(server, store != null ? store : KnownServersFile.inUserHome(), prompt);
        change(new SessionEvent(SessionState.CONNECTING, null, server, null));
        LoginResponse r;
        try {
            r = c.login(username, password);
        } catch (ClientException e) {
            change(new SessionEvent(SessionState.LOGGED_OUT, null, null, e.getMessage()));
            throw e;
        }
        SipLogin sip = sipLogin(c, r, password);
        synchronized (lock) {
            client = c;
            token = r.token();
            backoff = firstBackoff;
            sipAccount = sip.account();
            sipProblem = sip.problem();
            schedule(refreshDelay(r.expiresAt()));
        }
        change(new SessionEvent(SessionState.LOGGED_IN, r.account(), server, null));
        return r.account();
    }

    private record SipLogin(@Nullable SipAccount account, @Nullable String problem) {
    }

    /**
     * Reads the server's SIP settings and derives the digest keys while the password is at hand. A server without
     * telephony still lets the user log in; the softphone then says why it cannot register.
     */
    private static SipLogin sipLogin(ApiClient c, LoginResponse r, char[] password) {
        try {
            SipSettings s = c.sipSettings(r.token());
            String user = r.account().username();
            String host = c.server().getHost();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new SipLogin(new SipAccount(user, r.account().displayName(), s.domain(), host, s.port(),
                    s.transports() == null ? List.of("udp") : List.copyOf(s.transports()),
                    DigestKeys.ha1("MD5", user, s.domain(), password),
                    DigestKeys.ha1("SHA-256", user, s.domain(), password)), null);
        } catch (ApiException e) {
            return new SipLogin(null, e.status() == 404
                    ? "This server does not offer telephony yet, so the softphone cannot register."
                    : "The server did not give the telephony settings (" + e.getMessage() + ").");
        } catch (ClientException e) {
            return new SipLogin(null, "The server did not give the telephony settings (" + e.getMessage() + ").");
        }
    }

    @Override
    public Optional<SipAccount> sipAccount() {
        synchronized (lock) {
            return Optional.ofNullable(sipAccount);
        }
    }

    @Override
    public Optional<String> sipProblem() {
        synchronized (lock) {
            return Optional.ofNullable(sipProblem);
        }
    }

    @Override
    public void logout() {
        ApiClient c;
        String t;
        synchronized (lock) {
            c = client;
            t = token;
            client = null;
            token = null;
            sipAccount = null;
            sipProblem = null;
            cancelPending();
            if (current.state() == SessionState.LOGGED_OUT) {
                return;
            }
        }
        if (c != null && t != null) {
            try {
                c.logout(t);
            } catch (ClientException e) {
                // the server forgets the token when it expires; logging out locally is what counts
            }
        }
        change(new SessionEvent(SessionState.LOGGED_OUT, null, null, null));
    }

    @Override
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /** Refreshes the token now; runs on the timer thread. */
    void refresh() {
        Snapshot s = snapshot();
        ApiClient c = s.client();
        String t = s.token();
        SessionEvent before = s.event();
        if (c == null || t == null) {
            return;
        }
        try {
            LoginResponse r = c.refresh(t);
            synchronized (lock) {
                if (token == null || !token.equals(t)) {
                    return; // logged out or in again meanwhile
                }
                token = r.token();
                backoff = firstBackoff;
                schedule(refreshDelay(r.expiresAt()));
            }
            if (before.state() != SessionState.LOGGED_IN) {
                change(new SessionEvent(SessionState.LOGGED_IN, r.account(), c.server(), null));
            }
        } catch (ApiException e) {
            if (e.status() == 401) {
                synchronized (lock) {
                    client = null;
                    token = null;
                    sipAccount = null;
                    sipProblem = null;
                }
                change(new SessionEvent(SessionState.LOGGED_OUT, null, null,
                        "Your session has ended (" + e.getMessage() + "). Please log in again."));
            } else {
                connectionLost(c, before, e);
            }
        } catch (ClientException e) {
            connectionLost(c, before, e);
        }
    }

    private void connectionLost(ApiClient c, SessionEvent before, ClientException e) {
        synchronized (lock) {
            if (client != c) {
                return;
            }
            schedule(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        change(new SessionEvent(SessionState.CONNECTION_LOST, before.account(), c.server(), e.getMessage()));
    }

    private void schedule(Duration delay) {
        cancelPending();
        pending = timer.schedule(this::refresh, Math.max(delay.toMillis(), 1), TimeUnit.MILLISECONDS);
    }

    private void cancelPending() {
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
            pending = null;
        }
    }

    /** Refresh when four fifths of the token's life are over, but at most five minutes before the end. */
    static Duration refreshDelay(Instant expiresAt) {
        Duration life = Duration.between(Instant.now(), expiresAt);
        Duration lead = life.dividedBy(5);
        if (lead.compareTo(MAX_LEAD) > 0) {
            lead = MAX_LEAD;
        }
        Duration delay = life.minus(lead);
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    private void change(SessionEvent event) {
        synchronized (lock) {
            current = event;
        }
        for (SessionListener l : listeners) {
            try {
                l.sessionChanged(event);
            } catch (RuntimeException e) {
                // one broken listener must not stop the others from hearing about the session
            }
        }
    }

    /** The session's connection, token and state, read together. */
    private record Snapshot(@Nullable ApiClient client, @Nullable String token, SessionEvent event) {
    }

    private Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(client, token, current);
        }
    }

    private <T> T withToken(Function<String, T> call) {
        Snapshot s = snapshot();
        ApiClient c = s.client();
        String t = s.token();
        SessionEvent before = s.event();
        if (c == null || t == null) {
            throw new ClientException("You are not logged in.");
        }
        try {
            return call.apply(t);
        } catch (ApiException e) {
            // A refresh may have replaced the token while this call was on its way: retry once with the new one.
            String now = snapshot().token();
            if (e.status() == 401 && now != null && !now.equals(t)) {
                return call.apply(now);
            }
            throw e;
        } catch (ServerUnreachableException e) {
            if (before.state() == SessionState.LOGGED_IN) {
                connectionLost(c, before, e);
            }
            throw e;
        }
    }

    private ApiClient client() {
        synchronized (lock) {
            ApiClient c = client;
            if (c == null) {
                throw new ClientException("You are not logged in.");
            }
            return c;
        }
    }

    @Override
    public <T> T call(BiFunction<ApiClient, String, T> request) {
        return withToken(t -> request.apply(client(), t));
    }

    @Override
    public List<Account> accounts() {
        return withToken(t -> client().accounts(t));
    }

    @Override
    public Account create(NewAccount account) {
        return withToken(t -> client().createAccount(t, account));
    }

    @Override
    public Account account(long id) {
        return withToken(t -> client().account(t, id));
    }

    @Override
    public Account update(long id, AccountChanges changes) {
        return withToken(t -> client().updateAccount(t, id, changes));
    }

    @Override
    public void setPassword(long id, char[] password) {
        withToken(t -> {
            client().setPassword(t, id, password);
            return Boolean.TRUE;
        });
    }

    @Override
    public List<LoginRecord> loginRecords(int limit, @Nullable String username) {
        return withToken(t -> client().loginRecords(t, limit, username));
    }

    /** @return state and server only; the token is never shown */
    @Override
    public String toString() {
        SessionEvent e = current();
        return "Session[" + e.state() + ", " + e.server() + "]";
    }
}
