// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.media.MediaException;
import org.sohosip.sip.DtmfListener;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallListener;
import org.sohosip.sip.SipCallState;

/**
 * Takes the calls that reach the voicemail user agent and runs each on a thread of its own: a call to the access
 * number or {@code *97} gets the menu, a call the proxy diverted (Request-URI user = the mailbox owner) a deposit.
 * Hang-ups and INFO keys are passed to the call's {@link DigitInput}.
 */
final class Calls implements SipCallListener, DtmfListener {

    static final String OWN_MAILBOX = "*97";
    private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

    private final Services services;
    private final String accessNumber;
    private final String domain;
    private final ExecutorService threads;
    private final Map<String, DigitInput> keys = new ConcurrentHashMap<>();

    Calls(Services services, String accessNumber, String domain, ExecutorService threads) {
        this.services = services;
        this.accessNumber = accessNumber;
        this.domain = domain;
        this.threads = threads;
    }

    @Override
    public void incomingCall(SipCall call) {
        DigitInput input = new DigitInput();
        keys.put(call.id(), input);
        threads.execute(() -> {
            try {
                handle(call, input);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | MediaException e) {
                LOG.warn("Voicemail call {} failed: {}", call.callId(), e.toString(), e);
            } finally {
                keys.remove(call.id());
                if (call.state().isLive()) {
                    call.hangUp();
                }
            }
        });
    }

    @Override
    public void stateChanged(SipCall call, SipCallState newState) {
        if (newState == SipCallState.ENDED) {
            DigitInput input = keys.get(call.id());
            if (input != null) {
                input.hangUp();
            }
        }
    }

    @Override
    public void dtmfReceived(SipCall call, char digit, int durationMillis) {
        DigitInput input = keys.get(call.id());
        if (input != null) {
            input.event(digit, "info");
        }
    }

    private void handle(SipCall call, DigitInput input) throws MediaException, InterruptedException {
        String user = call.requestUser();
        String asserted = assertedUser(call.inviteHeaders("P-Asserted-Identity"));
        if (user.equals(accessNumber) || user.equals(OWN_MAILBOX)) {
            Account own = user.equals(OWN_MAILBOX) && asserted != null
                    ? services.accounts().findByUsername(asserted).orElse(null) : null;
            try (CallMedia media = CallMedia.answer(call, input, services)) {
                new Menu(services, own).run(media);
            }
            return;
        }
        Optional<Account> owner = services.accounts().findByUsername(user).filter(Account::enabled);
        if (owner.isEmpty()) {
            LOG.info("Voicemail call for unknown mailbox '{}' refused", user);
            call.decline();
            return;
        }
        String diversion = String.join(",", call.inviteHeaders("Diversion")).toLowerCase(Locale.ROOT);
        boolean busy = diversion.contains("reason=user-busy");
        String number = asserted != null ? asserted : call.remoteParty().user();
        Deposit.Caller caller = new Deposit.Caller(number.isEmpty() ? "anonymous" : number,
                call.remoteParty().displayName());
        try (CallMedia media = CallMedia.answer(call, input, services)) {
            new Deposit(services, caller, owner.get(), busy).run(media);
        }
    }

    /** @return the user of {@code <sip:user@domain>} asserted by the proxy for this domain, if any */
    @Nullable
    String assertedUser(List<String> values) {
        for (String value : values) {
            int start = value.indexOf("sip:");
            int at = value.indexOf('@', start);
            if (start >= 0 && at > start) {
                int end = value.indexOf('>', at);
                String host = value.substring(at + 1, end < 0 ? value.length() : end);
                if (host.equalsIgnoreCase(domain)) {
                    return value.substring(start + 4, at);
                }
            }
        }
        return null;
    }
}
