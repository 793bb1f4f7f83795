// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.server.proxy.SipProxy;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.VoicemailListener;
import org.sohosip.server.store.VoicemailStore;
import org.sohosip.sip.SipUserAgent;

/**
 * Message waiting (RFC 3842): phones that subscribe to {@code message-summary} get the counts in their subscription's
 * dialog; when a mailbox's counts change (deposit, heard, deleted) every subscription is told, and every other phone
 * the owner has registered gets an unsolicited NOTIFY, so the lamp follows either way.
 */
final class MessageWaiting implements VoicemailListener {

    static final String EVENT = "message-summary";
    static final String CONTENT_TYPE = "application/simple-message-summary";
    private static final Logger LOG = LoggerFactory.getLogger(MessageWaiting.class);

    private final SipUserAgent agent;
    private final SipProxy proxy;
    private final VoicemailStore store;
    private final AccountStore accounts;
    private @Nullable ServiceRegistration<VoicemailListener> registration;

    MessageWaiting(SipUserAgent agent, SipProxy proxy, VoicemailStore store, AccountStore accounts) {
        this.agent = agent;
        this.proxy = proxy;
        this.store = store;
        this.accounts = accounts;
    }

    void start(BundleContext context) {
        agent.notifier().serve(EVENT, CONTENT_TYPE, user -> body(user + "@" + proxy.domain(),
                accounts.findByUsername(user).map(a -> store.counts(a.id())).orElse(new VoicemailCounts(0, 0, 0,
                        0))));
        registration = context.registerService(VoicemailListener.class, this, null);
    }

    void stop() {
        ServiceRegistration<VoicemailListener> r = registration;
        registration = null;
        if (r != null) {
            r.unregister();
        }
    }

    @Override
    public void mailboxChanged(long accountId, String username, VoicemailCounts counts) {
        String body = body(username + "@" + proxy.domain(), counts);
        agent.notifier().changed(EVENT, username);
        var subscribed = agent.notifier().subscribers(EVENT, username);
        for (String contact : proxy.contacts(username)) {
            if (subscribed.contains(contact)) {
                continue; // told in its subscription
            }
            agent.sendNotify(contact, EVENT, CONTENT_TYPE, body).whenComplete((status, e) -> {
                if (e != null || status == null || status / 100 != 2) {
                    LOG.debug("Message-waiting NOTIFY to {} not taken: {}", contact, e != null ? e.toString() : status);
                }
            });
        }
    }

    /** The {@code application/simple-message-summary} body. */
    static String body(String account, VoicemailCounts counts) {
        return "Messages-Waiting: " + (counts.newMessages() > 0 ? "yes" : "no") + "\r\n"
                + "Message-Account: sip:" + account + "\r\n"
                + "Voice-Message: " + counts.newMessages() + "/" + counts.oldMessages() + " (" + counts.newUrgent()
                + "/" + counts.oldUrgent() + ")\r\n";
    }
}
