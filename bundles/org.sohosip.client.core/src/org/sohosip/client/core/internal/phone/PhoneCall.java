// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.core.CallDirection;
import org.sohosip.media.MediaException;
import org.sohosip.media.MediaParameters;
import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipParty;
import org.sohosip.sip.SipUserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call as the softphone shows it. Its fields change only under the softphone's lock; reads see the latest
 * values without it.
 */
final class PhoneCall implements Call {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneCall.class);
    private static final Duration DTMF_LENGTH = Duration.ofMillis(160);

    private final Softphone phone;
    private final String id;
    private final SipCall sip;
    private final String domain;
    private final Instant created = Instant.now();
    private volatile CallState state;
    private volatile @Nullable Instant connected;
    private volatile String endReason = "";
    /** What this side did to end the call, so the end reason can say it. */
    private volatile @Nullable String localEnd;
    private volatile boolean muted;
    private @Nullable CallAudio audio;

    PhoneCall(Softphone phone, String id, SipCall sip, String domain, CallState state) {
        this.phone = phone;
        this.id = id;
        this.sip = sip;
        this.domain = domain;
        this.state = state;
    }

    SipCall sip() {
        return sip;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CallDirection direction() {
        return sip.outgoing() ? CallDirection.OUTGOING : CallDirection.INCOMING;
    }

    @Override
    public String remoteParty() {
        SipParty p = sip.remoteParty();
        String uri = p.uri();
        String host = uri.indexOf('@') >= 0 ? uri.substring(uri.indexOf('@') + 1) : "";
        int cut = indexOfAny(host, ";>?");
        if (cut >= 0) {
            host = host.substring(0, cut);
        }
        // someone in our own domain is dialled back by user name or extension; anyone else by address
        return !p.user().isEmpty() && host.equalsIgnoreCase(domain) ? p.user() : uri;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public @Nullable String remoteDisplayName() {
        return sip.remoteParty().displayName();
    }

    @Override
    public CallState state() {
        return state;
    }

    void state(CallState newState) {
        if (newState == CallState.ACTIVE && connected == null) {
            connected = Instant.now();
        }
        state = newState;
    }

    @Override
    public Instant created() {
        return created;
    }

    @Override
    public @Nullable Instant connected() {
        return connected;
    }

    @Override
    public String endReason() {
        return endReason;
    }

    void endReason(String reason) {
        endReason = reason;
    }

    @Nullable
    String localEnd() {
        return localEnd;
    }

    void localEnd(String reason) {
        if (localEnd == null) {
            localEnd = reason;
        }
    }

    boolean muted() {
        return muted;
    }

    void muted(boolean m) {
        muted = m;
    }

    @Nullable
    CallAudio audio() {
        return audio;
    }

    void audio(@Nullable CallAudio a) {
        audio = a;
    }

    /** Starts or updates the RTP with what offer/answer agreed; under the softphone's lock. */
    void applyMedia(NegotiatedMedia m) {
        CallAudio ca = audio;
        if (ca == null) {
            return;
        }
        try {
            ca.apply(m, state == CallState.ACTIVE || state == CallState.REMOTE_HOLD);
            if (muted) {
                ca.session().setMuted(true);
            }
        } catch (MediaException | RuntimeException e) {
            // the call stays up without audio; the user hears nothing and can hang up
            LOG.warn("Audio of {} could not start: {}", id, e.getMessage());
        }
    }

    /** Marks the call ended with a reason for people and frees its audio; under the softphone's lock. */
    void finish() {
        boolean wasConnected = connected != null;
        state = CallState.ENDED;
        endReason = EndReasons.of(this, wasConnected);
        CallAudio ca = audio;
        if (ca != null) {
            ca.close();
        }
        if (sip.state().isLive()) {
            sip.hangUp();
        }
    }

    /** Sends a digit as an RFC 4733 event when the other side takes them, else as SIP INFO. */
    void sendDtmf(SipUserAgent ua, char digit) {
        CallAudio ca = audio;
        if (ca == null || state == CallState.ENDED) {
            return;
        }
        MediaParameters p = ca.session().parameters();
        if (ca.started() && p != null && p.canSendTelephoneEvents()) {
            ca.session().sendDtmf(digit, DTMF_LENGTH);
        } else {
            ua.dtmf().sendInfo(sip, digit, (int) DTMF_LENGTH.toMillis()).whenComplete((v, e) -> {
                if (e != null) {
                    LOG.info("The other side did not take DTMF on {}: {}", id, e.getMessage());
                }
            });
        }
    }

    @Override
    public void answer() {
        phone.answer(this);
    }

    @Override
    public void decline() {
        phone.decline(this);
    }

    @Override
    public void hangUp() {
        phone.hangUp(this);
    }

    @Override
    public String toString() {
        return "Call[" + id + ", " + direction() + ", " + state + "]";
    }
}
