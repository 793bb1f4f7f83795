// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.util.List;

import org.sohosip.client.core.ApiException;
import org.sohosip.client.core.ContactConflictException;
import org.sohosip.client.core.SyncConflict;
import org.sohosip.core.Contact;
import org.sohosip.core.api.ContactData;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Sends changes to the server: one at once, or the offline queue in order. A queued change the server refuses
 * because the contact changed there (409) or went away (404) becomes a {@link SyncConflict}; it is never retried
 * over the newer version without the user's word. A lost connection stops the queue where it is.
 */
final class PhonebookSync {

    private static final String CONTACTS = "/api/v1/contacts";

    private final AuthorizedCalls calls;
    private final PhonebookState state;
    private final Object lock;

    PhonebookSync(AuthorizedCalls calls, PhonebookState state, Object lock) {
        this.calls = calls;
        this.state = state;
        this.lock = lock;
    }

    /** Saves one change now (after the queue, which must go first). */
    Contact send(long id, ContactData data) {
        sendPending();
        try {
            return id == 0 ? post(data) : put(id, data);
        } catch (ApiException e) {
            if (e.status() == 409 && id > 0) {
                throw new ContactConflictException(e.error(), get(id));
            }
            throw e;
        }
    }

    void delete(long id, long version) {
        sendPending();
        try {
            calls.authorized((c, t) -> c.request("DELETE", CONTACTS + "/" + id + "?version=" + version, t, null,
                    null));
        } catch (ApiException e) {
            if (e.status() == 409) {
                throw new ContactConflictException(e.error(), get(id));
            }
            if (e.status() != 404) { // already gone is what was wanted
                throw e;
            }
        }
    }

    /** Sends the queue in order; stops (throwing) when the server cannot be reached. */
    void sendPending() {
        while (true) {
            PhonebookCache.Pending next;
            synchronized (lock) {
                if (state.pending.isEmpty()) {
                    return;
                }
                next = state.pending.get(0);
            }
            SyncConflict conflict = null;
            Contact stored = null;
            try {
                switch (next.kind()) {
                case "CREATE" -> stored = post(next.data());
                case "UPDATE" -> stored = put(next.id(), withVersion(next.data(), next.baseVersion()));
                default -> calls.authorized((c, t) -> c.request("DELETE", CONTACTS + "/" + next.id() + "?version="
                        + next.baseVersion(), t, null, null));
                }
            } catch (ApiException e) {
                if (e.status() == 409 || (e.status() == 404 && !next.kind().equals("DELETE"))) {
                    Contact theirs = e.status() == 404 ? null : get(next.id());
                    conflict = new SyncConflict(next.id(), next.data(), theirs, next.madeAt());
                } else if (e.status() != 404) {
                    // refused for good (e.g. invalid): keep it visible as a conflict rather than lose it
                    conflict = new SyncConflict(next.id(), next.data(), null, next.madeAt());
                }
            }
            synchronized (lock) {
                state.pending.remove(next);
                if (conflict != null) {
                    state.conflicts.add(conflict);
                    if (conflict.theirs() != null) {
                        state.put(conflict.theirs()); // the list shows the server's version until decided
                    }
                } else if (stored != null) {
                    state.renumber(next.id(), stored);
                } else {
                    state.remove(next.id());
                }
            }
        }
    }

    void resolve(SyncConflict conflict, boolean keepMine) {
        synchronized (lock) {
            state.conflicts.remove(conflict);
        }
        if (!keepMine) {
            return;
        }
        Contact theirs = conflict.theirs();
        ContactData mine = conflict.mine();
        Contact stored = null;
        if (mine == null) {
            if (theirs != null) {
                delete(theirs.id(), theirs.version());
            }
        } else if (theirs == null) {
            stored = post(mine); // deleted on the server meanwhile: keeping mine means adding it again
        } else {
            stored = put(theirs.id(), withVersion(mine, theirs.version()));
        }
        synchronized (lock) {
            if (stored != null) {
                state.renumber(conflict.id(), stored);
            } else if (theirs != null) {
                state.remove(theirs.id());
            }
        }
    }

    private Contact post(ContactData data) {
        return calls.authorized((c, t) -> c.request("POST", CONTACTS, t, withVersion(data, null),
                new TypeReference<Contact>() { }));
    }

    private Contact put(long id, ContactData data) {
        return calls.authorized((c, t) -> c.request("PUT", CONTACTS + "/" + id, t, data,
                new TypeReference<Contact>() { }));
    }

    private Contact get(long id) {
        return calls.authorized((c, t) -> c.request("GET", CONTACTS + "/" + id, t, null,
                new TypeReference<Contact>() { }));
    }

    static ContactData withVersion(ContactData d, Long version) {
        return new ContactData(d.displayName(), d.company(), d.title(), d.numbers() == null ? List.of()
                : d.numbers().stream().map(n -> org.sohosip.core.PhoneNumber.of(n.type(), n.number())).toList(),
                d.emails(), d.sipAddress(), d.notes(), d.favourite(), d.groups(), version);
    }
}
