// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One SIP user agent: a JAIN-SIP stack listening on a local address for one {@link SipIdentity}. Each capability
 * is a small interface of its own ({@link SipRegistration}, {@link SipTelephony}, {@link SipCallHold},
 * {@link SipDtmf}, {@link SipMessageWaiting}, {@link SipTransfers}). Create one with {@link SipUserAgents#create};
 * {@link #close()} unregisters, ends the calls and frees the ports.
 *
 * <p>
 * Listeners are called on one background thread of this agent, in order, never on the stack's own thread; a slow
 * listener delays later events of this agent but never the SIP protocol itself.
 *
 * @since 0.1
 */
public interface SipUserAgent extends AutoCloseable {

    /** @return the configuration it was created with */
    UserAgentConfig config();

    /** @return who this agent is */
    SipIdentity identity();

    /** @return the port it listens on (UDP and TCP alike), chosen at creation when the configuration said 0 */
    int localPort();

    /** @return the contact URI others reach this agent at, e.g. {@code sip:alice@127.0.0.1:40312} */
    String contactUri();

    /**
     * Starts registering the identity's address of record with the registrar behind its outbound proxy (or the
     * AOR's domain when there is none). Calling it again replaces the earlier registration (which is removed).
     *
     * @param options expiry asked for and retry pauses
     * @return the registration, already in state {@link RegistrationState#REGISTERING}
     */
    SipRegistration register(RegistrationOptions options);

    /**
     * Like {@link #register(RegistrationOptions)}, with a listener added before the first REGISTER goes out, so
     * that no change can be missed.
     *
     * @param options  expiry asked for and retry pauses
     * @param listener told of every change after {@link RegistrationState#REGISTERING}
     * @return the registration
     */
    SipRegistration register(RegistrationOptions options, RegistrationListener listener);

    /** @return basic telephony: dial, incoming calls, answer, reject, cancel, hang up */
    SipTelephony telephony();

    /** @return hold and resume of connected calls */
    SipCallHold hold();

    /** @return DTMF over SIP INFO, sending and receiving */
    SipDtmf dtmf();

    /** @return message waiting indication: the mailbox subscription and the NOTIFYs it brings */
    SipMessageWaiting messageWaiting();

    /**
     * Unregisters (Expires: 0, waiting briefly for the answer), hangs up every call, stops the stack and frees the
     * ports. Does nothing the second time.
     */
    @Override
    void close();

    /** @return being transferred: REFERs from the other side of a call, followed by a new call */
    default SipTransfers transfers() {
        throw new UnsupportedOperationException("no transfers here");
    }

    /** @return the notifier side of event subscriptions (SUBSCRIBE answered, NOTIFY sent in their dialogs) */
    default SipNotifier notifier() {
        throw new UnsupportedOperationException("no event subscriptions here");
    }

    /**
     * Sends a NOTIFY outside any dialog (an unsolicited notification, e.g. RFC 3842 message waiting to a phone that
     * did not subscribe), straight to {@code target} (not through the outbound proxy).
     *
     * @param target      the phone's contact URI
     * @param event       the event package, e.g. {@code message-summary}
     * @param contentType the body's type, e.g. {@code application/simple-message-summary}
     * @param body        the body
     * @return completes with the final status (0 when no answer came)
     * @since 0.1
     */
    default CompletionStage<Integer> sendNotify(String target, String event, String contentType, String body) {
        return CompletableFuture.failedFuture(new SipException("NOTIFY is not supported here"));
    }
}
