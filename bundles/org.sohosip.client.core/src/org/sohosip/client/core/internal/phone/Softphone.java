// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallControls;
import org.sohosip.client.core.CallHold;
import org.sohosip.client.core.CallListener;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.client.core.Telephony;
import org.sohosip.media.DtmfEvent;
import org.sohosip.media.MediaException;
import org.sohosip.media.MediaSessions;
import org.sohosip.sip.DigestCredentials;
import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallListener;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipEndpoint;
import org.sohosip.sip.SipException;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.Transport;
import org.sohosip.sip.UserAgentConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softphone: one SIP user agent for the logged-in user, its registration, and its calls with their audio.
 * At most one call is active; dialling, answering or resuming puts the active one on hold first. Every change is
 * told to listeners on one events thread, in order, never while a lock is held.
 */
public final class Softphone implements PhoneRegistration, Telephony, CallHold, CallControls, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Softphone.class);

    private final MediaSessions media;
    private final AudioDevices audio;
    private final PhoneSettings settings;
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "SOHOSIP softphone events");
        t.setDaemon(true);
        return t;
    });
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    private final Registration registration = new Registration(events);
    private final Alerts alerts;
    private final AtomicLong ids = new AtomicLong();

    private final Object lock = new Object();
    private final Map<String, PhoneCall> calls = new LinkedHashMap<>();
    /**
     * The calls as {@link #calls()} gives them, replaced under the lock at every change: the UI reads it without
     * waiting for the lock, which the SIP events hold while a connected call's audio starts (a slow moment on a
     * busy machine), so the call list never lags behind the calls.
     */
    private volatile List<Call> published = List.of();
    private @Nullable SipUserAgent agent;
    private @Nullable SipAccount account;
    private @Nullable InetAddress localAddress;
    private volatile Consumer<@Nullable SipUserAgent> agentHook = ua -> {
    };

    /**
     * @param media    opens the calls' RTP sessions
     * @param audio    microphone, speaker and tones
     * @param settings how to talk SIP
     */
    public Softphone(MediaSessions media, AudioDevices audio, PhoneSettings settings) {
        this.media = media;
        this.audio = audio;
        this.settings = settings;
        this.alerts = new Alerts(audio);
    }

    /**
     * Starts the user agent for the account and registers. Blocks while the SIP stack starts (well under a
     * second): call it off the UI thread.
     *
     * @param a the logged-in user's SIP account
     */
    public void start(SipAccount a) {
        stop(Registration.LOGGED_OUT);
        InetAddress local = LocalAddress.towards(a.registrar(), a.port());
        SipIdentity identity = new SipIdentity(a.addressOfRecord(), a.displayName(),
                new DigestCredentials(a.username(), a.domain(), a.ha1Md5(), a.ha1Sha256()),
                settings.viaServer() ? new SipEndpoint(a.registrar(), a.port(), Transport.UDP) : null);
        SipUserAgent ua;
        try {
            UserAgentConfig base = UserAgentConfig.of(local.getHostAddress());
            ua = SipUserAgents.create(base.withPort(settings.localPort()).withUserAgentName("SOHOSIP Softphone")
                    .withTimers(settings.retransmitTimer(), base.transactionTimeout(), base.ringTimeout()), identity);
        } catch (SipException e) {
            registration.failed("The softphone could not start: " + e.getMessage());
            return;
        }
        ua.telephony().addCallListener(new Events(ua));
        ua.transfers().addTransferListener(new TransferFollower(this, ua));
        synchronized (lock) {
            agent = ua;
            account = a;
            localAddress = local;
        }
        agentHook.accept(ua);
        if (settings.register()) {
            registration.start(ua, a, settings.registration());
        } else {
            registration.set(RegistrationState.UNREGISTERED,
                    "Not registered: calls go straight to the address dialled.");
        }
    }

    /**
     * Ends every call, unregisters and stops the user agent. Blocks briefly while the registrar is told.
     *
     * @param why what the registration detail says afterwards
     */
    public void stop(String why) {
        SipUserAgent ua;
        List<PhoneCall> ended;
        synchronized (lock) {
            ua = agent;
            agent = null;
            account = null;
            ended = new ArrayList<>(calls.values());
            calls.clear();
            publish();
            for (PhoneCall c : ended) {
                c.localEnd(EndReasons.PHONE_STOPPED);
                c.finish();
            }
            alerts.update(calls.values());
            ended.forEach(this::changed);
        }
        registration.stop(why);
        if (ua != null) {
            agentHook.accept(null);
            ua.close();
        }
    }

    /** @param hook told of each started user agent, and with {@code null} before it stops (message waiting) */
    public void onAgentChange(Consumer<@Nullable SipUserAgent> hook) {
        agentHook = hook;
    }

    /** @param why a sentence for people on why the softphone cannot register at all */
    public void unavailable(String why) {
        stop(why);
        registration.failed(why);
    }

    /** @return the address other phones reach this one at, while it runs */
    public Optional<String> contact() {
        synchronized (lock) {
            SipUserAgent ua = agent;
            return ua == null ? Optional.empty() : Optional.of(ua.contactUri());
        }
    }

    /** @return the local SIP port, or 0 while stopped */
    public int localPort() {
        synchronized (lock) {
            SipUserAgent ua = agent;
            return ua == null ? 0 : ua.localPort();
        }
    }

    /** Registers again at once (after the network came back). */
    public void refreshRegistration() {
        registration.refreshNow();
    }

    /**
     * @return the alert being played: {@code NONE}, {@code RINGTONE}, {@code CALL_WAITING} or {@code RINGBACK}
     *         (for diagnostics and tests)
     */
    public String alert() {
        return alerts.current().name();
    }

    @Override
    public void close() {
        stop(Registration.LOGGED_OUT);
        alerts.close();
        events.shutdown();
    }

    // ---- PhoneRegistration

    @Override
    public RegistrationState state() {
        return registration.state();
    }

    @Override
    public String detail() {
        return registration.detail();
    }

    @Override
    public void addListener(Consumer<RegistrationState> listener) {
        registration.addListener(listener);
    }

    @Override
    public void removeListener(Consumer<RegistrationState> listener) {
        registration.removeListener(listener);
    }

    // ---- Telephony

    @Override
    public Call dial(String target) {
        return place(target, null);
    }

    /**
     * Places the call a transfer asks for (the other side of {@code transferred} sent REFER) the way {@link #dial}
     * does, so ringback, the call list and history show it. The transferred call is only silenced, not held by
     * re-INVITE: it ends as soon as the new call is answered, and its end reason says where it went.
     *
     * @return the new call, or empty when {@code transferred} is no live call of this phone's user agent
     * @throws ClientException when the new call cannot be placed; the transferred call is then left as it was
     */
    Optional<PhoneCall> placeTransfer(SipUserAgent from, SipCall transferred, String target) {
        synchronized (lock) {
            PhoneCall old = agent == from ? calls.get(transferred.id()) : null;
            return old == null || old.state() == CallState.ENDED ? Optional.empty() : Optional.of(place(target, old));
        }
    }

    private PhoneCall place(String target, @Nullable PhoneCall transferred) {
        PhoneCall c;
        synchronized (lock) {
            SipUserAgent ua = agent;
            SipAccount a = account;
            InetAddress local = localAddress;
            if (ua == null || a == null || local == null) {
                throw new ClientException("The softphone is not running: log in first.");
            }
            if (settings.register() && registration.state() != RegistrationState.REGISTERED) {
                throw new ClientException("You cannot call right now. " + registration.detail());
            }
            String uri = TargetAddress.toUri(target, a.domain());
            holdCurrent(transferred);
            CallAudio ca = openAudio(local);
            SipCall sc;
            try {
                sc = ua.telephony().dial(uri, ca.local());
            } catch (SipException e) {
                ca.close();
                throw new ClientException(e.getMessage(), e);
            }
            c = new PhoneCall(this, "call-" + ids.incrementAndGet(), sc, a.domain(), CallState.DIALING);
            c.audio(ca);
            calls.put(sc.id(), c);
            publish();
            if (transferred != null) {
                transferred.localEnd(EndReasons.transferredTo(c.remoteParty()));
                if (transferred.state() == CallState.ACTIVE || transferred.state() == CallState.REMOTE_HOLD) {
                    transferred.state(CallState.ON_HOLD);
                    CallAudio old = transferred.audio();
                    if (old != null) {
                        old.detach();
                    }
                    changed(transferred);
                }
            }
            alerts.update(calls.values());
            changed(c);
        }
        return c;
    }

    private CallAudio openAudio(InetAddress local) {
        try {
            return new CallAudio(media.open(local), audio);
        } catch (MediaException e) {
            throw new ClientException(e.getMessage(), e);
        }
    }

    @Override
    public List<Call> calls() {
        return published;
    }

    /** Under the lock, after every change of {@link #calls}. */
    private void publish() {
        published = List.copyOf(calls.values());
    }

    @Override
    public Optional<String> audioProblem() {
        return audio.problem();
    }

    @Override
    public void addListener(CallListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(CallListener listener) {
        listeners.remove(listener);
    }

    // ---- Call actions

    void answer(PhoneCall c) {
        synchronized (lock) {
            InetAddress local = localAddress;
            if (c.state() != CallState.INCOMING || local == null) {
                return;
            }
            holdCurrent(c);
            CallAudio ca = openAudio(local);
            try {
                c.sip().answer(ca.local());
            } catch (SipException e) {
                ca.close();
                throw new ClientException(e.getMessage(), e);
            }
            c.audio(ca);
            c.state(CallState.ACTIVE);
            c.sip().media().ifPresent(m -> c.applyMedia(m));
            alerts.update(calls.values());
            changed(c);
        }
    }

    void decline(PhoneCall c) {
        if (c.state() == CallState.INCOMING) {
            c.localEnd(EndReasons.DECLINED_HERE);
            c.sip().decline();
        }
    }

    void hangUp(PhoneCall c) {
        CallState s = c.state();
        if (s == CallState.ENDED) {
            return;
        }
        c.localEnd(switch (s) {
            case DIALING, RINGING -> EndReasons.CANCELLED;
            case INCOMING -> EndReasons.DECLINED_HERE;
            default -> EndReasons.HUNG_UP;
        });
        c.sip().hangUp();
    }

    // ---- CallHold

    @Override
    public void hold(Call call) {
        PhoneCall c = own(call);
        synchronized (lock) {
            if (!holdLocked(c)) {
                return;
            }
            alerts.update(calls.values());
            changed(c);
        }
    }

    /** Puts a connected call on hold; under the lock. @return whether it changed */
    private boolean holdLocked(PhoneCall c) {
        SipUserAgent ua = agent;
        if (ua == null || (c.state() != CallState.ACTIVE && c.state() != CallState.REMOTE_HOLD)) {
            return false;
        }
        c.state(CallState.ON_HOLD);
        CallAudio ca = c.audio();
        if (ca != null) {
            ca.detach();
        }
        sendHold(ua, c, true, true);
        return true;
    }

    /**
     * Offers hold or resume by re-INVITE once the dialog allows it: a call answered a moment ago waits for the
     * caller's ACK (the offer goes out when the call connects), and a refused offer (e.g. both sides changing the
     * call at once) is tried once more.
     */
    private void sendHold(SipUserAgent ua, PhoneCall c, boolean hold, boolean retry) {
        if (c.sip().state() != SipCallState.CONNECTED) {
            return;
        }
        var offer = hold ? ua.hold().hold(c.sip()) : ua.hold().resume(c.sip());
        offer.whenComplete((m, e) -> {
            if (e == null) {
                return;
            }
            if (retry) {
                CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS).execute(() -> {
                    synchronized (lock) {
                        boolean wanted = hold == (c.state() == CallState.ON_HOLD);
                        if (agent == ua && wanted && c.state() != CallState.ENDED) {
                            sendHold(ua, c, hold, false);
                        }
                    }
                });
            } else {
                LOG.info("The other side did not accept {} of {}: {}", hold ? "hold" : "resuming", c.id(),
                        e.getMessage());
            }
        });
    }

    @Override
    public void resume(Call call) {
        PhoneCall c = own(call);
        synchronized (lock) {
            SipUserAgent ua = agent;
            if (ua == null || c.state() != CallState.ON_HOLD) {
                return;
            }
            holdCurrent(c);
            boolean remoteHold = ua.hold().isRemoteHold(c.sip());
            c.state(remoteHold ? CallState.REMOTE_HOLD : CallState.ACTIVE);
            CallAudio ca = c.audio();
            if (ca != null) {
                ca.attach(!remoteHold);
            }
            sendHold(ua, c, false, true);
            alerts.update(calls.values());
            changed(c);
        }
    }

    /** Puts every connected call but {@code except} on hold; under the lock. */
    private void holdCurrent(@Nullable PhoneCall except) {
        for (PhoneCall other : calls.values()) {
            if (other != except && holdLocked(other)) {
                changed(other);
            }
        }
    }

    // ---- CallControls

    @Override
    public void sendDtmf(Call call, char digit) {
        PhoneCall c = own(call);
        char d = Character.toUpperCase(digit);
        if (!DtmfEvent.isDigit(d)) {
            throw new ClientException("'" + digit + "' is not a key of the dial pad (0-9, *, #, A-D).");
        }
        SipUserAgent ua;
        synchronized (lock) {
            ua = agent;
        }
        if (ua != null) {
            c.sendDtmf(ua, d);
        }
    }

    @Override
    public void setMuted(Call call, boolean muted) {
        PhoneCall c = own(call);
        c.muted(muted);
        CallAudio ca = c.audio();
        if (ca != null && ca.started()) {
            ca.session().setMuted(muted);
        }
    }

    @Override
    public boolean isMuted(Call call) {
        return own(call).muted();
    }

    private PhoneCall own(Call call) {
        if (call instanceof PhoneCall p) {
            return p;
        }
        if (call instanceof CallSnapshot s) {
            return s.live();
        }
        throw new IllegalArgumentException("Not a call of this softphone: " + call);
    }

    // ---- events from the SIP user agent

    /** Called on the user agent's event thread. */
    private final class Events implements SipCallListener {

        private final SipUserAgent ua;

        Events(SipUserAgent ua) {
            this.ua = ua;
        }

        @Override
        public void incomingCall(SipCall call) {
            PhoneCall c;
            synchronized (lock) {
                SipAccount a = account;
                if (agent != ua || a == null) {
                    return;
                }
                c = new PhoneCall(Softphone.this, "call-" + ids.incrementAndGet(), call, a.domain(),
                        CallState.INCOMING);
                calls.put(call.id(), c);
                publish();
                alerts.update(calls.values());
                changed(c);
            }
        }

        @Override
        public void stateChanged(SipCall call, SipCallState newState) {
            PhoneCall c;
            synchronized (lock) {
                c = agent == ua ? calls.get(call.id()) : null;
                if (c == null) {
                    return;
                }
                switch (newState) {
                    case RINGING -> {
                        if (c.state() == CallState.DIALING) {
                            c.state(CallState.RINGING);
                        }
                    }
                    case CONNECTED -> {
                        if (c.state() == CallState.DIALING || c.state() == CallState.RINGING) {
                            holdCurrent(c);
                            c.state(CallState.ACTIVE);
                            call.media().ifPresent(m -> c.applyMedia(m));
                        } else if (c.state() == CallState.ON_HOLD && !ua.hold().isOnHold(call)) {
                            // put on hold between answering and the caller's ACK: offer it now
                            sendHold(ua, c, true, true);
                        }
                    }
                    case ENDED -> {
                        calls.remove(call.id());
                        publish();
                        c.finish();
                    }
                    default -> {
                        return;
                    }
                }
                alerts.update(calls.values());
                changed(c);
            }
        }

        @Override
        public void mediaChanged(SipCall call, NegotiatedMedia m) {
            PhoneCall c;
            synchronized (lock) {
                c = agent == ua ? calls.get(call.id()) : null;
                if (c == null) {
                    return;
                }
                CallState before = c.state();
                // held by the other side, this side may only receive (recvonly) or nothing (inactive)
                if (before == CallState.ACTIVE && !m.direction().sends()) {
                    c.state(CallState.REMOTE_HOLD);
                } else if (before == CallState.REMOTE_HOLD && m.direction().sends()) {
                    c.state(CallState.ACTIVE);
                }
                if (c.state() == CallState.ACTIVE || c.state() == CallState.REMOTE_HOLD
                        || c.state() == CallState.ON_HOLD) {
                    c.applyMedia(m);
                }
                if (c.state() == before) {
                    return;
                }
                alerts.update(calls.values());
                changed(c);
            }
        }
    }

    /** Tells the listeners, later, on the events thread; called under the lock so the snapshot is this change. */
    private void changed(PhoneCall c) {
        CallSnapshot now = new CallSnapshot(c);
        events.execute(() -> {
            for (CallListener l : listeners) {
                try {
                    l.callChanged(now);
                } catch (RuntimeException e) {
                    LOG.warn("A call listener failed", e);
                }
            }
        });
    }
}
