// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;

/**
 * A window opened offline can only show the saved phonebook, so it opens on the Contacts perspective instead of the
 * one the user saw last.
 */
public final class OfflineStart {

    /** Element id of the Contacts perspective, contributed by {@code org.sohosip.ui.contacts}. */
    public static final String CONTACTS_PERSPECTIVE = "org.sohosip.ui.contacts.perspective";

    private OfflineStart() {
    }

    /**
     * @param app the application model, after the fragments were merged
     * @return whether the Contacts perspective was found and selected
     */
    public static boolean showPhonebook(MApplication app) {
        for (TreeIterator<EObject> it = ((EObject) app).eAllContents(); it.hasNext();) {
            if (it.next() instanceof MPerspective p && CONTACTS_PERSPECTIVE.equals(p.getElementId())
                    && (Object) p.getParent() instanceof MPerspectiveStack stack) {
                stack.setSelectedElement(p);
                return true;
            }
        }
        return false;
    }
}
