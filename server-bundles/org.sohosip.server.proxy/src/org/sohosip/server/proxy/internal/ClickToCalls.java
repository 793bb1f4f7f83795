// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Account;
import org.sohosip.server.proxy.CallApplication;
import org.sohosip.server.proxy.CallOriginator;
import org.sohosip.server.proxy.NoPhoneException;

/**
 * Click-to-call to internal numbers, placed by the proxy itself as Kamailio's {@code dlg_bridge} does: an INVITE on
 * hold to the user's phones, REFER to the one that answers, then BYE (see {@link OriginatedCall}). Each call is
 * known by a reference that is also the user part of the proxy's Contact and of the Call-ID, so the phone's
 * in-dialog requests and stray answers find their way back here.
 */
final class ClickToCalls implements CallOriginator {

    /** Starts every reference, Contact user and Call-ID of calls placed here. */
    static final String PREFIX = "c2c-";
    /** The longest the user's phones ring: a click-to-call is expected to ring at once, so no longer than this. */
    private static final int MAX_RING_SECONDS = 30;
    /** How long a finished call still answers the phone's late requests (a NOTIFY after our BYE) with 200. */
    private static final long LINGER_SECONDS = 32;

    private final Sip sip;
    private final String advertisedHost;
    private final AccountCache accounts;
    private final Applications applications;
    private final Function<String, List<SipURI>> contacts;
    private final ScheduledExecutorService timers;
    private final int ringSeconds;
    private final ConcurrentMap<String, OriginatedCall> calls = new ConcurrentHashMap<>();

    /**
     * @param contacts    the registered contacts of a user name
     * @param ringSeconds the proxy's ring limit ({@code sip.ringSeconds}); the phones ring at most 30 s
     */
    ClickToCalls(Sip sip, String advertisedHost, AccountCache accounts, Applications applications,
            Function<String, List<SipURI>> contacts, ScheduledExecutorService timers, int ringSeconds) {
        this.sip = sip;
        this.advertisedHost = advertisedHost;
        this.accounts = accounts;
        this.applications = applications;
        this.contacts = contacts;
        this.timers = timers;
        this.ringSeconds = Math.max(1, Math.min(MAX_RING_SECONDS, ringSeconds));
    }

    @Override
    public boolean serves(String number) {
        return calleeName(number) != null;
    }

    /** @return the name the phone shows for the number: the account's display name or the application's name */
    private @Nullable String calleeName(String number) {
        CallApplication application = applications.byNumber(number);
        if (application != null) {
            String name = application.name();
            return name.isEmpty() ? number : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        }
        Account account = accounts.target(number);
        return account == null ? null : account.displayName();
    }

    @Override
    public String call(String username, String number) {
        String name = calleeName(number);
        if (name == null) {
            throw new IllegalArgumentException(number + " is no user name, extension, alias or service number here.");
        }
        Account user = accounts.target(username);
        if (user == null || !user.username().equals(username)) {
            throw new IllegalArgumentException("There is no enabled account " + username + ".");
        }
        List<SipURI> phones = contacts.apply(username);
        if (phones.isEmpty()) {
            throw new NoPhoneException(username);
        }
        String reference;
        do {
            reference = PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        } while (calls.containsKey(reference));
        OriginatedCall call = new OriginatedCall(sip, advertisedHost, reference, username, number, name,
                this::ended);
        calls.put(reference, call);
        call.start(phones, timers, ringSeconds);
        return reference;
    }

    /**
     * Takes a request addressed to the Contact of a call placed here. Only the dialog's phone may use it (Call-ID
     * and both tags must match); anything else gets 481 as for any dialog this proxy does not know.
     *
     * @return whether the request was addressed to such a Contact (and was answered here)
     */
    boolean takes(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        if (!(request.getRequestURI() instanceof SipURI uri) || uri.getUser() == null
                || !uri.getUser().startsWith(PREFIX) || !sip.isLocal(uri) || to == null || to.getTag() == null) {
            return false; // a new call to an account that happens to be named like this is routed as any other
        }
        OriginatedCall call = calls.get(uri.getUser());
        if (call == null || !call.inDialog(request)) {
            if (!Request.ACK.equals(request.getMethod())) {
                sip.respond(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            }
        }
        return true;
    }

    /**
     * Takes a response no transaction holds any more that belongs to a call placed here (a retransmitted 2xx to the
     * INVITE, which needs its ACK again).
     *
     * @return whether it belonged here
     */
    boolean takesStray(Response response) {
        CallIdHeader id = (CallIdHeader) response.getHeader(CallIdHeader.NAME);
        String callId = id == null ? "" : id.getCallId();
        int at = callId.indexOf('@');
        if (!callId.startsWith(PREFIX) || at < 0) {
            return false;
        }
        OriginatedCall call = calls.get(callId.substring(0, at));
        if (call != null) {
            call.onStray(response);
        }
        return call != null;
    }

    private void ended(OriginatedCall call) {
        try {
            timers.schedule(() -> calls.remove(call.reference), LINGER_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            calls.remove(call.reference); // the proxy is stopping
        }
    }

    /**
     * @return how a call placed here ended ({@code transferred}, or why not), or {@code null} while it goes on or
     *         when it is not known (any more)
     */
    @Nullable
    String outcome(String reference) {
        OriginatedCall call = calls.get(reference);
        return call == null ? null : call.outcome();
    }
}
