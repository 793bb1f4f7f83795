// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields may hold the separator, doubled quotes and line breaks. Each row remembers the line it
 * starts on, so problems can name it.
 */
final class CsvRows {

    /** A row and the 1-based line it starts on. */
    record Row(int line, List<String> fields) {
    }

    /** A quote that is never closed: the rest of the file cannot be split into rows. */
    static final class UnclosedQuote extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        UnclosedQuote(int line) {
            super("A quoted field opened on line " + line + " is never closed.", null, false, false);
            this.line = line;
        }
    }

    private CsvRows() {
    }

    /** @return the separator of the header line: ';' or tab when the header holds those and no comma, else ',' */
    static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        if (header.indexOf(',') < 0) {
            if (header.indexOf(';') >= 0) {
                return ';';
            }
            if (header.indexOf('\t') >= 0) {
                return '\t';
            }
        }
        return ',';
    }

    static List<Row> parse(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    // CRLF inside a quoted field is one line break, kept as LF
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                quoteLine = line;
                any = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\r') {
                // part of CRLF; a lone CR is dropped too
            } else if (c == '\n') {
                end(rows, fields, field, rowLine, any);
                fields = new ArrayList<>();
                any = false;
                line++;
                rowLine = line;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new UnclosedQuote(quoteLine);
        }
        end(rows, fields, field, rowLine, any);
        return rows;
    }

    private static void end(List<Row> rows, List<String> fields, StringBuilder field, int line, boolean any) {
        if (any || field.length() > 0) {
            fields.add(field.toString());
            rows.add(new Row(line, List.copyOf(fields)));
        }
        field.setLength(0);
    }

    /** @return the row as one CSV line (fields quoted when they need it), without the line break */
    static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String f = fields.get(i);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0
                    || f.startsWith(" ") || f.endsWith(" ")) {
                out.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                out.append(f);
            }
        }
        return out.toString();
    }
}
