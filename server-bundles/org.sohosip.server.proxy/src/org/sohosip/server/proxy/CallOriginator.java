// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy;

/**
 * Calls the proxy places itself (click-to-call to internal numbers), registered as an OSGi service while the proxy
 * runs. The proxy rings every registered phone of the user with a call on hold whose caller is the number to be
 * called; the first phone that answers is asked (SIP {@code REFER}) to call that number, and the proxy then leaves.
 * The phone places the new call itself, authenticated as the user, so every rule of ordinary calls applies and the
 * callee sees the user as the caller. No Asterisk is involved.
 *
 * @since 0.1
 */
public interface CallOriginator {

    /**
     * @param number a number as a user would dial it
     * @return whether the proxy reaches it by itself: the user name, extension or alias of an enabled account, or a
     *         call application's number (e.g. voicemail)
     */
    boolean serves(String number);

    /**
     * Starts ringing the user's phones and returns at once; the progress is logged.
     *
     * @param username the user whose phones ring first
     * @param number   the number the answering phone is asked to call (one that {@link #serves(String)})
     * @return a reference to the call for logs (also the user part of the proxy's Contact in that call)
     * @throws NoPhoneException         when the user has no registered phone
     * @throws IllegalArgumentException when the number is not one the proxy serves
     */
    String call(String username, String number);
}
