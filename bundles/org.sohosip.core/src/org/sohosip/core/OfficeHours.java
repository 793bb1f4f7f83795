// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Office hours as administrators write them for an inbound number: day ranges with time ranges, groups separated by
 * ';', e.g. {@code Mon-Fri 08:30-12:00,13:30-18:00; Sat 09:00-12:00}. Shared by the server (which routes by them)
 * and the client (which checks them as they are typed).
 *
 * @since 0.1
 */
public final class OfficeHours {

    private static final Pattern GROUP = Pattern.compile(
            "(?i)\\s*([a-z]{3})(?:\\s*-\\s*([a-z]{3}))?\\s+(\\d{2}:\\d{2}\\s*-\\s*\\d{2}:\\d{2}(?:\\s*,\\s*\\d{2}:\\d{2}"
                    + "\\s*-\\s*\\d{2}:\\d{2})*)\\s*");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private record Span(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    }

    private final List<Span> spans;

    private OfficeHours(List<Span> spans) {
        this.spans = spans;
    }

    /**
     * @param text the hours, e.g. {@code Mon-Fri 08:30-18:00}
     * @return the parsed hours
     * @throws IllegalArgumentException with a message for people when the text does not follow the syntax
     */
    public static OfficeHours parse(String text) {
        List<Span> spans = new ArrayList<>();
        for (String group : text.split(";")) {
            if (group.isBlank()) {
                continue;
            }
            Matcher m = GROUP.matcher(group);
            if (!m.matches()) {
                throw new IllegalArgumentException("Write office hours as days and times, e.g. 'Mon-Fri 08:30-18:00'"
                        + " or 'Mon-Fri 08:30-12:00,13:30-18:00; Sat 09:00-12:00'; '" + group.strip()
                        + "' does not fit.");
            }
            Set<DayOfWeek> days = days(m.group(1), m.group(2) == null ? m.group(1) : m.group(2));
            for (String range : m.group(3).split(",")) {
                String[] ends = range.split("-");
                LocalTime from = time(ends[0].strip());
                LocalTime to = time(ends[1].strip());
                if (!from.isBefore(to)) {
                    throw new IllegalArgumentException("In '" + range.strip() + "' the start must come before the"
                            + " end (hours that pass midnight are two ranges).");
                }
                spans.add(new Span(days, from, to));
            }
        }
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one range, e.g. 'Mon-Fri 08:30-18:00'.");
        }
        return new OfficeHours(List.copyOf(spans));
    }

    /** @return whether {@code when} (in the office's zone) falls into the hours; the end minute is outside */
    public boolean contains(ZonedDateTime when) {
        LocalTime time = when.toLocalTime();
        return spans.stream().anyMatch(s -> s.days.contains(when.getDayOfWeek()) && !time.isBefore(s.from)
                && time.isBefore(s.to));
    }

    private static Set<DayOfWeek> days(String first, String last) {
        int a = DAYS.indexOf(first.toLowerCase(Locale.ROOT));
        int b = DAYS.indexOf(last.toLowerCase(Locale.ROOT));
        if (a < 0 || b < 0) {
            throw new IllegalArgumentException("Days are Mon, Tue, Wed, Thu, Fri, Sat and Sun; '"
                    + (a < 0 ? first : last) + "' is not one of them.");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = a;; i = (i + 1) % 7) { // Fri-Mon wraps over the weekend
            days.add(DayOfWeek.of(i + 1));
            if (i == b) {
                return days;
            }
        }
    }

    private static LocalTime time(String hhmm) {
        int h = Integer.parseInt(hhmm.substring(0, 2));
        int m = Integer.parseInt(hhmm.substring(3, 5));
        if (h == 24 && m == 0) {
            return LocalTime.MAX;
        }
        if (h > 23 || m > 59) {
            throw new IllegalArgumentException("'" + hhmm + "' is not a time of day (00:00 to 24:00).");
        }
        return LocalTime.of(h, m);
    }
}
