// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.CallListener;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.client.core.Telephony;
import org.sohosip.ui.softphone.SoftphoneTopics;

/**
 * Re-posts the softphone services' changes (told on background threads) on the event broker, so that every part
 * and window hears them on the UI thread. The services may come and go (they start after login); injection
 * tells this add-on each time.
 */
public final class CallEventsAddon {

    private final IEventBroker broker;
    private final CallListener calls;
    private final Consumer<RegistrationState> registrations;
    private @Nullable Telephony telephony;
    private @Nullable PhoneRegistration registration;

    /** @param broker where the changes are posted */
    @Inject
    public CallEventsAddon(IEventBroker broker) {
        this.broker = broker;
        this.calls = call -> broker.post(SoftphoneTopics.CALL, call);
        this.registrations = state -> broker.post(SoftphoneTopics.REGISTRATION, state);
    }

    @Inject
    synchronized void telephony(@Optional @Nullable Telephony t) {
        Telephony old = telephony;
        if (old != null) {
            old.removeListener(calls);
        }
        telephony = t;
        if (t != null) {
            t.addListener(calls);
        }
    }

    @Inject
    synchronized void registration(@Optional @Nullable PhoneRegistration r) {
        PhoneRegistration old = registration;
        if (old != null) {
            old.removeListener(registrations);
        }
        registration = r;
        if (r != null) {
            r.addListener(registrations);
            // whoever shows the state learns the current one, not only the next change
            broker.post(SoftphoneTopics.REGISTRATION, r.state());
        }
    }

    @PreDestroy
    synchronized void stop() {
        telephony(null);
        registration(null);
    }
}
