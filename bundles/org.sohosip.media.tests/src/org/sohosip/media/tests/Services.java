// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.media.MediaSessions;

/** Finds the bundle's Declarative Services components in the running framework. */
final class Services {

    private Services() {
    }

    static <T> T get(Class<T> type) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(MediaSessions.class);
        assertNotNull(bundle, "the media bundle runs inside OSGi");
        if ((bundle.getState() & Bundle.ACTIVE) == 0) {
            try {
                bundle.start(Bundle.START_ACTIVATION_POLICY);
            } catch (BundleException e) {
                throw new AssertionError("the media bundle does not start", e);
            }
        }
        BundleContext context = bundle.getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(10_000);
        assertNotNull(service, type.getSimpleName() + " is registered as a service");
        return service;
    }
}
