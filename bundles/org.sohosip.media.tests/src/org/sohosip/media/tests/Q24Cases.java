// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.sohosip.media.DtmfEvent;
import org.sohosip.media.internal.DtmfToneReceiver;

/**
 * The accept/reject matrix for in-band DTMF after ITU-T Q.24: every key at nominal frequencies; each tone of
 * each key ±1.5 % off (accepted) and ±3.5 % off (rejected); tones of 40 ms (accepted) and 20 ms (rejected);
 * pauses of 40 ms (two digits) and a 10 ms break (one digit); normal and reverse twist inside and outside the
 * limits; levels; single tones, a chord, speech-like voiced sound and noise (nothing). Also used by
 * {@code releng/bench/dtmf}.
 */
public final class Q24Cases {

    /** One signal and the digits it must give. */
    public record Case(String name, short[] audio, String expected) {
    }

    private static final int RATE = 8000;
    private static final String KEYS = "123A456B789C*0#D";
    private static final double[] LOW = {697, 770, 852, 941};
    private static final double[] HIGH = {1209, 1336, 1477, 1633};
    /** −7 dBm0 per tone, a usual sending level. */
    private static final double LEVEL = -7;

    private Q24Cases() {
    }

    /** @return every case */
    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        for (char key : KEYS.toCharArray()) {
            cases.add(keyCase(key + " nominal", key, 1, 1, 100, LEVEL, LEVEL, String.valueOf(key)));
        }
        for (char key : KEYS.toCharArray()) {
            for (double percent : new double[] {-1.5, 1.5}) {
                double f = 1 + percent / 100;
                cases.add(keyCase(key + " low tone " + percent + " %", key, f, 1, 100, LEVEL, LEVEL, key + ""));
                cases.add(keyCase(key + " high tone " + percent + " %", key, 1, f, 100, LEVEL, LEVEL, key + ""));
                cases.add(keyCase(key + " both tones " + percent + " %", key, f, f, 100, LEVEL, LEVEL, key + ""));
            }
            for (double percent : new double[] {-3.5, 3.5}) {
                double f = 1 + percent / 100;
                cases.add(keyCase(key + " low tone " + percent + " %", key, f, 1, 100, LEVEL, LEVEL, ""));
                cases.add(keyCase(key + " high tone " + percent + " %", key, 1, f, 100, LEVEL, LEVEL, ""));
            }
        }
        for (char key : "15#D".toCharArray()) {
            for (int offset : new int[] {0, 3, 7}) {
                // where the tone falls against the receiver's 10 ms steps must not matter
                cases.add(new Case(key + " 40 ms, " + offset + " ms in", concat(silence(offset), key(key, 40)),
                        key + ""));
                cases.add(new Case(key + " 20 ms, " + offset + " ms in", concat(silence(offset), key(key, 20)), ""));
            }
            cases.add(keyCase(key + " normal twist 6 dB", key, 1, 1, 100, LEVEL, LEVEL - 6, key + ""));
            cases.add(keyCase(key + " normal twist 10 dB", key, 1, 1, 100, LEVEL, LEVEL - 10, ""));
            cases.add(keyCase(key + " reverse twist 3 dB", key, 1, 1, 100, LEVEL - 3, LEVEL, key + ""));
            cases.add(keyCase(key + " reverse twist 6 dB", key, 1, 1, 100, LEVEL - 6, LEVEL, ""));
            cases.add(keyCase(key + " at -25 dBm0 per tone", key, 1, 1, 100, -25, -25, key + ""));
            cases.add(keyCase(key + " at -45 dBm0 per tone", key, 1, 1, 100, -45, -45, ""));
        }
        cases.add(new Case("9 then 9 after a 40 ms pause", concat(key('9', 60), silence(40), key('9', 60)), "99"));
        cases.add(new Case("4, 40 ms pause, 7", concat(key('4', 50), silence(40), key('7', 50)), "47"));
        cases.add(new Case("6 with a 10 ms break", concat(key('6', 60), silence(10), key('6', 60)), "6"));
        cases.add(new Case("a 3 s press", key('0', 3000), "0"));
        cases.add(new Case("697 Hz alone", tones(100, new double[] {697}, new double[] {LEVEL}), ""));
        cases.add(new Case("1209 Hz alone", tones(100, new double[] {1209}, new double[] {LEVEL}), ""));
        cases.add(new Case("941 Hz alone", tones(100, new double[] {941}, new double[] {LEVEL}), ""));
        cases.add(new Case("1633 Hz alone", tones(100, new double[] {1633}, new double[] {LEVEL}), ""));
        cases.add(new Case("three tones 697 + 1209 + 1477 Hz",
                tones(100, new double[] {697, 1209, 1477}, new double[] {LEVEL, LEVEL, LEVEL}), ""));
        for (double pitch : new double[] {100, 116, 139, 174, 233}) {
            cases.add(new Case("voiced speech-like sound, pitch " + pitch + " Hz", voice(1000, pitch, 7), ""));
        }
        cases.add(new Case("white noise", noise(1000, 11), ""));
        return cases;
    }

    /**
     * @param audio 8 kHz samples
     * @return the digits the in-band receiver hears, in order
     */
    public static String detect(short[] audio) {
        StringBuilder heard = new StringBuilder();
        DtmfToneReceiver receiver = new DtmfToneReceiver((DtmfEvent e) -> heard.append(e.digit()));
        short[] lead = silence(100);
        short[] all = concat(lead, audio, silence(200));
        for (int at = 0; at + 160 <= all.length; at += 160) {
            short[] frame = new short[160];
            System.arraycopy(all, at, frame, 0, 160);
            receiver.write(frame);
        }
        return heard.toString();
    }

    /** @return a key's two tones at nominal frequency and {@link #LEVEL} */
    public static short[] key(char key, int millis) {
        int i = KEYS.indexOf(key);
        return tones(millis, new double[] {LOW[i / 4], HIGH[i % 4]}, new double[] {LEVEL, LEVEL});
    }

    private static Case keyCase(String name, char key, double lowFactor, double highFactor, int millis,
            double lowDbm0, double highDbm0, String expected) {
        int i = KEYS.indexOf(key);
        short[] audio = tones(millis, new double[] {LOW[i / 4] * lowFactor, HIGH[i % 4] * highFactor},
                new double[] {lowDbm0, highDbm0});
        return new Case(name, audio, expected);
    }

    /** Sines at levels in dBm0 (a full-scale sine is +3.17 dBm0), with a phase that does not start at zero. */
    static short[] tones(int millis, double[] hz, double[] dbm0) {
        short[] out = new short[millis * RATE / 1000];
        for (int n = 0; n < out.length; n++) {
            double v = 0;
            for (int k = 0; k < hz.length; k++) {
                double amplitude = 32768 * Math.pow(10, (dbm0[k] - 3.17) / 20);
                v += amplitude * Math.sin(2 * Math.PI * hz[k] * n / RATE + 0.7 * k + 0.3);
            }
            out[n] = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
        }
        return out;
    }

    /**
     * A vowel-like sound: a pitch with its harmonics shaped by the formants of an open vowel (700, 1200, 2500 Hz),
     * with a little jitter of the pitch. At 100 Hz pitch it has harmonics right at 700 and 1200 Hz, close to key 1.
     */
    static short[] voice(int millis, double pitch, long seed) {
        Random random = new Random(seed);
        short[] out = new short[millis * RATE / 1000];
        double phase = 0;
        double[] formants = {700, 1200, 2500};
        double[] widths = {110, 120, 160};
        for (int n = 0; n < out.length; n++) {
            double f0 = pitch * (1 + 0.01 * Math.sin(2 * Math.PI * 5 * n / RATE)) * (1 + 0.002 * random.nextGaussian());
            phase += 2 * Math.PI * f0 / RATE;
            double v = 0;
            for (int h = 1; h * pitch < 3800; h++) {
                double f = h * pitch;
                double gain = 0;
                for (int k = 0; k < formants.length; k++) {
                    double d = (f - formants[k]) / widths[k];
                    gain += 1 / (1 + d * d) / (k + 1);
                }
                v += gain * Math.sin(h * phase) / Math.sqrt(h);
            }
            out[n] = (short) Math.max(-32768, Math.min(32767, Math.round(3000 * v)));
        }
        return out;
    }

    static short[] noise(int millis, long seed) {
        Random random = new Random(seed);
        short[] out = new short[millis * RATE / 1000];
        for (int n = 0; n < out.length; n++) {
            out[n] = (short) Math.max(-32768, Math.min(32767, Math.round(3000 * random.nextGaussian())));
        }
        return out;
    }

    static short[] silence(int millis) {
        return new short[millis * RATE / 1000];
    }

    static short[] concat(short[]... parts) {
        int length = 0;
        for (short[] p : parts) {
            length += p.length;
        }
        short[] out = new short[length];
        int at = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
