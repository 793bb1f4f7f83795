// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.internal.workbench.ModelServiceImpl;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.MessageWaiting;
import org.sohosip.client.core.internal.MessageWaitingComponent;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.ui.testing.Screenshots;
import org.sohosip.ui.testing.WorkbenchContext;
import org.sohosip.ui.voicemail.VoicemailIds;
import org.sohosip.ui.voicemail.internal.NewCountAddon;

/**
 * The count of new messages on the Voicemail perspective, its part's tab and its menu item, in an application model
 * built as the model fragment joins it, with the workbench's own model service.
 */
class NewCountAddonTest {

    @Test
    @SuppressWarnings("restriction") // the workbench's model service, as the running workbench provides it
    void labelsFollowTheCountOfNewMessages() {
        Display display = Display.getDefault();
        IEclipseContext ctx = WorkbenchContext.create(FrameworkUtil.getBundle(NewCountAddon.class)).createChild();
        EModelService models = new ModelServiceImpl(ctx);
        MApplication app = models.createModelElement(MApplication.class);
        MTrimmedWindow window = models.createModelElement(MTrimmedWindow.class);
        app.getChildren().add(window);
        MPerspectiveStack stack = models.createModelElement(MPerspectiveStack.class);
        window.getChildren().add(stack);
        MPerspective perspective = models.createModelElement(MPerspective.class);
        perspective.setElementId(VoicemailIds.PERSPECTIVE_ID);
        perspective.setLabel("Voicemail");
        stack.getChildren().add(perspective);
        MPartStack parts = models.createModelElement(MPartStack.class);
        perspective.getChildren().add(parts);
        MPart part = models.createModelElement(MPart.class);
        part.setElementId(VoicemailIds.PART_ID);
        parts.getChildren().add(part);
        MMenu main = models.createModelElement(MMenu.class);
        window.setMainMenu(main);
        MMenu perspectives = models.createModelElement(MMenu.class);
        main.getChildren().add(perspectives);
        MHandledMenuItem item = models.createModelElement(MHandledMenuItem.class);
        item.setElementId(VoicemailIds.MENU_ITEM_ID);
        perspectives.getChildren().add(item);

        MessageWaitingComponent waiting = new MessageWaitingComponent();
        ctx.set(MApplication.class, app);
        ctx.set(EModelService.class, models);
        ctx.set(MessageWaiting.class, waiting);
        ContextInjectionFactory.make(NewCountAddon.class, ctx);

        waiting.counted(new VoicemailCounts(2, 5, 1, 0));
        Screenshots.spinUntil(display, () -> "Voicemail (2)".equals(perspective.getLabel()));
        assertEquals("Voicemail (2)", part.getLabel());
        assertEquals("&Voicemail (2)", item.getLabel());

        waiting.counted(new VoicemailCounts(0, 7, 0, 1));
        Screenshots.spinUntil(display, () -> "Voicemail".equals(perspective.getLabel()));
        assertEquals("Voicemail", part.getLabel());
        assertEquals("&Voicemail", item.getLabel());
        ctx.dispose();
    }
}
