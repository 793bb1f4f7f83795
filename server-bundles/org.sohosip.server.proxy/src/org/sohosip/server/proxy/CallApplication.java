// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * A service inside the server that takes calls with its own SIP stack on loopback (voicemail, conference, ...),
 * registered as an OSGi service: the proxy tracks every one (whiteboard). Calls to one of its {@link #numbers()}
 * are forwarded to its {@link #address()} with the Request-URI user left as dialled; the proxy adds
 * {@code P-Asserted-Identity} for authenticated callers. The one application that says {@link #voicemail()} also
 * takes calls that were not answered (no answer in time, busy everywhere, not registered), with {@code Diversion}
 * and {@code History-Info} naming the original target and the mailbox owner's user name as the Request-URI user,
 * and every {@code SUBSCRIBE} for the {@code message-summary} event package (RFC 3842).
 *
 * @since 0.1
 */
public interface CallApplication {

    /** @return a short name for logs, e.g. {@code voicemail} */
    String name();

    /** @return the numbers it answers, e.g. {@code 8500} and {@code *97}; they take precedence over accounts */
    Set<String> numbers();

    /** @return where its SIP stack listens (UDP, on loopback) */
    InetSocketAddress address();

    /** @return whether it is the voicemail application (unanswered calls and message-summary subscriptions) */
    boolean voicemail();
}
