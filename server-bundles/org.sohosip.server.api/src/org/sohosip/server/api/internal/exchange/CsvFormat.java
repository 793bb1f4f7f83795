// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneType;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ImportProblem;

/**
 * CSV with a header row. Reads the columns of this product's own export (which are Google's names), of Google
 * Contacts exports (old and new: {@code Name}/{@code Given Name}/{@code First Name}, {@code Phone 1 - Type/Label},
 * {@code Phone 1 - Value} with {@code " ::: "} between several values, {@code Group Membership}/{@code Labels}) and
 * of Outlook exports ({@code First Name}, {@code Last Name}, {@code Company}, {@code Job Title},
 * {@code Business Phone}, {@code Mobile Phone}, {@code E-mail Address}, {@code Categories} ...). Header names are
 * matched without regard to case; unknown columns are ignored.
 */
public final class CsvFormat {

    private static final String MULTI = " ::: ";
    private static final Pattern PHONE_VALUE = Pattern.compile("phone (\\d+) - value");
    private static final Pattern EMAIL_VALUE = Pattern.compile("e-mail (\\d+) - value");
    /** Outlook's fixed phone columns and the type each stands for. */
    private static final Map<String, PhoneType> OUTLOOK_PHONES = new LinkedHashMap<>();

    static {
        for (String c : List.of("business phone", "business phone 2", "company main phone", "assistant's phone")) {
            OUTLOOK_PHONES.put(c, PhoneType.OFFICE);
        }
        OUTLOOK_PHONES.put("mobile phone", PhoneType.MOBILE);
        OUTLOOK_PHONES.put("home phone", PhoneType.HOME);
        OUTLOOK_PHONES.put("home phone 2", PhoneType.HOME);
        for (String c : List.of("business fax", "home fax", "other fax")) {
            OUTLOOK_PHONES.put(c, PhoneType.FAX);
        }
        for (String c : List.of("primary phone", "other phone", "car phone", "pager", "radio phone", "callback")) {
            OUTLOOK_PHONES.put(c, PhoneType.OTHER);
        }
    }

    private CsvFormat() {
    }

    /**
     * @param text the whole file, byte order mark already removed
     * @return one entry per data row
     */
    public static List<Entry> read(String text, BooleanSupplier cancelled) {
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.parse(text, CsvRows.separator(text));
        } catch (CsvRows.UnclosedQuote e) {
            return List.of(new Entry(e.line, null, List.of(new ImportProblem(e.line, e.getMessage()
                    + " Nothing after it can be read.", true))));
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        List<Entry> entries = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            if (row.fields().stream().allMatch(String::isBlank)) {
                continue;
            }
            entries.add(entry(header, row));
        }
        return entries;
    }

    private static Entry entry(List<String> header, CsvRows.Row row) {
        List<ImportProblem> problems = new ArrayList<>();
        if (row.fields().size() > header.size()) {
            problems.add(new ImportProblem(row.line(), "The row has " + row.fields().size() + " fields but the header"
                    + " names only " + header.size() + ": the extra fields are ignored.", false));
        }
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < row.fields().size(); i++) {
            v.putIfAbsent(header.get(i), row.fields().get(i).strip());
        }
        String company = first(v, "organization 1 - name", "organization name", "company", "organization");
        String name = first(v, "name", "display name", "full name");
        if (name.isEmpty()) {
            name = String.join(" ", List.of(first(v, "given name", "first name"),
                    first(v, "additional name", "middle name"), first(v, "family name", "last name"),
                    first(v, "name suffix", "suffix"))).replaceAll("\\s+", " ").strip();
        }
        if (name.isEmpty()) {
            name = company;
        }
        if (name.isEmpty()) {
            problems.add(new ImportProblem(row.line(), "The row has no name and no company: left out.", true));
            return new Entry(row.line(), null, problems);
        }
        List<PhoneNumber> numbers = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (Map.Entry<String, String> e : v.entrySet()) {
            Matcher phone = PHONE_VALUE.matcher(e.getKey());
            Matcher email = EMAIL_VALUE.matcher(e.getKey());
            if (phone.matches()) {
                String label = first(v, "phone " + phone.group(1) + " - type", "phone " + phone.group(1) + " - label");
                split(e.getValue()).forEach(n -> numbers.add(PhoneNumber.of(Labels.type(label), n)));
            } else if (email.matches()) {
                emails.addAll(split(e.getValue()));
            } else if (OUTLOOK_PHONES.containsKey(e.getKey()) && !e.getValue().isEmpty()) {
                numbers.add(PhoneNumber.of(OUTLOOK_PHONES.get(e.getKey()), e.getValue()));
            } else if (e.getKey().matches("e-mail( \\d)? address|email|e-mail") && !e.getValue().isEmpty()) {
                emails.add(e.getValue());
            }
        }
        boolean favourite = List.of("true", "yes", "1").contains(first(v, "favourite", "favorite", "starred")
                .toLowerCase(Locale.ROOT));
        List<String> groups = new ArrayList<>();
        for (String g : split(first(v, "group membership", "labels"))) {
            if (g.equalsIgnoreCase("* starred")) {
                favourite = true;
            } else if (!g.startsWith("* ")) { // Google's system groups such as "* myContacts"
                groups.add(g);
            }
        }
        Arrays.stream(first(v, "categories").split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .filter(s -> !groups.contains(s)).forEach(groups::add);
        return new Entry(row.line(), new ContactData(name, company, first(v, "organization 1 - title",
                "organization title", "job title"), numbers, emails, first(v, "sip address"), first(v, "notes"),
                favourite, groups, null), problems);
    }

    private static String first(Map<String, String> values, String... names) {
        for (String name : names) {
            String value = values.get(name);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "";
    }

    private static List<String> split(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(Pattern.quote(MULTI.strip()))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** @return the contacts as CSV with a header row, UTF-8 text without byte order mark, CRLF line ends */
    public static String write(List<Contact> contacts) {
        int phones = Math.max(1, contacts.stream().mapToInt(c -> c.numbers().size()).max().orElse(0));
        int mails = Math.max(1, contacts.stream().mapToInt(c -> c.emails().size()).max().orElse(0));
        List<String> header = new ArrayList<>(List.of("Name", "Organization 1 - Name", "Organization 1 - Title"));
        for (int i = 1; i <= phones; i++) {
            header.add("Phone " + i + " - Type");
            header.add("Phone " + i + " - Value");
        }
        for (int i = 1; i <= mails; i++) {
            header.add("E-mail " + i + " - Value");
        }
        header.addAll(List.of("SIP Address", "Notes", "Favourite", "Group Membership"));
        StringBuilder out = new StringBuilder(CsvRows.line(header)).append("\r\n");
        for (Contact c : contacts) {
            List<String> row = new ArrayList<>(List.of(c.displayName(), c.company(), c.title()));
            for (int i = 0; i < phones; i++) {
                PhoneNumber n = i < c.numbers().size() ? c.numbers().get(i) : null;
                row.add(n == null ? "" : Labels.csvLabel(n.type()));
                row.add(n == null ? "" : n.number());
            }
            for (int i = 0; i < mails; i++) {
                row.add(i < c.emails().size() ? c.emails().get(i) : "");
            }
            row.addAll(List.of(c.sipAddress(), c.notes(), c.favourite() ? "true" : "", String.join(MULTI,
                    c.groups())));
            out.append(CsvRows.line(row)).append("\r\n");
        }
        return out.toString();
    }
}
