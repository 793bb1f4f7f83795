// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** Ends the application (the session addon logs out on the way). */
public final class ExitHandler {

    @Execute
    void execute(IWorkbench workbench) {
        workbench.close();
    }
}
