// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.text.ParseException;

import javax.sip.address.SipURI;
import javax.sip.message.Request;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Where a request goes when a call application takes it, and the headers the application is told the call's story
 * with ({@code P-Asserted-Identity}, {@code Diversion}, {@code History-Info}).
 *
 * @param uri      the Request-URI of the forwarded copy (the application's address)
 * @param headers  applied to the forwarded copy after the proxy's own changes
 */
record ApplicationTarget(SipURI uri, Headers headers) {

    /** Adds headers to a forwarded copy. */
    @FunctionalInterface
    interface Headers {
        void apply(Request copy) throws ParseException;
    }

    /** Decides where an unanswered INVITE goes instead of back to its caller. */
    @FunctionalInterface
    interface Fallback {
        /**
         * @param reason {@code no-answer}, {@code user-busy} or {@code unavailable} (RFC 5806 reasons)
         * @return the voicemail target, or {@code null} when the caller gets the answer as it is
         */
        @Nullable
        ApplicationTarget divert(String reason);
    }
}
