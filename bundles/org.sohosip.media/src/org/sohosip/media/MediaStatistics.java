// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

/**
 * A snapshot of one media session's counters.
 *
 * @param packetsSent         RTP packets sent (audio and DTMF events)
 * @param packetsReceived     RTP packets received from the peer (audio and DTMF events)
 * @param packetsLost         audio packets never received, from sequence-number gaps (RFC 3550 cumulative loss)
 * @param packetsLate         audio packets that arrived after their play-out time, or twice, and were discarded
 * @param framesDropped       received frames the jitter buffer dropped to shrink its delay (after a burst, or when
 *                            the jitter went down)
 * @param framesConcealed     frames played as loss concealment (repetition with fade, then silence)
 * @param jitterMillis        interarrival jitter estimate (RFC 3550 section 6.4.1) in milliseconds
 * @param bufferDelayMillis   the jitter buffer's current target delay in milliseconds
 * @param rtcpReportsReceived RTCP sender or receiver reports received from the peer
 * @param rtcpReportsSent     RTCP reports sent
 * @param dtmfEventsReceived  RFC 4733 DTMF events received (each key press once)
 * @since 0.1
 */
public record MediaStatistics(long packetsSent, long packetsReceived, long packetsLost, long packetsLate,
        long framesDropped, long framesConcealed, double jitterMillis, int bufferDelayMillis,
        long rtcpReportsReceived, long rtcpReportsSent, long dtmfEventsReceived) {
}
