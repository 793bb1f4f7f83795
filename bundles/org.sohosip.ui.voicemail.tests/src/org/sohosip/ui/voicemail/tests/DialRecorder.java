// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.tests;

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
 * An in-test {@link Telephony} that records the numbers dialled: the real softphone needs a registrar and an audio
 * path, which the client core's own tests cover; here only the part's request to call back matters.
 */
final class DialRecorder implements Telephony {

    final List<String> dialled = new CopyOnWriteArrayList<>();

    @Override
    public Call dial(String target) {
        dialled.add(target);
        Instant now = Instant.now();
        return new Call() {
            @Override public String id() { return "c-" + target; }
            @Override public CallDirection direction() { return CallDirection.OUTGOING; }
            @Override public String remoteParty() { return target; }
            @Override public String remoteDisplayName() { return null; }
            @Override public CallState state() { return CallState.DIALING; }
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
    @Override public void addListener(CallListener l) { }
    @Override public void removeListener(CallListener l) { }
}
