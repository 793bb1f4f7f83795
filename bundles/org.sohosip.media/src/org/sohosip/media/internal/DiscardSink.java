// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import org.sohosip.media.AudioSink;

/** Drops every frame: the speaker of a machine without one. */
public final class DiscardSink implements AudioSink {

    @Override
    public void write(short[] frame) {
        // nothing to do: the frame is dropped on purpose
    }
}
