// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.sohosip.media.AudioSource;
import org.sohosip.media.Codec;
import org.sohosip.media.MediaParameters;
import org.sohosip.media.MediaSession;
import org.sohosip.media.ToneDetector;
import org.sohosip.sip.DigestCredentials;
import org.sohosip.sip.LocalMedia;
import org.sohosip.sip.NegotiatedMedia;
import org.sohosip.sip.RegistrationOptions;
import org.sohosip.sip.RegistrationState;
import org.sohosip.sip.SipCall;
import org.sohosip.sip.SipCallListener;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipEndpoint;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipRegistration;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.Transport;
import org.sohosip.sip.UserAgentConfig;

/**
 * A real SOHOSIP user agent with real media, as a phone on a desk: dials through the proxy, sends audio from a
 * source it can switch, listens for the voicemail beep (1 kHz) in what it hears, and keeps all it heard.
 */
final class TestPhone implements AutoCloseable {

    final SipUserAgent ua;
    final MediaSession media;
    final ToneDetector beep;
    /** Everything the phone heard since the call connected (drain it to read). */
    final RecorderSink heard = new RecorderSink();
    SipCall call;

    TestPhone(VoicemailTestServer server, String user) throws Exception {
        ua = SipUserAgents.create(UserAgentConfig.of("127.0.0.1"), new SipIdentity("sip:" + user + "@"
                + VoicemailTestServer.DOMAIN, null, DigestCredentials.fromPassword(user, VoicemailTestServer.DOMAIN,
                        VoicemailTestServer.password(user).toCharArray()),
                new SipEndpoint("127.0.0.1", server.sipPort, Transport.UDP)));
        media = server.media.open(InetAddress.getLoopbackAddress());
        beep = server.audio.toneDetector(1000);
    }

    /** Registers and waits until the registrar accepted. */
    void register(SipCallListener listener) throws InterruptedException {
        ua.telephony().addCallListener(listener);
        SipRegistration r = ua.register(RegistrationOptions.defaults());
        VoicemailTestServer.await("registration", () -> r.status().state() == RegistrationState.REGISTERED);
    }

    /** Dials and waits until the call is connected, then starts the media with {@code source}. */
    SipCall dial(String target, AudioSource source) throws Exception {
        call = ua.telephony().dial(target, new LocalMedia("127.0.0.1", media.localAddress().getPort()));
        VoicemailTestServer.await("the call to " + target + " to connect", () -> call.state() != SipCallState.CALLING
                && call.state() != SipCallState.RINGING);
        if (call.state() != SipCallState.CONNECTED) {
            throw new AssertionError("The call to " + target + " ended: " + call.endReason());
        }
        NegotiatedMedia m = call.media().orElseThrow();
        media.start(new MediaParameters(Codec.valueOf(m.codec().name()), new InetSocketAddress(
                InetAddress.getByName(m.remoteAddress()), m.remotePort()), m.telephoneEventPayload(),
                MediaParameters.DEFAULT_TELEPHONE_EVENT), source, new TeeSink(beep, heard));
        return call;
    }

    /** Presses the keys one after another as RFC 4733 events, as a person types them. */
    void press(String keys) throws InterruptedException {
        for (char key : keys.toCharArray()) {
            media.sendDtmf(key, Duration.ofMillis(120));
            Thread.sleep(300); // the key's events and a short pause before the next, as a person types
        }
    }

    boolean awaitBeep() throws InterruptedException {
        return beep.awaitTone(1000, Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        media.close();
        ua.close();
    }
}
