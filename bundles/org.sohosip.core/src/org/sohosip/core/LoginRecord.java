// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.time.Instant;

/**
 * One entry of the login log: who, when, from which address, and what happened.
 *
 * @param id       store identity
 * @param username the user name that was given (it may name no account for {@link LoginEvent#FAILED})
 * @param event    what happened
 * @param address  the remote address the request came from
 * @param at       when it happened
 * @since 0.1
 */
public record LoginRecord(long id, String username, LoginEvent event, String address, Instant at) {
}
