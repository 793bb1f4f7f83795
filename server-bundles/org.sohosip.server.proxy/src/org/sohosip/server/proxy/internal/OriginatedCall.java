// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sip.ClientTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One click-to-call placed by the proxy as a user agent (RFC 5589 blind transfer, the way Kamailio's
 * {@code dlg_bridge} does it): an INVITE on hold to every registered phone of the user, whose caller is the number
 * to be called so the phone shows whom it will call; the first phone that answers gets ACK, the others CANCEL; then
 * REFER asks it to call the number itself; once the phone accepts (or its first NOTIFY reports the new call) the
 * proxy sends BYE and is out of the call. No call record: the call the phone then makes is an ordinary one with its
 * own. Every request goes through a client transaction, so the stack retransmits it.
 */
final class OriginatedCall {

    /** The application data of this call's client transactions. */
    record Sent(OriginatedCall call, @Nullable Branch branch) {
    }

    /** One INVITE to one registered contact. */
    static final class Branch {
        final SipURI target;
        @Nullable
        ClientTransaction transaction;
        boolean provisional;
        boolean finished;
        boolean cancelWanted;
        @Nullable
        Dialog dialog;

        Branch(SipURI target) {
            this.target = target;
        }
    }

    /** What a 2xx told about the phone's side of the dialog. */
    record Dialog(String remoteTag, SipURI remoteTarget, String transport) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(OriginatedCall.class);
    /** 64*T1: how long a CANCELled INVITE may still wait for its final response. */
    private static final long CANCEL_WAIT_SECONDS = 32;

    final String reference;
    private final Sip sip;
    private final String user;
    private final String number;
    private final Consumer<OriginatedCall> onEnded;
    private final HoldCallMessages messages;
    private final List<Branch> branches = new ArrayList<>();
    private @Nullable Dialog answered;
    private @Nullable ScheduledFuture<?> ringTimer;
    private int ringSeconds;
    private @Nullable ScheduledExecutorService timers;
    private boolean timedOut;
    private boolean referred;
    private boolean byeSent;
    private boolean ended;
    /** Why the phone did not take the transfer, if it did not. */
    private @Nullable String refused;
    private volatile @Nullable String outcome;

    OriginatedCall(Sip sip, String advertisedHost, String reference, String user, String number, String calleeName,
            Consumer<OriginatedCall> onEnded) {
        this.sip = sip;
        this.reference = reference;
        this.user = user;
        this.number = number;
        this.onEnded = onEnded;
        this.messages = new HoldCallMessages(sip, advertisedHost, reference, user, number, calleeName);
    }

    /** Rings every phone; ends at once (logged) if no INVITE could be sent. */
    synchronized void start(List<SipURI> phones, ScheduledExecutorService timers, int seconds) {
        ringSeconds = seconds;
        this.timers = timers;
        for (SipURI phone : phones) {
            Branch branch = new Branch(phone);
            try {
                branch.transaction = send(messages.invite(phone), branch);
                branches.add(branch);
            } catch (Exception e) {
                LOG.warn("{}: could not ring {}'s phone at {}: {}", this, user, phone, e.toString());
            }
        }
        if (branches.isEmpty()) {
            end("no phone could be rung");
            return;
        }
        LOG.info("{}: ringing {} phone(s) of {}", this, branches.size(), user);
        ringTimer = timers.schedule(this::ringTimeout, seconds, TimeUnit.SECONDS);
    }

    /** A response to one of this call's requests. */
    synchronized void onResponse(Sent sent, Response response) {
        String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
        Branch branch = sent.branch();
        if (branch != null && Request.INVITE.equals(method)) {
            onInviteResponse(branch, response);
        } else if (Request.REFER.equals(method)) {
            onReferResponse(response);
        } else if (Request.BYE.equals(method) && branch == null && response.getStatusCode() >= 200) {
            String why = refused;
            end(why != null ? why : "transferred");
        }
    }

    private void onInviteResponse(Branch branch, Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            branch.provisional = true;
            if (branch.cancelWanted) {
                cancel(branch);
            }
            return;
        }
        branch.finished = true;
        if (status >= 300) {
            if (answered == null && !ended && branches.stream().allMatch(b -> b.finished)) {
                end(timedOut ? "no answer within " + ringSeconds + " s"
                        : status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE
                                || status == Response.DECLINE ? user + "'s phone declined (" + status + ")"
                                        : user + "'s phone could not take the call (" + status + ")");
            }
            return;
        }
        Dialog dialog = messages.dialogOf(response, branch.target);
        boolean again = branch.dialog != null;
        branch.dialog = dialog;
        ack(dialog);
        if (again) {
            return; // a retransmitted 2xx: the ACK again is all it needs
        }
        if (answered != null || ended || timedOut) {
            bye(dialog, 2, branch); // a second phone answered too (or too late): it is not needed
            if (answered == null && branches.stream().allMatch(b -> b.finished)) {
                end("no answer within " + ringSeconds + " s");
            }
            return;
        }
        answered = dialog;
        ScheduledFuture<?> timer = ringTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        branches.stream().filter(b -> !b.finished).forEach(this::cancel);
        LOG.info("{}: {}'s phone answered, transferring", this, user);
        refer(dialog);
    }

    private void onReferResponse(Response response) {
        int status = response.getStatusCode();
        Dialog dialog = answered;
        if (status < 200 || dialog == null || byeSent) {
            return;
        }
        if (status < 300) {
            LOG.info("{}: {}'s phone accepted the transfer and calls {}; leaving the call", this, user, number);
        } else {
            refused = "the phone of " + user + " does not accept REFER transfers (" + status + " "
                    + response.getReasonPhrase() + ")";
            LOG.warn("{}: {}", this, refused);
        }
        bye(dialog, 3);
    }

    /** A transaction of this call had no answer in time (the stack's timers B and F). */
    synchronized void onTimeout(Sent sent) {
        Branch branch = sent.branch();
        if (branch != null) {
            if (!branch.finished) {
                branch.finished = true;
                if (answered == null && !ended && branches.stream().allMatch(b -> b.finished)) {
                    end("no answer from " + user + "'s phone");
                }
            }
            return;
        }
        Dialog dialog = answered;
        if (referred && !byeSent && dialog != null) {
            refused = "the phone of " + user + " does not accept REFER transfers (no answer to REFER)";
            LOG.warn("{}: {}", this, refused);
            bye(dialog, 3);
        } else {
            String why = refused;
            end(why != null ? why : "transferred (the phone did not answer BYE)");
        }
    }

    /** A 2xx again after its transaction ended: it needs the ACK again. */
    synchronized void onStray(Response response) {
        if (response.getStatusCode() / 100 != 2
                || !Request.INVITE.equals(((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod())) {
            return;
        }
        String tag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
        for (Branch b : branches) {
            Dialog d = b.dialog;
            if (d != null && d.remoteTag().equals(tag)) {
                ack(d);
            }
        }
    }

    /**
     * A request sent to this call's Contact; only the phone in the dialog may send one.
     *
     * @return whether it belonged to the dialog (and was answered)
     */
    synchronized boolean inDialog(Request request) {
        String id = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        String fromTag = ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
        String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
        boolean ours = messages.callId.equals(id) && messages.localTag.equals(toTag) && fromTag != null
                && branches.stream().anyMatch(b -> b.dialog != null && b.dialog.remoteTag().equals(fromTag));
        if (!ours) {
            return false;
        }
        String method = request.getMethod();
        switch (method) {
            case Request.ACK -> {
                return true;
            }
            case Request.NOTIFY -> {
                sip.respond(request, Response.OK);
                String frag = HoldCallMessages.sipfrag(request);
                LOG.info("{}: {}'s phone reports its call to {}: {}", this, user, number, frag);
                Dialog dialog = answered;
                if (dialog != null && !byeSent && frag.startsWith("SIP/2.0 ") && frag.length() > 9
                        && (frag.charAt(8) == '1' || frag.charAt(8) == '2')) {
                    bye(dialog, 3); // the new call is on its way: the hold call is not needed any more
                }
            }
            case Request.BYE -> {
                sip.respond(request, Response.OK);
                byeSent = true;
                String why = refused;
                end(why != null ? why : referred ? "transferred" : user + "'s phone hung up before the transfer");
            }
            case Request.INVITE -> sip.respond(request, Response.NOT_ACCEPTABLE_HERE);
            case Request.OPTIONS, Request.INFO -> sip.respond(request, Response.OK);
            default -> sip.respond(request, Response.METHOD_NOT_ALLOWED);
        }
        return true;
    }

    private synchronized void ringTimeout() {
        if (answered != null || ended) {
            return;
        }
        timedOut = true;
        LOG.info("{}: no answer from {}'s phone within {} s, cancelling", this, user, ringSeconds);
        branches.stream().filter(b -> !b.finished).forEach(this::cancel);
        ScheduledExecutorService scheduler = timers;
        if (scheduler != null) {
            // RFC 3261 §9.1: a phone that answers neither CANCEL nor INVITE within 64*T1 is given up on
            scheduler.schedule(this::giveUp, CANCEL_WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private synchronized void giveUp() {
        if (!ended && answered == null) {
            end("no answer within " + ringSeconds + " s; the phone did not confirm the CANCEL");
        }
    }

    private void cancel(Branch branch) {
        ClientTransaction invite = branch.transaction;
        if (branch.finished || invite == null) {
            return;
        }
        if (!branch.provisional) {
            branch.cancelWanted = true; // RFC 3261 §9.1: not before a provisional response
            return;
        }
        branch.cancelWanted = false;
        try {
            sip.cancel(invite);
        } catch (Exception e) {
            LOG.debug("{}: could not cancel the call to {}: {}", this, branch.target, e.toString());
        }
    }

    private void refer(Dialog dialog) {
        try {
            send(messages.refer(dialog), null);
            referred = true;
        } catch (Exception e) {
            LOG.warn("{}: could not send REFER to {}'s phone: {}", this, user, e.toString());
            bye(dialog, 3);
        }
    }

    private void ack(Dialog dialog) {
        try {
            sip.provider.sendRequest(messages.inDialog(Request.ACK, dialog, 1));
        } catch (Exception e) {
            LOG.debug("{}: could not send ACK: {}", this, e.toString());
        }
    }

    private void bye(Dialog dialog, long cseq) {
        bye(dialog, cseq, null);
    }

    /** BYE in the answered dialog, or ({@code branch} given) in the dialog of a phone that answered too late. */
    private void bye(Dialog dialog, long cseq, @Nullable Branch branch) {
        if (branch == null) {
            if (byeSent) {
                return;
            }
            byeSent = true;
        }
        try {
            send(messages.inDialog(Request.BYE, dialog, cseq), branch);
        } catch (Exception e) {
            LOG.warn("{}: could not send BYE to {}'s phone: {}", this, user, e.toString());
            if (branch == null) {
                end("BYE failed");
            }
        }
    }

    private ClientTransaction send(Request request, @Nullable Branch branch) throws Exception {
        ClientTransaction ct = sip.provider.getNewClientTransaction(request);
        ct.setApplicationData(new Sent(this, branch));
        ct.sendRequest();
        return ct;
    }

    private void end(String how) {
        if (ended) {
            return;
        }
        ended = true;
        outcome = how;
        ScheduledFuture<?> timer = ringTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        LOG.info("{}: ended ({})", this, how);
        onEnded.accept(this);
    }

    /** @return how the call ended ({@code transferred}, or why not), or {@code null} while it goes on */
    @Nullable
    String outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        return "Click-to-call from " + user + " to " + number + " (" + reference + ")";
    }
}
