// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallControls;
import org.sohosip.client.core.CallHold;
import org.sohosip.client.core.CallListener;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.client.core.Telephony;
import org.sohosip.core.CallDirection;

/**
 * An in-test implementation of the softphone's public interfaces. The real softphone needs a SIP registrar and
 * an audio path, which cannot run inside this UI test fragment; this one keeps calls in memory, records what the
 * user interface asked for, and tells listeners on a background thread as the real one does.
 */
final class TestPhone implements Telephony, CallHold, CallControls, PhoneRegistration {

    final List<String> dialled = new CopyOnWriteArrayList<>();
    final List<String> actions = new CopyOnWriteArrayList<>();
    volatile Optional<String> audioProblem = Optional.empty();
    private final List<TestCall> calls = new CopyOnWriteArrayList<>();
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<RegistrationState>> registrationListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> muted = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile RegistrationState state = RegistrationState.REGISTERED;
    private volatile String detail = "";

    /** A call kept in memory; its actions are recorded and change its state like the real softphone would. */
    final class TestCall implements Call {
        private final String id = "c" + ids.incrementAndGet();
        private final CallDirection direction;
        private final String party;
        private final String name;
        private final Instant created = Instant.now();
        volatile CallState state;
        volatile Instant connected;
        volatile String endReason = "";

        TestCall(CallDirection direction, String party, String name, CallState state) {
            this.direction = direction;
            this.party = party;
            this.name = name;
            this.state = state;
        }

        @Override public String id() { return id; }
        @Override public CallDirection direction() { return direction; }
        @Override public String remoteParty() { return party; }
        @Override public String remoteDisplayName() { return name; }
        @Override public CallState state() { return state; }
        @Override public Instant created() { return created; }
        @Override public Instant connected() { return connected; }
        @Override public String endReason() { return endReason; }

        @Override
        public void answer() {
            actions.add("answer " + party);
            change(this, CallState.ACTIVE, "");
        }

        @Override
        public void decline() {
            actions.add("decline " + party);
            change(this, CallState.ENDED, "Declined");
        }

        @Override
        public void hangUp() {
            actions.add("hang up " + party);
            change(this, CallState.ENDED, "");
        }

        @Override
        public String toString() {
            return "TestCall[" + party + ", " + state + "]";
        }
    }

    /** Adds a call (an incoming one rings) and tells the listeners. */
    TestCall add(CallDirection direction, String party, String name, CallState s) {
        TestCall c = new TestCall(direction, party, name, s);
        if (s == CallState.ACTIVE) {
            c.connected = Instant.now();
        }
        calls.add(c);
        tell(c);
        return c;
    }

    /** Changes a call's state (as the network would) and tells the listeners on a background thread. */
    void change(TestCall c, CallState s, String reason) {
        c.state = s;
        c.endReason = reason;
        if (s == CallState.ACTIVE && c.connected == null) {
            c.connected = Instant.now();
        }
        if (s == CallState.ENDED) {
            calls.remove(c);
        }
        tell(c);
    }

    void register(RegistrationState s, String why) {
        state = s;
        detail = why;
        Thread t = new Thread(() -> registrationListeners.forEach(l -> l.accept(s)), "test registration");
        t.start();
    }

    private void tell(Call c) {
        Thread t = new Thread(() -> listeners.forEach(l -> l.callChanged(c)), "test telephony");
        t.start();
    }

    @Override
    public Call dial(String target) {
        dialled.add(target);
        if (target.startsWith("9")) {
            throw new ClientException("Nobody has the number " + target + ".");
        }
        return add(CallDirection.OUTGOING, target, null, CallState.DIALING);
    }

    @Override public List<Call> calls() { return new ArrayList<>(calls); }
    @Override public Optional<String> audioProblem() { return audioProblem; }
    @Override public void addListener(CallListener l) { listeners.add(l); }
    @Override public void removeListener(CallListener l) { listeners.remove(l); }

    @Override
    public void hold(Call call) {
        actions.add("hold " + call.remoteParty());
        change((TestCall) call, CallState.ON_HOLD, "");
    }

    @Override
    public void resume(Call call) {
        actions.add("resume " + call.remoteParty());
        change((TestCall) call, CallState.ACTIVE, "");
    }

    @Override
    public void sendDtmf(Call call, char digit) {
        actions.add("tone " + digit + " to " + call.remoteParty());
    }

    @Override
    public void setMuted(Call call, boolean m) {
        actions.add((m ? "mute " : "unmute ") + call.remoteParty());
        muted.put(call.id(), m);
    }

    @Override public boolean isMuted(Call call) { return muted.getOrDefault(call.id(), false); }
    @Override public RegistrationState state() { return state; }
    @Override public String detail() { return detail; }
    @Override public void addListener(Consumer<RegistrationState> l) { registrationListeners.add(l); }
    @Override public void removeListener(Consumer<RegistrationState> l) { registrationListeners.remove(l); }

    int listenerCount() {
        return listeners.size() + registrationListeners.size();
    }
}
