// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.text.ParseException;
import java.util.Locale;
import java.util.function.ToIntFunction;

import javax.sip.address.SipURI;
import javax.sip.header.EventHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.server.proxy.CallApplication;

/**
 * Decides which requests go to a call application and what they carry there: calls to an application's numbers,
 * unanswered calls to the voicemail application (RFC 5806 {@code Diversion} and RFC 7044 {@code History-Info}
 * naming the original target), and message-summary subscriptions (RFC 3842). Authenticated callers are named in
 * {@code P-Asserted-Identity} (RFC 3325); one the caller sent itself never reaches an application.
 */
final class ApplicationRouting {

    static final String ASSERTED_IDENTITY = "P-Asserted-Identity";
    static final String DIVERSION = "Diversion";
    static final String HISTORY_INFO = "History-Info";
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationRouting.class);

    private final Sip sip;
    private final Applications applications;
    private final ToIntFunction<Account> noAnswerSeconds;

    /**
     * @param noAnswerSeconds how long a callee's phones ring before an unanswered call goes to voicemail
     */
    ApplicationRouting(Sip sip, Applications applications, ToIntFunction<Account> noAnswerSeconds) {
        this.sip = sip;
        this.applications = applications;
        this.noAnswerSeconds = noAnswerSeconds;
    }

    /** @return the target for a call to an application's number, or {@code null} when none answers it */
    @Nullable
    ApplicationTarget forNumber(String dialled, String caller) {
        CallApplication application = applications.byNumber(dialled);
        if (application == null) {
            return null;
        }
        return new ApplicationTarget(uri(dialled, application), copy -> assertIdentity(copy, caller));
    }

    /** @return whether a voicemail application runs */
    boolean hasVoicemail() {
        return applications.voicemail() != null;
    }

    /** @return whether the request is a SUBSCRIBE to the message-summary package and voicemail runs */
    boolean isMessageSummary(Request request) {
        if (!Request.SUBSCRIBE.equals(request.getMethod()) || applications.voicemail() == null) {
            return false;
        }
        EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
        return event != null && "message-summary".equals(event.getEventType().toLowerCase(Locale.ROOT));
    }

    /** @return the voicemail target for the mailbox owner's subscription, or {@code null} when voicemail is gone */
    @Nullable
    ApplicationTarget subscription(Account owner, String caller) {
        CallApplication voicemail = applications.voicemail();
        if (voicemail == null) {
            return null;
        }
        return new ApplicationTarget(uri(owner.username(), voicemail), copy -> assertIdentity(copy, caller));
    }

    /**
     * @param ringSeconds the proxy's ring limit
     * @return how long the callee's phones ring: their no-answer time when voicemail runs, else the ring limit
     */
    int ringSeconds(Account callee, int ringSeconds) {
        if (applications.voicemail() == null) {
            return ringSeconds;
        }
        return Math.max(1, Math.min(ringSeconds, noAnswerSeconds.applyAsInt(callee)));
    }

    /** @return where an unanswered call to {@code callee} goes, or {@code null} when no voicemail runs */
    ApplicationTarget.Fallback fallback(Account callee, String dialled, String caller) {
        return reason -> {
            CallApplication voicemail = applications.voicemail();
            if (voicemail == null) {
                return null;
            }
            LOG.debug("Call for {} goes to voicemail ({})", callee.username(), reason);
            return new ApplicationTarget(uri(callee.username(), voicemail), copy -> {
                assertIdentity(copy, caller);
                String original = "sip:" + (callee.extension().isBlank() ? callee.username() : callee.extension())
                        + "@" + sip.domain;
                copy.setHeader(header(DIVERSION, "<" + original + ">;reason=" + reason + ";counter=1"));
                copy.setHeader(header(HISTORY_INFO, "<sip:" + dialled + "@" + sip.domain + ">;index=1,<sip:"
                        + callee.username() + "@" + sip.domain + ";cause=" + cause(reason) + ">;index=1.1;mp=1"));
            });
        };
    }

    /**
     * @return the voicemail application's address for {@code username}'s mailbox (a deposit), or {@code null} when no
     *         voicemail runs
     */
    @Nullable
    SipURI mailbox(String username) {
        CallApplication voicemail = applications.voicemail();
        return voicemail == null ? null : uri(username, voicemail);
    }

    /** RFC 4458 cause values, as History-Info carries them. */
    private static int cause(String reason) {
        return switch (reason) {
            case "user-busy" -> 486;
            case "no-answer" -> 408;
            default -> 480;
        };
    }

    private SipURI uri(String user, CallApplication application) {
        try {
            SipURI uri = sip.addresses.createSipURI(user, application.address().getAddress().getHostAddress());
            uri.setPort(application.address().getPort());
            return uri;
        } catch (ParseException e) {
            throw new IllegalArgumentException("Unusable user part for " + application.name() + ": " + user, e);
        }
    }

    private void assertIdentity(Request copy, String caller) throws ParseException {
        copy.removeHeader(ASSERTED_IDENTITY); // only this proxy asserts identities to applications
        copy.setHeader(header(ASSERTED_IDENTITY, "<sip:" + caller + "@" + sip.domain + ">"));
    }

    private Header header(String name, String value) throws ParseException {
        return sip.headers.createHeader(name, value);
    }
}
