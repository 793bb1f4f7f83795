// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.internal;

import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
import org.sohosip.client.core.ClickToCallService;

/**
 * "Call from my desk phone": the server makes the user's own registered phone ring and dials the number once it
 * is picked up. The request runs off the UI thread; what happened goes to the part's status line.
 */
final class DeskPhone {

    private DeskPhone() {
    }

    /**
     * @param service the click-to-call service, or {@code null} when it is not running
     * @param owner   the control whose display shows the outcome
     * @param who     the name shown
     * @param number  what to dial
     * @param status  gets each sentence for the status line, on the UI thread
     */
    static void call(@Nullable ClickToCallService service, Control owner, String who, String number,
            Consumer<String> status) {
        if (service == null) {
            status.accept(Messages.Contacts_deskUnavailable);
            return;
        }
        status.accept(NLS.bind(Messages.Contacts_deskCalling, who, number));
        Background.run(owner, () -> service.callFromDesk(number),
                started -> status.accept(NLS.bind(Messages.Contacts_deskRinging, who, started.number())),
                e -> status.accept(NLS.bind(Messages.Contacts_deskFailed, who, e.getMessage())));
    }
}
