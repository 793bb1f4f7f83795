// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.internal;

import java.util.List;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUILabel;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.MessageWaiting;
import org.sohosip.client.core.MessageWaitingState;
import org.sohosip.ui.voicemail.VoicemailIds;

/**
 * Puts the count of new messages on the Voicemail perspective, its part's tab and its menu item ("Voicemail (2)"),
 * from message waiting, so the user sees it from any perspective.
 */
public final class NewCountAddon {

    private @Nullable MessageWaiting waiting;
    private @Nullable MApplication app;
    private @Nullable EModelService models;
    private @Nullable UISynchronize sync;
    private final Consumer<MessageWaitingState> changed = s -> {
        UISynchronize u = sync;
        if (u != null) {
            u.asyncExec(() -> show(s));
        }
    };

    @PostConstruct
    void start(MApplication application, EModelService modelService, UISynchronize ui) {
        app = application;
        models = modelService;
        sync = ui;
        MessageWaiting w = waiting;
        if (w != null) {
            show(w.state());
        }
    }

    @Inject
    void messageWaiting(@Optional @Nullable MessageWaiting w) {
        MessageWaiting old = waiting;
        if (old != null) {
            old.removeListener(changed);
        }
        waiting = w;
        if (w != null) {
            w.addListener(changed);
            if (app != null) {
                show(w.state());
            }
        }
    }

    /** Sets the labels for a state (on the UI thread). */
    void show(MessageWaitingState s) {
        MApplication a = app;
        EModelService m = models;
        if (a == null || m == null) {
            return;
        }
        String title = Labels.title(s.newMessages());
        label(m.find(VoicemailIds.PERSPECTIVE_ID, a), title);
        List<MPart> parts = m.findElements(a, VoicemailIds.PART_ID, MPart.class, null);
        parts.forEach(p -> p.setLabel(title));
        List<MMenuItem> items = m.findElements(a, VoicemailIds.MENU_ITEM_ID, MMenuItem.class, null,
                EModelService.IN_MAIN_MENU);
        // the menu keeps its mnemonic; only the count is added
        items.forEach(i -> i.setLabel(s.newMessages() > 0 ? "&" + title : "&" + Messages.Voicemail_label));
    }

    private static void label(@Nullable Object element, String text) {
        if (element instanceof MUILabel l) {
            l.setLabel(text);
        }
    }

    @PreDestroy
    void stop() {
        MessageWaiting w = waiting;
        if (w != null) {
            w.removeListener(changed);
        }
        waiting = null;
    }
}
