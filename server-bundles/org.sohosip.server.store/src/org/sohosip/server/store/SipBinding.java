// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.time.Instant;

/**
 * One registered contact of a user (RFC 3261 §10.3): where calls to that user can be delivered until it expires.
 *
 * @param username  the account's user name (the address-of-record's user part)
 * @param contact   the contact URI as registered, without angle brackets or header parameters
 * @param qMilli    the preference (q) in thousandths: 1000 for q=1.0
 * @param expires   when the binding lapses unless refreshed
 * @param callId    Call-ID of the REGISTER that last wrote it (RFC 3261 §10.3 step 7)
 * @param cseq      CSeq number of that REGISTER
 * @param source    transport and address the REGISTER came from ({@code udp:192.0.2.1:5060})
 * @since 0.1
 */
public record SipBinding(String username, String contact, int qMilli, Instant expires, String callId, long cseq,
        String source) {
}
