// SPDX-License-Identifier: EPL-2.0
/**
 * The softphone service: registration, calls, hold, DTMF and mute over the SIP user agent and the media
 * sessions; ringtone and ringback; the SIP account derived at login.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.client.core.internal.phone;
