// SPDX-License-Identifier: EPL-2.0
/**
 * Notifications of new voicemail: the {@link org.sohosip.server.notify.Notifier} service one channel offers (SMS,
 * e-mail, or a channel a plug-in bundle adds) and the {@link org.sohosip.server.notify.Notification} it sends.
 *
 * <h2>Adding a channel</h2>
 * A bundle adds a channel by registering a {@code Notifier} service, for example with Declarative Services:
 *
 * <pre>
 * &#64;Component(service = Notifier.class)
 * public final class ChatNotifier implements Notifier {
 *     public String channel() { return "chat"; }
 *     public void send(Notification n) throws NotificationException {
 *         // post n.text(zone) to the chat room of n.account(); throw NotificationException on failure
 *     }
 * }
 * </pre>
 *
 * The server calls every channel once per new message, on its own threads, and retries a failed send with backoff
 * (a few seconds, then minutes) unless the exception says retrying is pointless. The built-in channels
 * {@value org.sohosip.server.notify.Notifier#SMS} and {@value org.sohosip.server.notify.Notifier#EMAIL} are used
 * only when the mailbox owner turned them on, and their recipient is the number or address the owner gave. Any
 * other channel is called for every new message with the mailbox owner's user name as the recipient: the channel
 * knows where that user is reached. A channel never receives passwords and must not log the audio.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.notify;
