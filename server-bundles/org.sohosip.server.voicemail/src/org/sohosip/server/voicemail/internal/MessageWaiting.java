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
 * Message waiting (RFC 3842): when a mailbox's counts change (deposit, heard, deleted), every phone the owner has
 * registered is told with an unsolicited {@code message-summary} NOTIFY, so the lamp follows without a
 * subscription.
 */
final class MessageWaiting implements VoicemailListener {

    static final String EVENT = "message-summary";
    static final String CONTENT_TYPE = "application/simple-message-summary";
    private static final Logger LOG = LoggerFactory.getLogger(MessageWaiting.class);

    private final SipUserAgent agent;
    private final SipProxy proxy;
    private @Nullable ServiceRegistration<VoicemailListener> registration;

    MessageWaiting(SipUserAgent agent, SipProxy proxy, VoicemailStore store, AccountStore accounts) {
        this.agent = agent;
        this.proxy = proxy;
    }

    void start(BundleContext context) {
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
        for (String contact : proxy.contacts(username)) {
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
