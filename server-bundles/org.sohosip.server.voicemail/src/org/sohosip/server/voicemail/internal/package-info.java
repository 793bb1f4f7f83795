// SPDX-License-Identifier: EPL-2.0
/**
 * The voicemail service: its own SIP user agent on loopback takes the calls the proxy diverts (deposit: greeting,
 * beep, recording into the store), the voicemail menu (VoiceMailMain key map) and message-waiting subscriptions.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.voicemail.internal;
