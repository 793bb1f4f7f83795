// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import org.sohosip.media.AudioSink;

/** Hands each frame to two sinks: the recorder and the in-band key detector. */
record TeeSink(AudioSink first, AudioSink second) implements AudioSink {

    @Override
    public void write(short[] frame) {
        first.write(frame);
        second.write(frame);
    }
}
