// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationFactory;
import org.eclipse.e4.ui.model.application.ui.advanced.MAdvancedFactory;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MBasicFactory;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.junit.jupiter.api.Test;
import org.sohosip.ui.app.internal.OfflineStart;

/** The window opened offline shows the phonebook, whatever perspective was selected before. */
class OfflineStartTest {

    private static MPerspective perspective(MPerspectiveStack stack, String id) {
        MPerspective p = MAdvancedFactory.INSTANCE.createPerspective();
        p.setElementId(id);
        stack.getChildren().add(p);
        return p;
    }

    @Test
    void theContactsPerspectiveIsSelected() {
        MApplication app = MApplicationFactory.INSTANCE.createApplication();
        MTrimmedWindow window = MBasicFactory.INSTANCE.createTrimmedWindow();
        app.getChildren().add(window);
        MPerspectiveStack stack = MAdvancedFactory.INSTANCE.createPerspectiveStack();
        window.getChildren().add(stack);
        MPerspective softphone = perspective(stack, "org.sohosip.ui.softphone.perspective");
        MPerspective contacts = perspective(stack, OfflineStart.CONTACTS_PERSPECTIVE);
        stack.setSelectedElement(softphone);

        assertTrue(OfflineStart.showPhonebook(app));
        assertSame(contacts, stack.getSelectedElement());
    }

    @Test
    void withoutTheContactsBundleNothingChanges() {
        MApplication app = MApplicationFactory.INSTANCE.createApplication();
        MTrimmedWindow window = MBasicFactory.INSTANCE.createTrimmedWindow();
        app.getChildren().add(window);
        MPerspectiveStack stack = MAdvancedFactory.INSTANCE.createPerspectiveStack();
        window.getChildren().add(stack);
        MPerspective softphone = perspective(stack, "org.sohosip.ui.softphone.perspective");
        stack.setSelectedElement(softphone);

        assertFalse(OfflineStart.showPhonebook(app));
        assertSame(softphone, stack.getSelectedElement());
    }
}
