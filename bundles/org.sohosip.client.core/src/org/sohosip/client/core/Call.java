// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.CallDirection;

/**
 * One call of the softphone. Actions return at once and report their outcome through
 * {@link CallListener#callChanged(Call)}.
 *
 * @since 0.1
 */
public interface Call {

    /** @return an id unique within this client run */
    String id();

    /** @return incoming or outgoing */
    CallDirection direction();

    /** @return the other side as it can be dialled back (user name, extension or number) */
    String remoteParty();

    /** @return the other side's display name, if it sent one */
    @Nullable
    String remoteDisplayName();

    /** @return the current state */
    CallState state();

    /** @return when the call was created */
    Instant created();

    /** @return when it was answered, or {@code null} */
    @Nullable
    Instant connected();

    /** @return for an ended call, a sentence for people ("Busy", "Declined", "Not registered"...); else empty */
    String endReason();

    /** Answers an incoming call; any other active call goes on hold first. */
    void answer();

    /** Declines an incoming call (603). */
    void decline();

    /** Ends the call in whatever state it is (CANCEL, BYE). */
    void hangUp();
}
