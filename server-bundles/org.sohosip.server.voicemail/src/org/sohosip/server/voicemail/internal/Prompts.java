// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The recorded prompts shipped in the bundle ({@code prompts/<language>/<name>.wav}, made by
 * {@code releng/prompts/generate}), and the sentences made of them: digits, numbers, dates and times. Languages are
 * {@code en} and {@code zh-TW}; anything else speaks English.
 */
final class Prompts {

    static final String ENGLISH = "en";
    static final String CHINESE = "zh-TW";

    private final Function<String, @Nullable URL> entries;
    private final ConcurrentMap<String, short[]> cache = new ConcurrentHashMap<>();

    /** @param entries finds a bundle entry by path (e.g. {@code Bundle::getEntry}) */
    Prompts(Function<String, @Nullable URL> entries) {
        this.entries = entries;
    }

    /** @return the prompt's samples; a missing prompt is an empty clip (and a packaging error) */
    short[] clip(String language, String name) {
        String lang = CHINESE.equals(language) ? CHINESE : ENGLISH;
        return cache.computeIfAbsent(lang + "/" + name, this::load);
    }

    private short[] load(String path) {
        URL url = entries.apply("prompts/" + path + ".wav");
        if (url == null) {
            throw new IllegalStateException("The voicemail prompt " + path + " is missing from the bundle");
        }
        try (InputStream in = url.openStream()) {
            return Pcm.fromWav(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("The voicemail prompt " + path + " cannot be read", e);
        }
    }

    /** A sentence being put together from prompts. */
    final class Sentence {
        private final String language;
        private final List<short[]> clips = new ArrayList<>();

        Sentence(String language) {
            this.language = language;
        }

        Sentence say(String... names) {
            for (String name : names) {
                clips.add(clip(language, name));
            }
            return this;
        }

        Sentence audio(short[] samples) {
            clips.add(samples);
            return this;
        }

        /** Digit by digit, as extensions and PINs are read. */
        Sentence digits(String digits) {
            for (char c : digits.toCharArray()) {
                if (c >= '0' && c <= '9') {
                    say("n" + c);
                }
            }
            return this;
        }

        /** A number from 0 to 59 as a word; larger ones digit by digit. */
        Sentence number(int n) {
            return n >= 0 && n < 60 ? say("n" + n) : digits(Integer.toString(n));
        }

        /** "March 3 at 2 45 PM" in English, "3月 3日 下午 2點 45分" in Chinese. */
        Sentence dateTime(Instant when, ZoneId zone) {
            ZonedDateTime t = when.atZone(zone);
            int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            String half = t.getHour() < 12 ? "am" : "pm";
            say("month" + t.getMonthValue(), "day" + t.getDayOfMonth());
            if (CHINESE.equals(language)) {
                say(half).number(hour12).say("oclock").number(t.getMinute()).say("minutes");
            } else {
                say("at").number(hour12);
                if (t.getMinute() > 0) {
                    if (t.getMinute() < 10) {
                        say("n0");
                    }
                    number(t.getMinute());
                } else {
                    say("oclock");
                }
                say(half);
            }
            return this;
        }

        List<short[]> clips() {
            return List.copyOf(clips);
        }
    }

    Sentence in(String language) {
        return new Sentence(language);
    }
}
