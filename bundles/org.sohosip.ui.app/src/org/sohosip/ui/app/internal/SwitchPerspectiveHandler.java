// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import java.util.List;

import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.sohosip.ui.app.UiConstants;

/** Switches to the perspective named by the command parameter. */
public final class SwitchPerspectiveHandler {

    @Execute
    void execute(MApplication app, EModelService models, EPartService parts,
            @Named(UiConstants.PARAM_PERSPECTIVE_ID) String perspectiveId) {
        List<MPerspective> found = models.findElements(app, perspectiveId, MPerspective.class, null);
        if (!found.isEmpty()) {
            parts.switchPerspective(found.get(0));
        }
    }
}
