// SPDX-License-Identifier: EPL-2.0
/**
 * Media of a call: RTP sessions with G.711 audio and RFC 4733 DTMF events, and the audio endpoints that feed and
 * play them (microphone and speaker, WAV files, tones, silence). Audio moves in frames of 20 ms of 16-bit linear
 * PCM at 8 kHz mono ({@link org.sohosip.media.AudioFrame}).
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.media;
