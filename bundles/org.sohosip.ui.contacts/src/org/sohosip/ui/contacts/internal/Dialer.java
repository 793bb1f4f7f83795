// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.internal;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.Telephony;

/**
 * Click-to-dial through the softphone service when it is there; otherwise a plain sentence saying it is not.
 * Returns what to show in the part's status line.
 */
final class Dialer {

    private Dialer() {
    }

    /**
     * @param telephony the softphone, or {@code null} when it is not running
     * @param who       the name shown
     * @param number    what to dial
     * @return the sentence for the status line
     */
    static String dial(@Nullable Telephony telephony, String who, String number) {
        if (telephony == null) {
            return NLS.bind(Messages.Contacts_noPhone, number);
        }
        try {
            telephony.dial(number);
            return NLS.bind(Messages.Contacts_calling, who, number);
        } catch (ClientException e) {
            return NLS.bind(Messages.Contacts_callFailed, who, e.getMessage());
        }
    }
}
