// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.util.Arrays;

import org.sohosip.media.AudioSource;

/** Endless silence: the microphone of a machine without one, and what a muted call sends. */
public final class SilenceSource implements AudioSource {

    @Override
    public boolean read(short[] frame) {
        Arrays.fill(frame, (short) 0);
        return true;
    }
}
