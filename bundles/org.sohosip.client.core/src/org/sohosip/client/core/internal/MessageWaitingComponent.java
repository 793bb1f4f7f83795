// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.MessageWaiting;
import org.sohosip.client.core.MessageWaitingState;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.sip.MessageSummary;
import org.sohosip.sip.MessageWaitingListener;
import org.sohosip.sip.SipMessageWaiting;
import org.sohosip.sip.SipSubscription;
import org.sohosip.sip.SubscriptionOptions;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Message waiting as the client shows it. The softphone hands over its SIP user agent when it starts (the
 * subscription goes out from the same address the phone registered, so unsolicited NOTIFYs to that contact arrive
 * here too) and takes it back when it stops. Counts the voicemail service fetched over the API count as well, so
 * the indicator follows the user's own changes at once.
 */
@Component(service = { MessageWaiting.class, MessageWaitingComponent.class })
public final class MessageWaitingComponent implements MessageWaiting {

    private static final Logger LOG = LoggerFactory.getLogger(MessageWaitingComponent.class);

    private final List<Consumer<MessageWaitingState>> listeners = new CopyOnWriteArrayList<>();
    private final SubscriptionOptions options;
    private final @Nullable AuthorizedCalls api;
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "SOHOSIP message waiting");
        t.setDaemon(true);
        return t;
    });
    private final MessageWaitingListener fromSip = this::notified;
    private volatile MessageWaitingState state = MessageWaitingState.UNKNOWN;
    private @Nullable SipMessageWaiting source;
    private @Nullable SipSubscription subscription;

    /**
     * Subscribes only when the session's server has voicemail (it answers the voicemail counts), with the default
     * subscription lifetime (one hour) and retry pauses.
     *
     * @param api the session's API calls
     */
    @Activate
    public MessageWaitingComponent(@Reference AuthorizedCalls api) {
        this(api, SubscriptionOptions.defaults());
    }

    /** Subscribes on every attach, without asking any server first (a phone used without a SOHOSIP server). */
    public MessageWaitingComponent() {
        this(null, SubscriptionOptions.defaults());
    }

    /**
     * @param api     the session's API calls, or {@code null} to subscribe without asking
     * @param options how to subscribe (tests use short lifetimes)
     */
    public MessageWaitingComponent(@Nullable AuthorizedCalls api, SubscriptionOptions options) {
        this.api = api;
        this.options = options;
    }

    @Deactivate
    void deactivate() {
        starter.shutdownNow();
        detach();
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
            // unsolicited NOTIFYs count from the start, with or without a subscription
            mwi.addListener(fromSip);
        }
        try {
            starter.execute(() -> subscribeIfOffered(mwi));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivated meanwhile
        }
    }

    /**
     * Asks the server for the counts first (off the softphone's start): a server without voicemail answers 404,
     * and then no SUBSCRIBE goes out that its registrar would only refuse. Any other failure still subscribes.
     */
    private void subscribeIfOffered(SipMessageWaiting mwi) {
        AuthorizedCalls calls = api;
        VoicemailCounts counts = null;
        if (calls != null) {
            try {
                counts = calls.authorized((a, token) -> a.request("GET", "/api/v1/me/voicemail/counts", token, null,
                        new TypeReference<VoicemailCounts>() {
                        }));
            } catch (ApiException e) {
                if (e.status() == 404) {
                    LOG.info("the server has no voicemail: no message-waiting subscription");
                    return;
                }
            } catch (ClientException e) {
                LOG.debug("voicemail counts not known yet: {}", e.getMessage());
            }
        }
        synchronized (this) {
            if (source != mwi || subscription != null) {
                return; // the phone stopped or started again meanwhile
            }
            subscription = mwi.subscribe(options);
        }
        if (counts != null) {
            counted(counts);
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
