// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.tests;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallListener;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.Telephony;
import org.sohosip.core.CallDirection;

/**
 * An in-test implementation of {@link Telephony}: the real softphone needs a SIP registrar and an audio path,
 * which cannot run inside this UI test fragment. It records the numbers dialled and can report a call as ended.
 */
final class TestTelephony implements Telephony {

    final List<String> dialled = new CopyOnWriteArrayList<>();
    private final List<CallListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Call dial(String target) {
        dialled.add(target);
        return call(target, CallState.DIALING);
    }

    /** Tells the listeners, on a background thread as the real softphone does, that a call ended. */
    void endCall(String party) {
        Call c = call(party, CallState.ENDED);
        new Thread(() -> listeners.forEach(l -> l.callChanged(c)), "test telephony").start();
    }

    private static Call call(String party, CallState state) {
        Instant now = Instant.now();
        return new Call() {
            @Override public String id() { return "c-" + party; }
            @Override public CallDirection direction() { return CallDirection.OUTGOING; }
            @Override public String remoteParty() { return party; }
            @Override public String remoteDisplayName() { return null; }
            @Override public CallState state() { return state; }
            @Override public Instant created() { return now; }
            @Override public Instant connected() { return null; }
            @Override public String endReason() { return ""; }
            @Override public void answer() { }
            @Override public void decline() { }
            @Override public void hangUp() { }
        };
    }

    @Override public List<Call> calls() { return List.of(); }
    @Override public Optional<String> audioProblem() { return Optional.empty(); }
    @Override public void addListener(CallListener l) { listeners.add(l); }
    @Override public void removeListener(CallListener l) { listeners.remove(l); }

    int listenerCount() {
        return listeners.size();
    }
}
