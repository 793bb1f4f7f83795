// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.CallDisposition;

import gov.nist.javax.sip.Utils;

/**
 * One request forwarded statefully (RFC 3261 §16.6-16.10) to every contact of the target at once: provisional
 * responses go back to the caller, the first 2xx goes back at once and cancels the other branches, otherwise the
 * best final response goes back when every branch has answered. A CANCEL from the caller or the ring timer
 * cancels every branch. For INVITE it also keeps the call record.
 */
final class ProxiedRequest {

    /** Marks client transactions whose responses concern only this proxy (its own CANCELs). */
    static final Object OWN_CANCEL = new Object();

    private static final Logger LOG = LoggerFactory.getLogger(ProxiedRequest.class);

    /** One forwarded copy. */
    final class Branch {
        final ClientTransaction transaction;
        boolean provisional;
        boolean finished;
        boolean cancelWanted;

        Branch(ClientTransaction transaction) {
            this.transaction = transaction;
        }

        ProxiedRequest owner() {
            return ProxiedRequest.this;
        }
    }

    private final Sip sip;
    private final Forwarding forwarding;
    private final ServerTransaction server;
    private final @Nullable CallRecorder recorder;
    private CallRecorder.@Nullable Attempt attempt;
    private final Runnable onDone;
    private final List<Branch> branches = new ArrayList<>();
    private @Nullable Response best;
    private boolean answered;
    private boolean done;
    private boolean cancelledByCaller;
    private boolean timedOut;
    private @Nullable ScheduledFuture<?> ringTimer;
    private ApplicationTarget.@Nullable Fallback fallback;
    private boolean allBusy = true;

    ProxiedRequest(Sip sip, Forwarding forwarding, ServerTransaction server, @Nullable CallRecorder recorder,
            CallRecorder.@Nullable Attempt attempt, Runnable onDone) {
        this.sip = sip;
        this.forwarding = forwarding;
        this.server = server;
        this.recorder = recorder;
        this.attempt = attempt;
        this.onDone = onDone;
    }

    /** Where an unanswered INVITE goes (voicemail) instead of back to the caller; set before {@link #start}. */
    void divertTo(ApplicationTarget.Fallback where) {
        this.fallback = where;
    }

    /** Sends a copy to every target; answers 480 at once if none could be sent. */
    synchronized void start(List<SipURI> targets, boolean recordRoute, ScheduledExecutorService timers,
            int ringSeconds) {
        for (SipURI target : targets) {
            send(target, null, recordRoute);
        }
        startTimer(timers, ringSeconds);
    }

    /** Sends one copy to a call application, with the headers it is told the call's story with. */
    synchronized void start(ApplicationTarget target, ScheduledExecutorService timers, int ringSeconds) {
        send(target.uri(), target.headers(), true);
        startTimer(timers, ringSeconds);
    }

    private boolean send(SipURI target, ApplicationTarget.@Nullable Headers headers, boolean recordRoute) {
        Request original = server.getRequest();
        Branch branch = null;
        try {
            Request copy = forwarding.prepare(original, target, Utils.getInstance().generateBranchId(),
                    recordRoute);
            if (headers != null) {
                headers.apply(copy);
            }
            ClientTransaction ct = sip.provider.getNewClientTransaction(copy);
            branch = new Branch(ct);
            ct.setApplicationData(branch);
            branches.add(branch);
            ct.sendRequest();
            return true;
        } catch (Exception e) {
            LOG.debug("Could not forward {} to {}: {}", original.getMethod(), target, e.toString());
            if (branch != null) {
                branches.remove(branch);
            }
            return false;
        }
    }

    private void startTimer(ScheduledExecutorService timers, int ringSeconds) {
        Request original = server.getRequest();
        if (branches.isEmpty()) {
            finish(null, Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        if (Request.INVITE.equals(original.getMethod())) {
            ringTimer = timers.schedule(this::ringTimeout, ringSeconds, TimeUnit.SECONDS);
        }
    }

    synchronized void onResponse(Branch branch, Response response) {
        int status = response.getStatusCode();
        if (status < 200) {
            branch.provisional = true;
            if (branch.cancelWanted) {
                cancel(branch);
            }
            if (status > 100 && !done) {
                forward(response);
            }
            return;
        }
        branch.finished = true;
        allBusy &= status == Response.BUSY_HERE || status == Response.BUSY_EVERYWHERE;
        if (status < 300) {
            forward(response); // every 2xx goes back: the caller's UA sorts out forked answers
            if (!answered) {
                answered = true;
                if (recorder != null && attempt != null) {
                    recorder.answered(attempt);
                }
                branches.stream().filter(b -> !b.finished).forEach(this::cancel);
                if (!done) {
                    done();
                }
            }
            return;
        }
        if (best == null || better(response, best)) {
            best = response;
        }
        if (!done && !answered && branches.stream().allMatch(b -> b.finished)) {
            finish(best, 0);
        }
    }

    /** The branch's transaction timed out: counts as 408 from it. */
    synchronized void onTimeout(Branch branch) {
        if (branch.finished) {
            return;
        }
        branch.finished = true;
        allBusy = false;
        if (!done && !answered && branches.stream().allMatch(b -> b.finished)) {
            finish(best, Response.REQUEST_TIMEOUT);
        }
    }

    /** The caller sent CANCEL. */
    synchronized void cancelByCaller() {
        if (done || answered) {
            return;
        }
        cancelledByCaller = true;
        branches.stream().filter(b -> !b.finished).forEach(this::cancel);
    }

    private synchronized void ringTimeout() {
        if (done || answered) {
            return;
        }
        timedOut = true;
        branches.stream().filter(b -> !b.finished).forEach(this::cancel);
    }

    private void cancel(Branch branch) {
        if (branch.finished) {
            return;
        }
        if (!branch.provisional) {
            branch.cancelWanted = true; // RFC 3261 §9.1: not before a provisional response
            return;
        }
        branch.cancelWanted = false;
        try {
            sip.cancel(branch.transaction);
        } catch (Exception e) {
            LOG.debug("Could not cancel a branch: {}", e.toString());
        }
    }

    /** Sends the final answer (the best response, or one made here with {@code status}). */
    private void finish(@Nullable Response response, int status) {
        if (diverted(response, status)) {
            return;
        }
        done();
        int code = response != null ? response.getStatusCode() : status;
        if (timedOut) {
            code = Response.REQUEST_TIMEOUT;
            sip.respond(server, code, null);
        } else if (cancelledByCaller) {
            code = Response.REQUEST_TERMINATED;
            sip.respond(server, code, null);
        } else if (response != null && response.getStatusCode() == Response.SERVICE_UNAVAILABLE) {
            code = Response.SERVER_INTERNAL_ERROR; // RFC 3261 §16.7: a 503 is not passed on
            sip.respond(server, code, null);
        } else if (response != null) {
            forward(response);
        } else {
            sip.respond(server, status, null);
        }
        if (recorder != null && attempt != null) {
            recorder.ended(attempt, disposition(code));
        }
    }

    /**
     * Sends the call to voicemail instead of answering, when the callee did not answer in time, was busy on every
     * branch or could not be reached, and a fallback was given. The callee's call record ends here as missed or
     * busy; the caller's call goes on to the mailbox.
     */
    private boolean diverted(@Nullable Response response, int status) {
        ApplicationTarget.Fallback where = fallback;
        if (where == null || cancelledByCaller) {
            return false;
        }
        int code = response != null ? response.getStatusCode() : status;
        String reason = timedOut ? "no-answer" : allBusy && !branches.isEmpty() ? "user-busy"
                : code == Response.TEMPORARILY_UNAVAILABLE || code == Response.REQUEST_TIMEOUT ? "unavailable" : null;
        if (reason == null) {
            return false;
        }
        fallback = null; // once: voicemail's own answer goes back as it is
        ApplicationTarget target = where.divert(reason);
        if (target == null) {
            return false;
        }
        ScheduledFuture<?> timer = ringTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        if (recorder != null && attempt != null) {
            recorder.ended(attempt, timedOut ? CallDisposition.MISSED : disposition(code));
            attempt = null;
        }
        timedOut = false;
        best = null;
        return send(target.uri(), target.headers(), true);
    }

    private CallDisposition disposition(int code) {
        if (cancelledByCaller) {
            return CallDisposition.CANCELLED;
        }
        if (timedOut) {
            return CallDisposition.MISSED;
        }
        return switch (code) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE -> CallDisposition.BUSY;
            case Response.REQUEST_TIMEOUT, Response.TEMPORARILY_UNAVAILABLE, Response.REQUEST_TERMINATED ->
                CallDisposition.MISSED;
            default -> CallDisposition.FAILED;
        };
    }

    private void done() {
        done = true;
        ScheduledFuture<?> timer = ringTimer;
        if (timer != null) {
            timer.cancel(false);
        }
        onDone.run();
    }

    /** Passes a response back to the caller, without this proxy's Via. */
    private void forward(Response response) {
        Response copy = Forwarding.withoutTopVia(response);
        if (copy == null) {
            return;
        }
        try {
            server.sendResponse(copy);
        } catch (Exception e) {
            // The server transaction ended (a second 2xx of a forked call): send it on without it.
            try {
                sip.provider.sendResponse(copy);
            } catch (Exception again) {
                LOG.debug("Could not pass on {}: {}", response.getStatusCode(), again.toString());
            }
        }
    }

    /** RFC 3261 §16.7: 6xx beats everything, then the lowest class; a busy signal beats other 4xx. */
    private static boolean better(Response candidate, Response current) {
        int c = candidate.getStatusCode();
        int b = current.getStatusCode();
        if (b >= 600) {
            return false;
        }
        if (c >= 600) {
            return true;
        }
        if (c / 100 != b / 100) {
            return c / 100 < b / 100;
        }
        return c == Response.BUSY_HERE && b != Response.BUSY_HERE;
    }
}
