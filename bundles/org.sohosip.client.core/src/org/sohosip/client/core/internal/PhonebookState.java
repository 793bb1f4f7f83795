// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.SyncConflict;
import org.sohosip.core.Contact;
import org.sohosip.core.ContactRules;
import org.sohosip.core.PhoneNumber;
import org.sohosip.core.PhoneNumberRules;
import org.sohosip.core.api.ContactData;
import org.sohosip.core.api.DirectoryEntry;

/**
 * The phonebook as this client knows it: contacts by id, the directory, the number rules, the queue of offline
 * changes and unresolved conflicts, and an index from normalized number to contact. Not thread-safe: the service
 * guards it with one lock.
 */
final class PhonebookState {

    static final Comparator<Contact> BY_NAME = Comparator.comparing((Contact c) -> ContactRules.fold(c.displayName()))
            .thenComparingLong(Contact::id);

    private final Map<Long, Contact> contacts = new LinkedHashMap<>();
    List<DirectoryEntry> directory = List.of();
    PhoneNumberRules rules = PhoneNumberRules.DEFAULT;
    final List<PhonebookCache.Pending> pending = new ArrayList<>();
    final List<SyncConflict> conflicts = new ArrayList<>();
    boolean offline;
    private @Nullable Map<String, Contact> index;
    private @Nullable List<Contact> sorted;
    private long nextLocalId = -1;

    void clear() {
        contacts.clear();
        directory = List.of();
        rules = PhoneNumberRules.DEFAULT;
        pending.clear();
        conflicts.clear();
        offline = false;
        dirty();
    }

    void load(PhonebookCache.Content content) {
        clear();
        content.contacts().forEach(c -> contacts.put(c.id(), c));
        directory = List.copyOf(content.directory());
        rules = content.rules();
        pending.addAll(content.pending());
        conflicts.addAll(content.conflicts());
        nextLocalId = contacts.keySet().stream().mapToLong(Long::longValue).filter(id -> id < 0).min().orElse(0) - 1;
    }

    PhonebookCache.Content content() {
        return new PhonebookCache.Content(new ArrayList<>(contacts.values()), directory, rules, List.copyOf(pending),
                List.copyOf(conflicts), Instant.now());
    }

    /** Takes the server's phonebook; called only when the queue has been sent. */
    void fromServer(List<Contact> all, List<DirectoryEntry> directory, PhoneNumberRules rules) {
        contacts.clear();
        all.forEach(c -> contacts.put(c.id(), c));
        this.directory = List.copyOf(directory);
        this.rules = rules;
        offline = false;
        dirty();
    }

    List<Contact> contacts() {
        List<Contact> s = sorted;
        if (s == null) {
            s = contacts.values().stream().sorted(BY_NAME).toList();
            sorted = s;
        }
        return s;
    }

    void put(Contact c) {
        contacts.put(c.id(), c);
        dirty();
    }

    void remove(long id) {
        contacts.remove(id);
        dirty();
    }

    /** Applies a change locally and queues it for the server. */
    Contact queue(long id, ContactData data) {
        offline = true;
        long localId = id == 0 ? nextLocalId-- : id;
        Contact old = contacts.get(localId);
        Instant now = Instant.now();
        long version = data.version() != null ? data.version() : old != null ? old.version() : 0;
        Contact local = new Contact(localId, text(data.displayName()), text(data.company()), text(data.title()),
                numbers(data.numbers()), list(data.emails()), text(data.sipAddress()), text(data.notes()),
                Boolean.TRUE.equals(data.favourite()), list(data.groups()), old != null ? old.created() : now, now,
                version);
        put(local);
        Optional<PhonebookCache.Pending> earlier = pending.stream().filter(p -> p.id() == localId).findFirst();
        if (earlier.isPresent()) {
            // One entry per contact: a later offline edit replaces the earlier one but keeps its base version.
            PhonebookCache.Pending e = earlier.get();
            pending.set(pending.indexOf(e), new PhonebookCache.Pending(e.kind(), localId, e.baseVersion(), data,
                    e.madeAt()));
        } else {
            pending.add(new PhonebookCache.Pending(localId < 0 ? "CREATE" : "UPDATE", localId, version, data, now));
        }
        return local;
    }

    void queueDelete(Contact contact) {
        offline = true;
        remove(contact.id());
        Optional<PhonebookCache.Pending> earlier = pending.stream().filter(p -> p.id() == contact.id()).findFirst();
        earlier.ifPresent(pending::remove);
        if (contact.id() > 0) {
            long base = earlier.map(PhonebookCache.Pending::baseVersion).orElse(contact.version());
            pending.add(new PhonebookCache.Pending("DELETE", contact.id(), base, null, Instant.now()));
        }
    }

    /** A contact created offline got its server id: later entries and the list follow. */
    void renumber(long localId, Contact stored) {
        contacts.remove(localId);
        put(stored);
    }

    Optional<Contact> byNumber(String number) {
        String form = rules.normalize(number);
        if (form.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Contact> i = index;
        if (i == null) {
            i = new HashMap<>();
            for (Contact c : contacts()) {
                for (PhoneNumber n : c.numbers()) {
                    String key = n.normalized() != null && !n.normalized().isEmpty() ? n.normalized()
                            : rules.normalize(n.number());
                    i.putIfAbsent(key, c); // the first by name wins when two contacts share a number
                }
            }
            index = i;
        }
        return Optional.ofNullable(i.get(form));
    }

    Optional<DirectoryEntry> colleague(String number) {
        String user = number.strip();
        if (user.regionMatches(true, 0, "sip:", 0, 4)) {
            int at = user.indexOf('@');
            user = user.substring(4, at > 0 ? at : user.length());
        }
        String who = user;
        return directory.stream().filter(d -> d.extension().equals(who) || d.username().equals(who)).findFirst();
    }

    private void dirty() {
        index = null;
        sorted = null;
    }

    private List<PhoneNumber> numbers(@Nullable List<PhoneNumber> numbers) {
        return numbers == null ? List.of() : numbers.stream().map(n -> new PhoneNumber(n.type(), n.number().strip(),
                rules.normalize(n.number()))).toList();
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }
}
