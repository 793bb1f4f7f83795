// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * The fields of an Asterisk CDR beyond those of {@link org.sohosip.core.api.BillingRecord}, kept so that the
 * billing export has every column of Asterisk's {@code Master.csv}. Empty strings where Asterisk gave nothing.
 *
 * @param source             {@code src}: the caller's number
 * @param destination        {@code dst}: the dialled extension
 * @param destinationContext {@code dcontext}
 * @param callerId           {@code clid}: e.g. {@code "Alice" <3301>}
 * @param channel            {@code channel}
 * @param destinationChannel {@code dstchannel}
 * @param lastApplication    {@code lastapp}
 * @param lastData           {@code lastdata}
 * @param durationSeconds    {@code duration}: from start to end
 * @param amaFlags           {@code amaflags}, e.g. {@code DOCUMENTATION}
 * @param userField          {@code userfield}
 * @since 0.1
 */
public record CdrDetails(String source, String destination, String destinationContext, String callerId,
        String channel, String destinationChannel, String lastApplication, String lastData, long durationSeconds,
        String amaFlags, String userField) {
}
