// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.net.URI;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Account;

/**
 * A change of the session state.
 *
 * @param state   the new state
 * @param account the logged-in account, if any
 * @param server  the server the session belongs to, if any
 * @param message why the state changed, for people (e.g. the connection error), or {@code null}
 * @since 0.1
 */
public record SessionEvent(SessionState state, @Nullable Account account, @Nullable URI server,
        @Nullable String message) {
}
