// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.sohosip.core.Contact;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.api.ImportResult;
import org.sohosip.server.api.internal.exchange.CsvFormat;
import org.sohosip.server.api.internal.exchange.VCardFormat;
import org.sohosip.server.store.ContactStore;

import ezvcard.VCardVersion;

/**
 * Import (preview, then apply) and export of the caller's phonebook. The file travels as the request body with its
 * own media type; apply stores all new entries in one transaction, or none.
 */
final class ImportHandlers {

    private final ContactStore contacts;
    private final ContactValidator validator;

    ImportHandlers(ContactStore contacts, PhoneNumberRules rules) {
        this.contacts = contacts;
        this.validator = new ContactValidator(rules);
    }

    /** {@code POST /contacts/import/preview}. */
    void preview(Exchange exchange) throws IOException {
        exchange.respond(200, plan(exchange).preview());
    }

    /** {@code POST /contacts/import}. */
    void apply(Exchange exchange) throws IOException {
        ImportPlan plan = plan(exchange);
        List<Contact> created = plan.newContacts.isEmpty() ? List.of()
                : contacts.createAll(ContactHandlers.owner(exchange), plan.newContacts);
        exchange.respond(200, new ImportResult(created.size(), plan.duplicates, plan.invalid));
    }

    /** {@code GET /contacts/export?format=vcard3|vcard4|csv}. */
    void export(Exchange exchange) throws IOException {
        String format = exchange.query("format");
        String f = format == null || format.isEmpty() ? "vcard3" : format.toLowerCase(Locale.ROOT);
        List<Contact> all = contacts.all(ContactHandlers.owner(exchange));
        switch (f) {
        case "vcard3", "vcard4" -> exchange.respondFile("text/vcard;charset=UTF-8", "contacts.vcf",
                VCardFormat.write(all, f.equals("vcard3") ? VCardVersion.V3_0 : VCardVersion.V4_0)
                        .getBytes(StandardCharsets.UTF_8));
        case "csv" -> exchange.respondFile("text/csv;charset=UTF-8", "contacts.csv",
                CsvFormat.write(all).getBytes(StandardCharsets.UTF_8));
        default -> throw ApiException.invalidField("format", "format is vcard3, vcard4 or csv.");
        }
    }

    private ImportPlan plan(Exchange exchange) {
        boolean vcard = isVCard(exchange.contentType(), exchange.upload());
        // A client that gives up (the user cancelled) closes the connection; nothing has been stored by then.
        return ImportPlan.of(exchange.upload(), vcard, contacts.matchKeys(ContactHandlers.owner(exchange)), validator,
                () -> Thread.currentThread().isInterrupted());
    }

    /** @return whether the upload is a vCard file: by media type, or by its first line for text/plain */
    static boolean isVCard(String contentType, byte[] upload) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (type.equals("text/csv") || type.equals("text/comma-separated-values")) {
            return false;
        }
        if (type.equals("text/vcard") || type.equals("text/x-vcard") || type.equals("text/directory")) {
            return true;
        }
        String head = new String(upload, 0, Math.min(upload.length, 64), StandardCharsets.UTF_8).replace("\uFEFF",
                "").stripLeading();
        return head.regionMatches(true, 0, "BEGIN:VCARD", 0, 11);
    }
}
