// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The services the application uses, waited for at start-up and held until shutdown (holding them keeps delayed
 * components active). Says which service is missing when one does not come.
 */
final class Services implements AutoCloseable {

    private final BundleContext context;
    private final List<ServiceTracker<?, ?>> trackers = new ArrayList<>();

    Services(BundleContext context) {
        this.context = context;
    }

    <T> T await(Class<T> type, Duration timeout) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        trackers.add(tracker);
        T service = tracker.waitForService(timeout.toMillis());
        if (service == null) {
            throw new IllegalStateException(type.getSimpleName() + " did not start within " + timeout.toSeconds()
                    + " s; the log above says why.");
        }
        return service;
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
        trackers.clear();
    }
}
