// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Contact;
import org.sohosip.core.ContactRules;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.api.ContactConflict;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.ContactPage;
import org.sohosip.server.store.ContactStore;
import org.sohosip.server.store.NoSuchContactException;
import org.sohosip.server.store.StaleContactException;

/**
 * The caller's own phonebook. The owner is always the authenticated caller: no request names an owner, so nobody can
 * reach another user's contacts, and another user's contact id answers exactly like an id that does not exist (404).
 */
final class ContactHandlers {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private final ContactStore contacts;
    private final ContactValidator validator;
    private final PhoneNumberRules rules;

    ContactHandlers(ContactStore contacts, PhoneNumberRules rules) {
        this.contacts = contacts;
        this.rules = rules;
        this.validator = new ContactValidator(rules);
    }

    /** {@code GET /contacts?q=&sort=&offset=&limit=}. */
    void list(Exchange exchange) throws IOException {
        String q = exchange.query("q");
        String query = q == null ? "" : q.strip();
        String sortText = exchange.query("sort");
        String sort = sortText == null || sortText.isEmpty() ? "name" : sortText;
        boolean descending = sort.startsWith("-");
        ContactStore.Sort order;
        try {
            order = ContactStore.Sort.valueOf(sort.substring(descending ? 1 : 0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("sort", "sort is name, company, created or updated, with '-' in front"
                    + " for descending order.");
        }
        int offset = number(exchange.query("offset"), "offset", 0, 0, Integer.MAX_VALUE);
        int limit = number(exchange.query("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        ContactStore.Page page = contacts.search(owner(exchange), query, digits(query), order, descending, offset,
                limit);
        exchange.respond(200, new ContactPage(page.items(), page.total(), offset, limit));
    }

    /** {@code GET /contacts/{id}}. */
    void get(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        exchange.respond(200, contacts.find(owner(exchange), id).orElseThrow(() -> notFound(id)));
    }

    /** {@code POST /contacts}. */
    void create(Exchange exchange) throws IOException {
        ContactData body = exchange.body(ContactData.class);
        valid(body);
        Contact created = contacts.create(owner(exchange), validator.draft(0, body));
        exchange.setHeader("Location", Endpoint.BASE + "/contacts/" + created.id());
        exchange.respond(201, created);
    }

    /** {@code PUT /contacts/{id}}: replaces the contact when {@code version} is the stored one. */
    void update(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        ContactData body = exchange.body(ContactData.class);
        Map<String, String> problems = validator.check(body);
        if (body.version() == null) {
            problems.put("version", "Send the version the change was made on, so that a change made elsewhere in"
                    + " the meantime is not overwritten.");
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        try {
            exchange.respond(200, contacts.update(owner(exchange), validator.draft(id, body), body.version()));
        } catch (NoSuchContactException e) {
            throw notFound(id);
        } catch (StaleContactException e) {
            throw conflict(e.current());
        }
    }

    /** {@code DELETE /contacts/{id}?version=N}. */
    void delete(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        String versionText = exchange.query("version");
        Long version = versionText == null || versionText.isEmpty() ? null
                : (long) number(versionText, "version", 0, 0, Integer.MAX_VALUE);
        try {
            contacts.delete(owner(exchange), id, version);
        } catch (NoSuchContactException e) {
            throw notFound(id);
        } catch (StaleContactException e) {
            throw conflict(e.current());
        }
        exchange.respond(204);
    }

    private void valid(ContactData body) {
        Map<String, String> problems = validator.check(body);
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
    }

    /** @return the matching form of the query when it looks like a phone number, else empty */
    private String digits(String query) {
        return query.chars().anyMatch(Character::isDigit) && ContactRules.checkNumber(query).isEmpty()
                ? rules.normalize(query) : "";
    }

    static long owner(Exchange exchange) {
        return exchange.caller().account().id();
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("You have no contact with id " + id + ".");
    }

    private static ApiException conflict(Contact current) {
        String message = "The contact was changed elsewhere since you opened it (it is now version "
                + current.version() + "). Nothing was saved: compare with 'current' and apply your change to it.";
        return ApiException.withBody(409, "conflict", message, new ContactConflict(409, "conflict", message, Map.of(),
                current));
    }

    static int number(@Nullable String text, String name, int fallback, int min, int max) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidField(name, name + " is a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up." : " to " + max + "."));
    }
}
