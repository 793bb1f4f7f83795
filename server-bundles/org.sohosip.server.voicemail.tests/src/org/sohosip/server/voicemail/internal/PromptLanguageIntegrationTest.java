// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.core.api.MailboxSettingsChange;

/**
 * A mailbox whose language is {@code zh-TW} greets callers with the Mandarin prompts: the loudness envelope of what
 * the caller hears before the beep follows the zh-TW greeting's and not the English one's.
 */
class PromptLanguageIntegrationTest {

    /** Frames of 20 ms: the envelope's resolution. */
    private static final int FRAME = 160;
    private static VoicemailTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = VoicemailTestServer.get();
        server.account("erin", "3305");
    }

    @Test
    void aChineseMailboxGreetsInMandarin() throws Exception {
        long erin = server.account("erin").id();
        server.voicemail.updateSettings(erin, new MailboxSettingsChange(Prompts.CHINESE, null, null, null, null,
                null, null));
        short[] heard;
        try (TestPhone caller = new TestPhone(server, "alice")) {
            caller.dial("3305", server.audio.silence()); // erin has no phone registered: the unavailable greeting
            assertTrue(caller.awaitBeep(), "the beep after the greeting");
            byte[] pcm = caller.heard.drain();
            heard = Pcm.fromBytes(pcm, 0, pcm.length);
            caller.call.hangUp();
        }
        Prompts prompts = new Prompts(FrameworkUtil.getBundle(Prompts.class)::getEntry);
        double chinese = match(heard, greeting(prompts, Prompts.CHINESE));
        double english = match(heard, greeting(prompts, Prompts.ENGLISH));
        System.out.printf("greeting heard vs zh-TW: %.3f, vs en: %.3f%n", chinese, english);
        assertTrue(chinese > 0.8, "the zh-TW greeting is what was heard: correlation " + chinese);
        assertTrue(english < chinese - 0.2, "and not the English one: " + english + " against " + chinese);
    }

    /** The generated unavailable greeting as Deposit speaks it, without the beep. */
    private static short[] greeting(Prompts prompts, String language) {
        List<short[]> clips = prompts.in(language).say("extension").digits("3305").say("unavailable").clips();
        int length = clips.stream().mapToInt(c -> c.length).sum();
        short[] all = new short[length];
        int at = 0;
        for (short[] c : clips) {
            System.arraycopy(c, 0, all, at, c.length);
            at += c.length;
        }
        return all;
    }

    /**
     * @return the best normalized correlation of the two loudness envelopes (dB per 20 ms frame) over the first
     *         second of lag (the time from answer to the first audio), over the expected greeting's length
     */
    static double match(short[] heard, short[] expected) {
        double[] h = envelope(heard);
        double[] e = envelope(expected);
        double best = -1;
        for (int lag = 0; lag <= 50 && lag < h.length; lag++) {
            int n = Math.min(e.length, h.length - lag);
            if (n < e.length * 9 / 10) {
                break; // the heard audio must hold (nearly) the whole greeting
            }
            best = Math.max(best, correlation(h, lag, e, n));
        }
        return best;
    }

    private static double[] envelope(short[] samples) {
        List<Double> out = new ArrayList<>();
        for (int at = 0; at + FRAME <= samples.length; at += FRAME) {
            double sum = 0;
            for (int i = at; i < at + FRAME; i++) {
                sum += (double) samples[i] * samples[i];
            }
            out.add(10 * Math.log10(sum / FRAME + 1));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double correlation(double[] a, int offset, double[] b, int n) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[offset + i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            double x = a[offset + i] - ma;
            double y = b[i] - mb;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }
}
