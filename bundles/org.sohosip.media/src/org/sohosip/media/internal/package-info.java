// SPDX-License-Identifier: EPL-2.0
/**
 * Implementation of the media services: RTP sessions carried by FMJ's RTP session manager over our own
 * connector, the jitter buffer, G.711, RFC 4733 events, and the audio endpoints.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.media.internal;
