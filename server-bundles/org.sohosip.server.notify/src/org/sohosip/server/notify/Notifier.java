// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify;

/**
 * One way of telling a mailbox owner about a new voicemail message, offered as an OSGi service. The server's own
 * channels are {@value #SMS} (over SMPP) and {@value #EMAIL} (over SMTP, with the recording attached); they are
 * registered only when configured. Other bundles may add channels (see the package documentation).
 * <p>
 * {@link #send} is called on a notification thread, never on a thread that handles calls, and may block for as
 * long as the network needs. Calls for one channel may come from several threads at once.
 *
 * @since 0.1
 */
public interface Notifier {

    /** The channel name of SMS notifications. */
    String SMS = "sms";

    /** The channel name of e-mail notifications. */
    String EMAIL = "email";

    /**
     * @return the channel's short name, lower case, e.g. {@code sms}; used in logs and to find the channel a
     *         mailbox owner chose
     */
    String channel();

    /**
     * Delivers one notification, or fails.
     *
     * @param notification what to tell and to whom ({@link Notification#recipient()})
     * @throws NotificationException when it could not be delivered; {@link NotificationException#retryable()}
     *             says whether trying again later may succeed
     */
    void send(Notification notification) throws NotificationException;
}
