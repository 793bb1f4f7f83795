// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip.internal;

import java.util.Iterator;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.Header;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.sip.SipCallState;
import org.sohosip.sip.SipTransfers;
import org.sohosip.sip.TransferListener;

/**
 * Incoming REFERs (RFC 3515): checks them, answers the ones it refuses with a reason, and hands each accepted one
 * to a {@link ReferSubscription} that reports the new call. Runs on the agent's worker thread.
 */
final class TransfersImpl implements SipTransfers {

    private static final Logger LOG = LoggerFactory.getLogger(TransfersImpl.class);

    private final TelephonyImpl tel;
    final CopyOnWriteArrayList<TransferListener> listeners = new CopyOnWriteArrayList<>();

    TransfersImpl(TelephonyImpl tel) {
        this.tel = tel;
    }

    @Override
    public void addTransferListener(TransferListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeTransferListener(TransferListener listener) {
        listeners.remove(listener);
    }

    /** A REFER that names no call of this agent, or starts a dialog of its own. */
    void outsideDialog(Request req, @Nullable ServerTransaction st) {
        refuse(st, req, Response.FORBIDDEN, "Transfer Only Within A Call");
    }

    /** A REFER inside the dialog of {@code call}. */
    void onRefer(CallImpl call, Request req, @Nullable ServerTransaction st) {
        if (st == null) {
            return;
        }
        if (listeners.isEmpty()) {
            refuse(st, req, Response.FORBIDDEN, "Transfers Not Accepted Here");
            return;
        }
        if (call.state != SipCallState.CONNECTED || call.dialog == null) {
            refuse(st, req, Response.FORBIDDEN, "Call Not Connected");
            return;
        }
        if (call.referral != null) {
            refuse(st, req, Response.REQUEST_PENDING, "Transfer Already Under Way");
            return;
        }
        ListIterator<?> referTo = req.getHeaders(ReferToHeader.NAME);
        Object first = referTo.hasNext() ? referTo.next() : null;
        if (!(first instanceof ReferToHeader header) || referTo.hasNext()) {
            refuse(st, req, Response.BAD_REQUEST, "Exactly One Readable Refer-To Needed");
            return;
        }
        if (!(header.getAddress().getURI() instanceof SipURI uri) || uri.getHost() == null) {
            refuse(st, req, Response.BAD_REQUEST, "Refer-To Is No SIP Address");
            return;
        }
        if (hasHeader(uri, "Replaces")) {
            // attended transfer would need INVITE with Replaces (RFC 3891): not supported
            refuse(st, req, Response.NOT_IMPLEMENTED, "Attended Transfer Not Supported");
            return;
        }
        String target = uri.toString();
        int headers = target.indexOf('?');
        ReferSubscription s = new ReferSubscription(call, headers < 0 ? target : target.substring(0, headers),
                referredBy(req), req);
        if (s.accept(st)) {
            LOG.info("Transfer of {} to {} accepted", call.id(), s.target());
            for (TransferListener l : listeners) {
                tel.ua.tell(() -> l.transferRequested(call, s));
            }
        }
    }

    private static boolean hasHeader(SipURI uri, String name) {
        Iterator<?> names = uri.getHeaderNames();
        while (names != null && names.hasNext()) {
            if (name.equalsIgnoreCase(String.valueOf(names.next()))) {
                return true;
            }
        }
        return false;
    }

    /** @return the address in {@code Referred-By}, e.g. {@code sip:voicemail@sohosip.local} */
    private static Optional<String> referredBy(Request req) {
        Header h = req.getHeader("Referred-By");
        if (h == null) {
            h = req.getHeader("b"); // the compact form
        }
        if (h == null) {
            return Optional.empty();
        }
        String value = h.toString().strip();
        value = value.substring(value.indexOf(':') + 1).strip();
        int open = value.indexOf('<');
        int close = value.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            value = value.substring(open + 1, close);
        } else if (value.indexOf(';') >= 0) {
            value = value.substring(0, value.indexOf(';'));
        }
        return value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private void refuse(@Nullable ServerTransaction st, Request req, int status, String reason) {
        LOG.info("REFER refused: {} {}", status, reason);
        tel.ua.respond(st, req, status, reason);
    }
}
