// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import org.sohosip.sip.EndReason;

/** The end of a call in words for people, from the SIP status that ended it. */
public final class EndReasons {

    /** This side hung up. */
    public static final String HUNG_UP = "Call ended.";
    /** The other side hung up. */
    public static final String REMOTE_HUNG_UP = "The other side hung up.";
    /** This side declined an incoming call. */
    public static final String DECLINED_HERE = "You declined the call.";
    /** The caller gave up before this side answered. */
    public static final String MISSED = "Missed call: the caller hung up before you answered.";
    /** This side cancelled an outgoing call before it was answered. */
    public static final String CANCELLED = "You cancelled the call.";
    /** The phone stopped (logout, lost session). */
    public static final String PHONE_STOPPED = "The call ended because the softphone stopped (you logged out).";

    private EndReasons() {
    }

    /**
     * @param party the new call's other side, as {@link org.sohosip.client.core.Call#remoteParty()} gives it
     * @return the end of a call the other side transferred to {@code party} (REFER)
     */
    static String transferredTo(String party) {
        return "Transferred to " + party + ".";
    }

    /**
     * @param c            an ended call
     * @param wasConnected whether it had been answered
     * @return why it ended, for people
     */
    static String of(PhoneCall c, boolean wasConnected) {
        String local = c.localEnd();
        if (local != null) {
            return local;
        }
        EndReason r = c.sip().endReason().orElse(null);
        if (r == null || r.statusCode() == 200) {
            return r != null && !r.byRemote() ? HUNG_UP : REMOTE_HUNG_UP;
        }
        if (!c.sip().outgoing() && !wasConnected) {
            return MISSED;
        }
        return wasConnected ? REMOTE_HUNG_UP : forFailure(r.statusCode(), r.reasonPhrase());
    }

    /**
     * @param status the final SIP status of a failed outgoing call, or 0 when none came
     * @param phrase its reason phrase, or a local description
     * @return a sentence for people
     */
    public static String forFailure(int status, String phrase) {
        return switch (status) {
            case 486, 600 -> "Busy: the other side is on another call.";
            case 603 -> "Declined: the other side did not take the call.";
            case 480 -> "Not registered: the other side is not connected right now. Try again later.";
            case 404, 604 -> "Not found: no one has that extension, name or number.";
            case 408 -> "No answer.";
            case 487 -> CANCELLED;
            case 401, 403, 407 -> "Not allowed: the server refused the call (" + status + " " + phrase
                    + "). Log out and in again; if it persists, ask your administrator.";
            case 484 -> "Incomplete number: check the number and dial again.";
            case 488, 415 -> "The other side cannot take calls with this phone's audio formats.";
            case 0 -> "The call could not be connected: " + (phrase.isBlank() ? "no answer from the server" : phrase)
                    + ". Check your network connection.";
            default -> status >= 500
                    ? "The server could not connect the call (" + status + " " + phrase + "). Try again later."
                    : "The call failed (" + status + " " + phrase + ").";
        };
    }
}
