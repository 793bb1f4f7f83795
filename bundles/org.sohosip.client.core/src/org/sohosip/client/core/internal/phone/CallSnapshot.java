// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.core.CallDirection;

/**
 * A call as it was when a listener is told of a change: state, connect time and end reason stay as they were at
 * that moment even when the listener runs later, so listeners see every step in order. Actions go to the live
 * call. Equal to the live call and to every other snapshot of it (same id).
 */
final class CallSnapshot implements Call {

    private final PhoneCall live;
    private final CallState state;
    private final @Nullable Instant connected;
    private final String endReason;

    CallSnapshot(PhoneCall live) {
        this.live = live;
        this.state = live.state();
        this.connected = live.connected();
        this.endReason = live.endReason();
    }

    PhoneCall live() {
        return live;
    }

    @Override
    public String id() {
        return live.id();
    }

    @Override
    public CallDirection direction() {
        return live.direction();
    }

    @Override
    public String remoteParty() {
        return live.remoteParty();
    }

    @Override
    public @Nullable String remoteDisplayName() {
        return live.remoteDisplayName();
    }

    @Override
    public CallState state() {
        return state;
    }

    @Override
    public Instant created() {
        return live.created();
    }

    @Override
    public @Nullable Instant connected() {
        return connected;
    }

    @Override
    public String endReason() {
        return endReason;
    }

    @Override
    public void answer() {
        live.answer();
    }

    @Override
    public void decline() {
        live.decline();
    }

    @Override
    public void hangUp() {
        live.hangUp();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Call c && (o instanceof PhoneCall || o instanceof CallSnapshot) && c.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return "Call[" + id() + ", " + direction() + ", " + state + "]";
    }
}
