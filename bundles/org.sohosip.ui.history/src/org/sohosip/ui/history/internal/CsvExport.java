// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.CallHistoryEntry;

/**
 * Writes call history as CSV (RFC 4180): a header row, comma-separated fields, a field in double quotes when it
 * holds a comma, a quote or a line break (quotes doubled), CRLF line ends, UTF-8, times in ISO-8601 UTC. The
 * values are the data, not the screen's wording, so spreadsheets and scripts read them the same in every language;
 * only display names that look like spreadsheet formulas are defused (see {@link #inert(String)}). The
 * {@code other_name} column holds the name the screen shows (the phonebook's, else the one the call carried).
 */
public final class CsvExport {

    /** The header row's fields. */
    public static final List<String> HEADER = List.of("direction", "other_party", "other_name", "start", "answer",
            "end", "duration_seconds", "disposition");

    private CsvExport() {
    }

    /**
     * @param entries the calls
     * @return the CSV text, header first, with the names the calls carried
     */
    public static String csv(List<CallHistoryEntry> entries) {
        return csv(entries, e -> text(e.otherDisplayName()));
    }

    /**
     * @param entries the calls
     * @param names   the name for each call's other party (empty when unknown)
     * @return the CSV text, header first
     */
    public static String csv(List<CallHistoryEntry> entries, Function<CallHistoryEntry, String> names) {
        StringBuilder b = new StringBuilder();
        row(b, HEADER);
        for (CallHistoryEntry e : entries) {
            row(b, List.of(e.direction().name().toLowerCase(Locale.ROOT), e.otherParty(),
                    inert(names.apply(e)), time(e.start()), time(e.answer()), time(e.end()),
                    Long.toString(e.durationSeconds()), e.disposition().name().toLowerCase(Locale.ROOT)));
        }
        return b.toString();
    }

    /**
     * Writes the file completely or not at all: a half-written export never replaces an earlier one.
     *
     * @param file    where to write
     * @param entries the calls
     * @param names   the name for each call's other party (empty when unknown)
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, List<CallHistoryEntry> entries, Function<CallHistoryEntry, String> names)
            throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, ".sohosip-export", ".tmp");
        try {
            Files.writeString(tmp, csv(entries, names), StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void row(StringBuilder b, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(quote(fields.get(i)));
        }
        b.append("\r\n");
    }

    /**
     * @param field a field's value
     * @return the value as RFC 4180 wants it
     */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * A display name comes from the other side's phone, so anybody can choose it: one that starts like a formula
     * ({@code =}, {@code +}, {@code -}, {@code @}) gets a leading apostrophe so that a spreadsheet shows it as text
     * instead of running it. Numbers and times are ours and stay exactly as they are.
     *
     * @param name a display name
     * @return the name, safe to open in a spreadsheet
     */
    public static String inert(String name) {
        return !name.isEmpty() && "=+-@\t\r".indexOf(name.charAt(0)) >= 0 ? "'" + name : name;
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static String time(@Nullable Instant t) {
        return t == null ? "" : t.toString();
    }
}
