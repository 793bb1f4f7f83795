// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.tests;

import java.time.Duration;

import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.RegistrationState;
import org.sohosip.sip.RegistrationStatus;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallListener;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipUserAgent;

/** Listens to everything one user agent reports and lets a test wait for it. */
final class Recorder implements SipCallListener {

    static final Duration WAIT = Duration.ofSeconds(15);

    record Incoming(SipCall call) {
    }

    record State(SipCall call, SipCallState state) {
    }

    record Media(SipCall call, NegotiatedMedia media) {
    }

    record Dtmf(SipCall call, char digit, int duration) {
    }

    final Events<Object> events = new Events<>();

    Recorder(SipUserAgent ua) {
        ua.telephony().addCallListener(this);
        ua.dtmf().addDtmfListener((call, digit, duration) -> events.add(new Dtmf(call, digit, duration)));
    }

    @Override
    public void incomingCall(SipCall call) {
        events.add(new Incoming(call));
    }

    @Override
    public void stateChanged(SipCall call, SipCallState newState) {
        events.add(new State(call, newState));
    }

    @Override
    public void mediaChanged(SipCall call, NegotiatedMedia media) {
        events.add(new Media(call, media));
    }

    SipCall incoming() {
        return ((Incoming) events.await(e -> e instanceof Incoming, WAIT, "an incoming call")).call();
    }

    void state(SipCall call, SipCallState state) {
        events.await(e -> e instanceof State s && s.call() == call && s.state() == state, WAIT,
                call.id() + " in state " + state);
    }

    NegotiatedMedia media(SipCall call, java.util.function.Predicate<NegotiatedMedia> p, String what) {
        return ((Media) events.await(e -> e instanceof Media m && m.call() == call && p.test(m.media()), WAIT,
                "media " + what)).media();
    }

    Dtmf dtmf() {
        return (Dtmf) events.await(e -> e instanceof Dtmf, WAIT, "a DTMF digit");
    }

    static RegistrationStatus await(Events<RegistrationStatus> ev, RegistrationState state, Duration timeout) {
        return ev.await(s -> s.state() == state, timeout, "registration " + state);
    }
}
