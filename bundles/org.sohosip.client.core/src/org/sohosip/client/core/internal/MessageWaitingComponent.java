// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;
import org.sohosip.client.core.MessageWaiting;
import org.sohosip.client.core.MessageWaitingState;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.sip.MessageSummary;
import org.sohosip.sip.MessageWaitingListener;
import org.sohosip.sip.SipMessageWaiting;
import org.sohosip.sip.SipSubscription;
import org.sohosip.sip.SubscriptionOptions;

/**
 * Message waiting as the client shows it. The softphone hands over its SIP user agent when it starts (the
 * subscription goes out from the same address the phone registered, so unsolicited NOTIFYs to that contact arrive
 * here too) and takes it back when it stops. Counts the voicemail service fetched over the API count as well, so
 * the indicator follows the user's own changes at once.
 */
@Component(service = { MessageWaiting.class, MessageWaitingComponent.class })
public final class MessageWaitingComponent implements MessageWaiting {

    private final List<Consumer<MessageWaitingState>> listeners = new CopyOnWriteArrayList<>();
    private final SubscriptionOptions options;
    private final MessageWaitingListener fromSip = this::notified;
    private volatile MessageWaitingState state = MessageWaitingState.UNKNOWN;
    private @Nullable SipMessageWaiting source;
    private @Nullable SipSubscription subscription;

    /** With the default subscription lifetime (one hour) and retry pauses. */
    public MessageWaitingComponent() {
        this(SubscriptionOptions.defaults());
    }

    /** @param options how to subscribe (tests use short lifetimes) */
    public MessageWaitingComponent(SubscriptionOptions options) {
        this.options = options;
    }

    /**
     * Subscribes through a started user agent, replacing an earlier one.
     *
     * @param mwi the agent's message waiting
     */
    public void attach(SipMessageWaiting mwi) {
        synchronized (this) {
            detachQuietly();
            source = mwi;
            mwi.addListener(fromSip);
            subscription = mwi.subscribe(options);
        }
    }

    /** Unsubscribes; the state becomes unknown (the phone stopped: logout or no SIP account). */
    public void detach() {
        synchronized (this) {
            detachQuietly();
        }
        set(MessageWaitingState.UNKNOWN);
    }

    /** @param counts what the server's API just answered */
    public void counted(VoicemailCounts counts) {
        set(new MessageWaitingState(true, counts.newMessages() > 0, counts.newMessages(), counts.oldMessages(),
                counts.newUrgent()));
    }

    @Override
    public MessageWaitingState state() {
        return state;
    }

    @Override
    public void addListener(Consumer<MessageWaitingState> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Consumer<MessageWaitingState> listener) {
        listeners.remove(listener);
    }

    private void notified(MessageSummary s) {
        set(new MessageWaitingState(true, s.waiting(), s.newMessages(), s.oldMessages(), s.newUrgent()));
    }

    private void detachQuietly() {
        SipSubscription sub = subscription;
        SipMessageWaiting src = source;
        subscription = null;
        source = null;
        if (sub != null) {
            sub.close();
        }
        if (src != null) {
            src.removeListener(fromSip);
        }
    }

    private void set(MessageWaitingState s) {
        if (s.equals(state)) {
            return;
        }
        state = s;
        listeners.forEach(l -> l.accept(s));
    }
}
