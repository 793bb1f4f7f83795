// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One call through a gateway, from Asterisk's CDR joined with the proxy's own call record
 * ({@code GET /api/v1/billing}).
 *
 * @param id              store identity
 * @param callId          the SIP Call-ID of the office leg (empty when only Asterisk saw the call)
 * @param account         the office user who called or was called (user name), when known
 * @param gateway         the gateway's name
 * @param externalNumber  the number outside the office (called number outbound, caller's number inbound)
 * @param direction       inbound or outbound
 * @param start           when the call began
 * @param answer          when it was answered, or {@code null}
 * @param end             when it ended
 * @param billableSeconds seconds from answer to end (0 when not answered)
 * @param disposition     how it ended
 * @param uniqueId        Asterisk's unique id of the channel ({@code 1795673942.2}), when Asterisk reported the call
 * @since 0.1
 */
public record BillingRecord(long id, String callId, @Nullable String account, @Nullable String gateway,
        String externalNumber, BillingDirection direction, Instant start, @Nullable Instant answer, Instant end,
        long billableSeconds, BillingDisposition disposition, @Nullable String uniqueId) {
}
