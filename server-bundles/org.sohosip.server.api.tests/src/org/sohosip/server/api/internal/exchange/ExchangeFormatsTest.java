// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneType;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ImportProblem;

import ezvcard.VCardVersion;

/** Reading real-world vCard and CSV files, and writing files that read back the same. */
class ExchangeFormatsTest {

    static String file(String name) throws IOException {
        try (InputStream in = ExchangeFormatsTest.class.getResourceAsStream("/testdata/" + name)) {
            assertNotNull(in, name);
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
    }

    private static List<Entry> vcards(String name) throws IOException {
        return VCardFormat.read(file(name), () -> false);
    }

    private static ContactData only(Entry entry) {
        assertNotNull(entry.contact(), () -> "entry at line " + entry.line() + ": " + entry.problems());
        return entry.contact();
    }

    @Test
    void androidAndOutlook21QuotedPrintableInTwoCharsetsAndPhotoIgnored() throws IOException {
        List<Entry> entries = vcards("android-outlook-2.1.vcf");
        assertEquals(2, entries.size());
        ContactData chen = only(entries.get(0));
        assertEquals(1, entries.get(0).line());
        assertEquals("陳志明", chen.displayName());
        assertEquals(List.of(PhoneNumber.of(PhoneType.MOBILE, "0912-345-678"),
                PhoneNumber.of(PhoneType.OFFICE, "(02) 2345-6789")), chen.numbers());
        assertEquals(List.of("chen@example.com.tw"), chen.emails());
        assertEquals("第一行\r\n第二行", chen.notes());
        ContactData juergen = only(entries.get(1));
        assertEquals("Jürgen Müller", juergen.displayName(), "ISO-8859-1 quoted-printable");
        assertEquals("Beispiel GmbH, Vertrieb", juergen.company());
        assertEquals("Verkaufsleiter", juergen.title());
        assertEquals(List.of(PhoneNumber.of(PhoneType.OFFICE, "+49 30 1234567"),
                PhoneNumber.of(PhoneType.FAX, "+49 30 1234568")), juergen.numbers());
        assertEquals("Erste Zeile mit einem sehr langen Text, der umbrochen wird und weitergeht.", juergen.notes(),
                "quoted-printable soft line break");
    }

    @Test
    void iPhone30FoldingGroupsImppAndPhoto() throws IOException {
        List<Entry> entries = vcards("ios-3.0.vcf");
        assertEquals(2, entries.size());
        ContactData elodie = only(entries.get(0));
        assertEquals("Élodie Lefèvre", elodie.displayName());
        assertEquals("Café Crème SARL", elodie.company());
        assertEquals("Gérante", elodie.title());
        assertEquals(List.of(PhoneNumber.of(PhoneType.OTHER, "+33 1 42 68 53 00"),
                PhoneNumber.of(PhoneType.MOBILE, "+33 6 12 34 56 78")), elodie.numbers());
        assertEquals("sip:elodie@cafe-creme.example", elodie.sipAddress());
        assertEquals("Ouverte du mardi au samedi, fermée en août.\nDeuxième ligne très longue qui est pliée.",
                elodie.notes(), "escapes and a fold in the middle of a word");
        assertEquals(List.of("Fournisseurs", "Paris"), elodie.groups());
        ContactData bjorn = only(entries.get(1));
        assertEquals("Björn Åberg", bjorn.displayName(), "3.0 quoted-printable");
        assertEquals(20, entries.get(1).line());
    }

    @Test
    void vCard40TelephoneUris() throws IOException {
        ContactData kenji = only(vcards("nextcloud-4.0.vcf").get(0));
        assertEquals("Kenji Tanaka", kenji.displayName());
        assertEquals(List.of(PhoneNumber.of(PhoneType.MOBILE, "+81-90-1234-5678"),
                PhoneNumber.of(PhoneType.OFFICE, "+81-3-1234-5678 ext. 204")), kenji.numbers());
        assertEquals("sip:kenji@example.jp", kenji.sipAddress());
        assertEquals(List.of("Partners"), kenji.groups());
    }

    @Test
    void malformedLinesAreReportedWithTheirLineNumbers() throws IOException {
        List<Entry> entries = vcards("malformed.vcf");
        assertEquals(3, entries.size());
        assertEquals("Good One", only(entries.get(0)).displayName());
        assertTrue(entries.get(0).problems().stream().anyMatch(p -> p.line() == 5 && !p.skipsEntry()),
                () -> "line 5 has no colon: " + entries.get(0).problems());
        assertNull(entries.get(1).contact());
        assertEquals(List.of(new ImportProblem(7, "The card has no name (FN, N or ORG): left out.", true)),
                entries.get(1).problems());
        assertEquals(11, entries.get(2).line());
    }

    @Test
    void googleCsvWithByteOrderMarkSeveralValuesAndGroups() throws IOException {
        List<Entry> entries = CsvFormat.read(file("google.csv"), () -> false);
        assertEquals(3, entries.size());
        ContactData ana = only(entries.get(0));
        assertEquals("Ana Souza", ana.displayName());
        assertEquals("Souza Ltda", ana.company());
        assertEquals("Diretora", ana.title());
        assertEquals("Met at the fair, 2024\nsecond line", ana.notes(), "a quoted field across two lines");
        assertEquals(List.of(PhoneNumber.of(PhoneType.MOBILE, "+55 11 91234-5678"),
                PhoneNumber.of(PhoneType.MOBILE, "+55 11 98765-4321"), PhoneNumber.of(PhoneType.OFFICE,
                        "0223456789")), ana.numbers());
        assertEquals(List.of("ana@example.com.br"), ana.emails());
        assertEquals(List.of("Clients"), ana.groups());
        assertTrue(ana.favourite(), "* starred");
        assertNull(entries.get(1).contact(), "a row without any name");
        assertEquals(4, entries.get(1).line(), "line numbers count the line break inside the quoted notes");
        assertTrue(entries.get(1).problems().get(0).skipsEntry());
        assertEquals(List.of("Family"), only(entries.get(2)).groups());
    }

    @Test
    void outlookCsv() throws IOException {
        ContactData sven = only(CsvFormat.read(file("outlook.csv"), () -> false).get(0));
        assertEquals("Sven Olsen", sven.displayName(), "'Title' is Outlook's Mr./Ms., not a job title");
        assertEquals("Nordic Fish AS", sven.company());
        assertEquals("Innkjøper", sven.title());
        assertEquals(List.of(PhoneNumber.of(PhoneType.MOBILE, "+47 912 34 567"),
                PhoneNumber.of(PhoneType.OFFICE, "+47 22 12 34 56"), PhoneNumber.of(PhoneType.FAX, "+47 22 12 34 57")),
                sven.numbers().stream().sorted((a, b) -> a.type().compareTo(b.type()) == 0 ? 0
                        : order(a.type()) - order(b.type())).toList());
        assertEquals(List.of("sven.olsen@example.no"), sven.emails());
        assertEquals(List.of("Suppliers", "Norway"), sven.groups());
        assertEquals("Prefers e-mail", sven.notes());
    }

    private static int order(PhoneType t) {
        return List.of(PhoneType.MOBILE, PhoneType.OFFICE, PhoneType.FAX).indexOf(t);
    }

    @Test
    void csvWithoutByteOrderMarkSemicolonsAndAnUnclosedQuote() {
        List<Entry> entries = CsvFormat.read("Name;Mobile Phone\nAda;0911 000 111\n", () -> false);
        assertEquals("Ada", only(entries.get(0)).displayName());
        List<Entry> broken = CsvFormat.read("Name,Notes\nBea,\"open\nstill open\n", () -> false);
        assertEquals(1, broken.size());
        assertEquals(2, broken.get(0).problems().get(0).line());
    }

    @Test
    void exportThenImportLosesNothing() {
        Contact full = new Contact(7, "Zoë \"Zee\" O'Brien, Jr.", "Acme; Inc.", "Head of R&D",
                List.of(new PhoneNumber(PhoneType.EXTENSION, "3301", "3301"),
                        new PhoneNumber(PhoneType.OFFICE, "(02) 2345-6789", "+886223456789"),
                        new PhoneNumber(PhoneType.MOBILE, "+886 912 345 678", "+886912345678"),
                        new PhoneNumber(PhoneType.HOME, "02 8765 4321", "+886287654321"),
                        new PhoneNumber(PhoneType.FAX, "02 2345 6790", "+886223456790"),
                        new PhoneNumber(PhoneType.OTHER, "0800 000 123", "+886800000123"),
                        new PhoneNumber(PhoneType.MOBILE, "0933 111 222", "+886933111222")),
                List.of("zoe@example.org", "z.obrien@example.com"), "sip:zoe@example.org",
                "Line one, with comma; and semicolon\nLine two: \"quoted\" \\ backslash\n第三行 ünïcödé", true,
                List.of("VIP", "R&D, Lab", "Friends"), Instant.EPOCH, Instant.EPOCH, 3);
        Contact plain = new Contact(8, "Plain", "", "", List.of(), List.of(), "", "", false, List.of(),
                Instant.EPOCH, Instant.EPOCH, 1);
        ContactData expected = data(full);
        for (VCardVersion version : List.of(VCardVersion.V3_0, VCardVersion.V4_0)) {
            List<Entry> back = VCardFormat.read(VCardFormat.write(List.of(full, plain), version), () -> false);
            assertEquals(List.of(expected, data(plain)), back.stream().map(ExchangeFormatsTest::only).toList(),
                    version.toString());
            back.forEach(e -> assertTrue(e.problems().isEmpty(), e.problems().toString()));
        }
        List<Entry> csv = CsvFormat.read(CsvFormat.write(List.of(full, plain)), () -> false);
        assertEquals(List.of(expected, data(plain)), csv.stream().map(ExchangeFormatsTest::only).toList(), "CSV");
    }

    @Test
    void readingStopsWhenCancelled() throws IOException {
        String text = file("ios-3.0.vcf");
        assertThrows(CancellationException.class, () -> VCardFormat.read(text, () -> true));
        assertFalse(VCardFormat.read(text, () -> false).isEmpty());
    }

    private static ContactData data(Contact c) {
        return new ContactData(c.displayName(), c.company(), c.title(), c.numbers().stream()
                .map(n -> PhoneNumber.of(n.type(), n.number())).toList(), c.emails(), c.sipAddress(), c.notes(),
                c.favourite(), c.groups(), null);
    }
}
