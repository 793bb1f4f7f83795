// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.time.Instant;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.server.store.BindingStore;

/**
 * Persists the location service behind the SIP threads: every second the users whose bindings changed are written
 * in one transaction (however many REGISTERs refreshed them meanwhile), and expired rows are deleted now and then.
 * A failed write is retried with the next one.
 */
final class BindingWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BindingWriter.class);

    private final Location location;
    private final BindingStore store;
    private final LongSupplier clock;

    BindingWriter(Location location, BindingStore store, LongSupplier clock) {
        this.location = location;
        this.store = store;
        this.clock = clock;
    }

    /** Puts the stored, unexpired bindings back into the location service. */
    int restore() {
        Instant now = Instant.ofEpochMilli(clock.getAsLong());
        store.deleteExpired(now);
        var bindings = store.unexpired(now);
        location.restore(bindings);
        return bindings.size();
    }

    /** Writes the changes since the last flush. */
    synchronized void flush() {
        Location.Changes changes = location.takeDirty();
        if (changes.users().isEmpty()) {
            return;
        }
        try {
            store.replace(changes.users(), changes.bindings());
        } catch (RuntimeException e) {
            location.markDirty(changes.users());
            LOG.warn("Could not save {} registration(s); will retry: {}", changes.users().size(), e.getMessage());
        }
    }

    void deleteExpired() {
        try {
            location.purgeExpired();
            store.deleteExpired(Instant.ofEpochMilli(clock.getAsLong()));
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired registrations: {}", e.getMessage());
        }
    }
}
