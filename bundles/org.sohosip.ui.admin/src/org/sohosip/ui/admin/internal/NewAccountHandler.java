// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;

/** Ctrl+N in the accounts part: opens the New account dialog. */
public final class NewAccountHandler {

    @Execute
    void execute(MPart part) {
        if (part.getObject() instanceof AccountsPart accounts) {
            accounts.newAccount();
        }
    }
}
