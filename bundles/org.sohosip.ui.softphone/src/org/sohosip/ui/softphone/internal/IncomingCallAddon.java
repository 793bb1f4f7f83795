// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.ContactService;
import org.sohosip.client.core.Telephony;
import org.sohosip.ui.softphone.SoftphoneTopics;

/**
 * Shows an {@link IncomingCallWindow} for every ringing call, whatever perspective the main window shows, and
 * closes it as soon as the call stops ringing (answered anywhere, declined, or cancelled by the caller). Answering
 * from the window asks for the Softphone perspective ({@link SoftphoneTopics#SHOW}).
 */
public final class IncomingCallAddon {

    private final Map<String, IncomingCallWindow> windows = new LinkedHashMap<>();
    private final IEventBroker broker;

    @Inject
    @Optional
    @Nullable
    Telephony telephony;

    @Inject
    @Optional
    @Nullable
    ContactService contacts;

    @Inject
    @Optional
    @Nullable
    MApplication application;

    @Inject
    @Optional
    @Nullable
    EModelService models;

    /** @param broker where the wish to see the softphone is posted */
    @Inject
    public IncomingCallAddon(IEventBroker broker) {
        this.broker = broker;
    }

    @Inject
    @Optional
    void callChanged(@UIEventTopic(SoftphoneTopics.CALL) Call call) {
        IncomingCallWindow open = windows.get(call.id());
        if (call.state() == CallState.INCOMING) {
            if (open == null || open.isClosed()) {
                IncomingCallWindow w = new IncomingCallWindow(Display.getCurrent(), call,
                        CallNames.name(call, contacts), otherCallInProgress(call),
                        () -> broker.post(SoftphoneTopics.SHOW, call), () -> { });
                windows.put(call.id(), w);
                w.open();
            }
        } else if (open != null) {
            open.close();
            windows.remove(call.id());
        }
    }

    private boolean otherCallInProgress(Call ringing) {
        Telephony t = telephony;
        return t != null && t.calls().stream().anyMatch(c -> !c.id().equals(ringing.id())
                && c.state() != CallState.INCOMING && c.state() != CallState.ENDED);
    }

    @Inject
    @Optional
    void show(@UIEventTopic(SoftphoneTopics.SHOW) Object what) {
        MApplication app = application;
        EModelService m = models;
        if (app == null || m == null) {
            return;
        }
        List<MPerspective> found = m.findElements(app, SoftphoneTopics.PERSPECTIVE_ID, MPerspective.class, null);
        if (found.isEmpty()) {
            return;
        }
        MPerspective p = found.get(0);
        MWindow w = m.getTopLevelWindowFor(p);
        if (w != null && w.getContext() != null) {
            w.getContext().get(EPartService.class).switchPerspective(p);
            if (w.getWidget() instanceof Shell s && !s.isDisposed()) {
                s.setMinimized(false);
                s.forceActive();
            }
        }
    }

    /** @return the windows open now, oldest first (for tests) */
    public List<IncomingCallWindow> openWindows() {
        windows.values().removeIf(IncomingCallWindow::isClosed);
        return List.copyOf(windows.values());
    }

    @PreDestroy
    void stop() {
        windows.values().forEach(IncomingCallWindow::close);
        windows.clear();
    }
}
