// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.Set;
import java.util.function.Function;

/**
 * The notifier side of SIP event subscriptions (RFC 6665) for one or more event packages, e.g. message waiting
 * (RFC 3842): a SUBSCRIBE for a served package is accepted (200, at most an hour), answered at once with a NOTIFY
 * of the current state in the subscription's dialog, and told again whenever {@link #changed} is called; refreshes
 * and {@code Expires: 0} are handled, and the subscription ends when it expires. SUBSCRIBEs for other packages get
 * 489 Bad Event.
 *
 * @since 0.1
 */
public interface SipNotifier {

    /**
     * Starts serving an event package.
     *
     * @param event       the package, e.g. {@code message-summary}
     * @param contentType the NOTIFY body's type, e.g. {@code application/simple-message-summary}
     * @param state       the body for a subscription to a user (the SUBSCRIBE's Request-URI user)
     */
    void serve(String event, String contentType, Function<String, String> state);

    /**
     * Sends the current state to every live subscription to {@code user} for {@code event}.
     *
     * @param event the package
     * @param user  the Request-URI user the subscriptions named
     * @return how many subscriptions were notified
     */
    int changed(String event, String user);

    /**
     * @param event the package
     * @param user  the Request-URI user the subscriptions named
     * @return the contact URIs of the live subscriptions to {@code user} (so others can be told without one)
     */
    Set<String> subscribers(String event, String user);
}
