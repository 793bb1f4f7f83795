// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;

import gov.nist.javax.sip.Utils;

/**
 * The messages of one click-to-call's hold call, as the proxy sends them as a user agent: the INVITE on hold, ACK,
 * REFER and BYE, all with the number to be called (and its name) in {@code From}, the user in {@code To} and the
 * call's reference as the user part of {@code Contact} and {@code Call-ID}.
 */
final class HoldCallMessages {

    final String callId;
    final String localTag = Utils.getInstance().generateTag();
    private final Sip sip;
    private final String advertisedHost;
    private final String reference;
    private final String user;
    private final String number;
    private final String calleeName;

    HoldCallMessages(Sip sip, String advertisedHost, String reference, String user, String number,
            String calleeName) {
        this.sip = sip;
        this.advertisedHost = advertisedHost;
        this.reference = reference;
        this.user = user;
        this.number = number;
        this.calleeName = calleeName;
        this.callId = reference + "@" + advertisedHost;
    }

    /** The INVITE to one phone of the user: on hold, with a subject that names the number. */
    Request invite(SipURI phone) throws ParseException, InvalidArgumentException {
        Request invite = request(Request.INVITE, phone, 1, null, transportOf(phone));
        invite.setContent(holdOffer(), sip.headers.createContentTypeHeader("application", "sdp"));
        invite.addHeader(sip.headers.createSubjectHeader("Click-to-call: " + calleeName + " (" + number + ")"));
        return invite;
    }

    /** The REFER that asks the answering phone to call the number, on behalf of the user. */
    Request refer(OriginatedCall.Dialog dialog) throws ParseException, InvalidArgumentException {
        Request refer = inDialog(Request.REFER, dialog, 2);
        refer.addHeader(sip.headers.createReferToHeader(address(number, null)));
        refer.addHeader(sip.headers.createHeader("Referred-By", "<sip:" + user + "@" + sip.domain + ">"));
        return refer;
    }

    /** A request in the dialog with the answering phone (ACK, BYE). */
    Request inDialog(String method, OriginatedCall.Dialog dialog, long cseq)
            throws ParseException, InvalidArgumentException {
        return request(method, dialog.remoteTarget(), cseq, dialog.remoteTag(), dialog.transport());
    }

    /** A request of this dialog: From the number (with the callee's name), To the user, Contact this call. */
    private Request request(String method, SipURI target, long cseq, @Nullable String remoteTag, String transport)
            throws ParseException, InvalidArgumentException {
        FromHeader from = sip.headers.createFromHeader(address(number, calleeName + " (" + number + ")"), localTag);
        ToHeader to = sip.headers.createToHeader(address(user, null), remoteTag);
        ViaHeader via = sip.headers.createViaHeader(advertisedHost, sip.port, transport,
                Utils.getInstance().generateBranchId());
        via.setRPort();
        Request request = sip.messages.createRequest((SipURI) target.clone(), method,
                sip.headers.createCallIdHeader(callId), sip.headers.createCSeqHeader(cseq, method), from, to,
                List.of(via), sip.headers.createMaxForwardsHeader(70));
        SipURI contact = sip.addresses.createSipURI(reference, advertisedHost);
        contact.setPort(sip.port);
        if (!"udp".equals(transport)) {
            contact.setTransportParam(transport);
        }
        ContactHeader contactHeader = sip.headers.createContactHeader(sip.addresses.createAddress(contact));
        request.addHeader(contactHeader);
        request.addHeader(sip.headers.createUserAgentHeader(List.of(Sip.SERVER)));
        return request;
    }

    private Address address(String userPart, @Nullable String displayName) throws ParseException {
        Address address = sip.addresses.createAddress(sip.addresses.createSipURI(userPart, sip.domain));
        if (displayName != null) {
            address.setDisplayName(displayName);
        }
        return address;
    }

    /** An offer on hold: no media flows while the phone is waiting for the transfer (RFC 3264 §8.4). */
    private byte[] holdOffer() {
        long session = System.currentTimeMillis();
        return ("v=0\r\n" + "o=sohosip " + session + " 1 IN IP4 " + advertisedHost + "\r\n" + "s=click-to-call\r\n"
                + "c=IN IP4 0.0.0.0\r\n" + "t=0 0\r\n" + "m=audio 9 RTP/AVP 0 8 101\r\n" + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n" + "a=rtpmap:101 telephone-event/8000\r\n" + "a=fmtp:101 0-16\r\n"
                + "a=inactive\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the phone's side of the dialog a 2xx set up ({@code fallback}: where the INVITE went) */
    OriginatedCall.Dialog dialogOf(Response response, SipURI fallback) {
        String tag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
        ContactHeader contact = (ContactHeader) response.getHeader(ContactHeader.NAME);
        SipURI target = contact != null && contact.getAddress().getURI() instanceof SipURI uri ? uri : fallback;
        return new OriginatedCall.Dialog(tag == null ? "" : tag, target, transportOf(target));
    }

    static String transportOf(SipURI uri) {
        String transport = uri.getTransportParam();
        return transport == null ? "udp" : transport.toLowerCase(Locale.ROOT);
    }

    /** The first line of a NOTIFY's message/sipfrag body, e.g. {@code SIP/2.0 180 Ringing}. */
    static String sipfrag(Request notify) {
        byte[] body = notify.getRawContent();
        if (body == null) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
