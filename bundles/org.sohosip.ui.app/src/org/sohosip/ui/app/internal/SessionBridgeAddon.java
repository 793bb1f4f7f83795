// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.SessionListener;
import org.sohosip.client.core.SessionService;
import org.sohosip.ui.app.UiConstants;

/** Posts every session change on {@link UiConstants#TOPIC_SESSION}; logs out when the application ends. */
public final class SessionBridgeAddon {

    private @Nullable SessionService session;
    private @Nullable SessionListener listener;

    @PostConstruct
    void start(SessionService s, IEventBroker broker) {
        session = s;
        SessionListener l = e -> broker.post(UiConstants.TOPIC_SESSION, e);
        listener = l;
        s.addListener(l);
    }

    @PreDestroy
    void stop() {
        SessionService s = session;
        SessionListener l = listener;
        if (s == null || l == null) {
            return;
        }
        s.removeListener(l);
        // tell the server, but never keep the application from ending when it cannot be reached
        Thread t = new Thread(s::logout, "SOHOSIP logout");
        t.setDaemon(true);
        t.start();
        try {
            t.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
