// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.ContactService;

/**
 * Who a call is with, in words. The user's own phonebook (and the company directory behind it) wins over the
 * display name the other side sent: anybody can put any name in a SIP header, while the phonebook is what the user
 * chose to call that number. The caller's display name is shown only for numbers the phonebook does not know.
 */
public final class CallNames {

    private CallNames() {
    }

    /**
     * Never blocks: the phonebook answers from memory, also offline.
     *
     * @param call     a call
     * @param contacts the phonebook, or {@code null} when it is not installed
     * @return the name to show, or an empty string when nobody knows one
     */
    public static String name(Call call, @Nullable ContactService contacts) {
        if (contacts != null) {
            String known = contacts.nameForNumber(call.remoteParty()).orElse("");
            if (!known.isBlank()) {
                return known;
            }
        }
        String sent = call.remoteDisplayName();
        return sent == null ? "" : sent;
    }
}
