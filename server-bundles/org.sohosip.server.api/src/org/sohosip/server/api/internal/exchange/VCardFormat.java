// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneType;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ImportProblem;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.ParseWarning;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.FormattedName;
import ezvcard.property.Impp;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Title;
import ezvcard.util.TelUri;

/**
 * vCard files: reads 2.1, 3.0 and 4.0 (folded lines, QUOTED-PRINTABLE, {@code TEL;VALUE=uri}; photos and other
 * properties are skipped), writes 3.0 or 4.0. What a card carries beyond the standard properties (the favourite
 * flag) travels as {@value #FAVOURITE}.
 */
public final class VCardFormat {

    /** Extended property carrying the favourite flag. */
    static final String FAVOURITE = "X-SOHOSIP-FAVOURITE";

    private VCardFormat() {
    }

    /**
     * @param text      the whole file
     * @param cancelled checked between cards
     * @return one entry per card, in file order
     */
    public static List<Entry> read(String text, BooleanSupplier cancelled) {
        List<Integer> starts = cardStarts(text);
        List<Entry> entries = new ArrayList<>();
        try (VCardReader reader = new VCardReader(text)) {
            reader.setCaretDecodingEnabled(true);
            VCard card;
            int index = 0;
            while ((card = reader.readNext()) != null) {
                if (cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException();
                }
                int line = index < starts.size() ? starts.get(index) : 1;
                index++;
                List<ImportProblem> problems = new ArrayList<>();
                for (ParseWarning w : reader.getWarnings()) {
                    Integer at = w.getLineNumber();
                    problems.add(new ImportProblem(at == null ? line : at, warning(w), false));
                }
                entries.add(toEntry(card, line, problems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static String warning(ParseWarning w) {
        String property = w.getPropertyName();
        String message = w.getMessage();
        return (property == null ? "" : property + ": ") + (message == null ? "unreadable line" : message)
                + " (line ignored)";
    }

    /** @return the 1-based line of each {@code BEGIN:VCARD}, in order */
    static List<Integer> cardStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        int line = 1;
        int from = 0;
        while (from <= text.length()) {
            int end = text.indexOf('\n', from);
            String content = text.substring(from, end < 0 ? text.length() : end).strip();
            if (content.equalsIgnoreCase("BEGIN:VCARD")) {
                starts.add(line);
            }
            if (end < 0) {
                break;
            }
            from = end + 1;
            line++;
        }
        return starts;
    }

    private static Entry toEntry(VCard card, int line, List<ImportProblem> problems) {
        String company = "";
        Organization org = card.getOrganization();
        if (org != null && !org.getValues().isEmpty()) {
            company = org.getValues().stream().filter(v -> v != null && !v.isBlank()).collect(
                    Collectors.joining(", "));
        }
        String name = name(card);
        if (name.isEmpty()) {
            name = company;
        }
        if (name.isEmpty()) {
            problems.add(new ImportProblem(line, "The card has no name (FN, N or ORG): left out.", true));
            return new Entry(line, null, problems);
        }
        String title = card.getTitles().stream().map(Title::getValue).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse("");
        List<PhoneNumber> numbers = new ArrayList<>();
        for (Telephone tel : card.getTelephoneNumbers()) {
            String number = number(tel);
            if (number != null && !number.isBlank()) {
                String types = tel.getTypes().stream().map(TelephoneType::getValue).collect(Collectors.joining(","));
                numbers.add(PhoneNumber.of(Labels.type(types), number.strip()));
            }
        }
        List<String> emails = card.getEmails().stream().map(Email::getValue).filter(v -> v != null && !v.isBlank())
                .map(String::strip).toList();
        String sip = "";
        for (Impp impp : card.getImpps()) {
            if (impp.getUri() != null && "sip".equalsIgnoreCase(impp.getProtocol())) {
                sip = impp.getUri().toString();
                break;
            }
        }
        String notes = card.getNotes().stream().map(Note::getValue).filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining("\n"));
        List<String> groups = new ArrayList<>();
        for (Categories categories : card.getCategoriesList()) {
            categories.getValues().stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                    .filter(v -> !groups.contains(v)).forEach(groups::add);
        }
        RawProperty favourite = card.getExtendedProperty(FAVOURITE);
        boolean fav = favourite != null && favourite.getValue() != null
                && List.of("true", "1", "yes").contains(favourite.getValue().strip().toLowerCase(Locale.ROOT));
        return new Entry(line, new ContactData(name, company, title, numbers, emails, sip, notes, fav, groups, null),
                problems);
    }

    private static String name(VCard card) {
        FormattedName fn = card.getFormattedName();
        if (fn != null && fn.getValue() != null && !fn.getValue().isBlank()) {
            return fn.getValue().strip();
        }
        StructuredName n = card.getStructuredName();
        if (n == null) {
            return "";
        }
        List<String> parts = new ArrayList<>(n.getPrefixes());
        if (n.getGiven() != null) {
            parts.add(n.getGiven());
        }
        parts.addAll(n.getAdditionalNames());
        if (n.getFamily() != null) {
            parts.add(n.getFamily());
        }
        parts.addAll(n.getSuffixes());
        return parts.stream().filter(p -> p != null && !p.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
    }

    private static @Nullable String number(Telephone tel) {
        if (tel.getText() != null) {
            return tel.getText();
        }
        TelUri uri = tel.getUri();
        if (uri == null) {
            return null;
        }
        return uri.getExtension() == null ? uri.getNumber() : uri.getNumber() + " ext. " + uri.getExtension();
    }

    /** @return the contacts as one vCard file of the given version (3.0 or 4.0) */
    public static String write(List<Contact> contacts, VCardVersion version) {
        List<VCard> cards = new ArrayList<>(contacts.size());
        for (Contact c : contacts) {
            VCard card = new VCard();
            card.setFormattedName(c.displayName());
            StructuredName n = new StructuredName();
            n.setFamily(c.displayName()); // 3.0 requires N; readers take FN first
            card.setStructuredName(n);
            if (!c.company().isEmpty()) {
                card.setOrganization(c.company());
            }
            if (!c.title().isEmpty()) {
                card.addTitle(c.title());
            }
            for (PhoneNumber number : c.numbers()) {
                Telephone tel = new Telephone(number.number());
                tel.getTypes().add(telType(number.type()));
                card.addTelephoneNumber(tel);
            }
            c.emails().forEach(e -> card.addEmail(e));
            if (!c.sipAddress().isEmpty()) {
                card.addImpp(new Impp(c.sipAddress()));
            }
            if (!c.notes().isEmpty()) {
                card.addNote(c.notes());
            }
            if (!c.groups().isEmpty()) {
                card.setCategories(c.groups().toArray(String[]::new));
            }
            if (c.favourite()) {
                card.addExtendedProperty(FAVOURITE, "true");
            }
            cards.add(card);
        }
        return Ezvcard.write(cards).version(version).prodId(false).go();
    }

    private static TelephoneType telType(PhoneType type) {
        return switch (type) {
        case EXTENSION -> TelephoneType.get(Labels.EXTENSION);
        case OFFICE -> TelephoneType.WORK;
        case MOBILE -> TelephoneType.CELL;
        case HOME -> TelephoneType.HOME;
        case FAX -> TelephoneType.FAX;
        case OTHER -> TelephoneType.VOICE;
        };
    }
}
