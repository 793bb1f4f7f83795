// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import java.util.ArrayList;
import org.eclipse.emf.common.util.TreeIterator;
import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.sohosip.ui.app.UiConstants;

/** Removes every model element tagged {@link UiConstants#TAG_ADMIN_ONLY}, wherever a fragment put it. */
public final class AdminOnly {

    private AdminOnly() {
    }

    /**
     * @param app the application model
     * @return how many elements were removed
     */
    public static int removeFrom(MApplication app) {
        List<EObject> tagged = new ArrayList<>();
        for (TreeIterator<EObject> it = ((EObject) app).eAllContents(); it.hasNext();) {
            EObject o = it.next();
            if (o instanceof MApplicationElement e && e.getTags().contains(UiConstants.TAG_ADMIN_ONLY)) {
                tagged.add(o);
                it.prune();
            }
        }
        tagged.forEach(EcoreUtil::remove);
        return tagged.size();
    }
}
