// SPDX-License-Identifier: EPL-2.0
/**
 * SIP user-agent layer over JAIN-SIP, shared by the softphone and the server's agents.
 *
 * <p>
 * A {@link org.sohosip.sip.SipUserAgent} is one JAIN-SIP stack on a local address (UDP and TCP on one port) for
 * one {@link org.sohosip.sip.SipIdentity}. Each capability is a small interface of its own:
 * <ul>
 * <li>{@link org.sohosip.sip.SipRegistration}: REGISTER with digest authentication (401/407, MD5 or SHA-256 from
 * {@link org.sohosip.sip.DigestCredentials} HA1 values), refreshed before the granted expiry, retried with growing
 * pauses after a network loss, removed on close;</li>
 * <li>{@link org.sohosip.sip.SipTelephony} and {@link org.sohosip.sip.SipCall}: INVITE dialogs with SDP
 * offer/answer, answer, busy, decline, CANCEL and BYE, reported to {@link org.sohosip.sip.SipCallListener};</li>
 * <li>{@link org.sohosip.sip.SipCallHold}: hold and resume by re-INVITE, and the other side's hold;</li>
 * <li>{@link org.sohosip.sip.SipDtmf}: DTMF over SIP INFO both ways;</li>
 * <li>{@link org.sohosip.sip.SipTransfers}: being transferred (an incoming REFER, RFC 3515), the new call's progress
 * reported back in NOTIFYs; {@link org.sohosip.sip.SipCall#transfer} sends one.</li>
 * </ul>
 * Media is not handled here: the caller passes where it receives RTP ({@link org.sohosip.sip.LocalMedia}) and is
 * told where and how to send ({@link org.sohosip.sip.NegotiatedMedia}).
 *
 * <pre>
 * SipUserAgent ua = SipUserAgents.create(UserAgentConfig.of("192.0.2.10"),
 *         new SipIdentity("sip:alice@sohosip.local", "Alice", creds, new SipEndpoint(host, 5060, Transport.UDP)));
 * SipRegistration reg = ua.register(RegistrationOptions.defaults());
 * reg.addListener(status -&gt; ...);
 * ua.telephony().addCallListener(listener);
 * SipCall call = ua.telephony().dial("3301", new LocalMedia("192.0.2.10", rtpPort));
 * ...
 * ua.close();
 * </pre>
 *
 * Listeners are called on one event thread per agent, in order, never on the stack's threads. Actions return at
 * once; their outcome arrives through the listeners (or a {@link java.util.concurrent.CompletionStage}).
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.sip;
