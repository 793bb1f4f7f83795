// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** Push buttons that run an action, for the administration parts' button rows. */
final class Buttons {

    private Buttons() {
    }

    static Button push(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }
}
