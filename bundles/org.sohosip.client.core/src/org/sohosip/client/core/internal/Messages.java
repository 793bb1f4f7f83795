// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

/** Texts of the client core's errors, in one place so they read alike. */
final class Messages {

    private Messages() {
    }

    static String changed(String hostPort, String pinned, String presented, String location) {
        return "WARNING: the certificate of " + hostPort + " has changed, so the client refused to connect.\n"
                + "Trusted until now: " + pinned + "\n"
                + "Presented now:     " + presented + "\n"
                + "Someone may be intercepting the connection, or the server got a new certificate. "
                + "Ask your administrator which fingerprint is right. Only if the new one is correct, remove the line "
                + "for " + hostPort + " from " + location + " and connect again to trust it.";
    }

    static String notTrusted(String hostPort) {
        return "You did not trust the certificate of " + hostPort + ", so the client did not connect.";
    }
}
