// SPDX-License-Identifier: EPL-2.0
/** The Voicemail part, its player and waveform, and the count of new messages on its labels. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.voicemail.internal;
