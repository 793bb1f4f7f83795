// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.internal;

import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.sohosip.client.core.ContactService;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;

/** How voicemail values read on screen. */
final class Labels {

    private Labels() {
    }

    static String folder(VoicemailFolder f) {
        return switch (f) {
            case NEW -> Messages.Folder_NEW;
            case OLD -> Messages.Folder_OLD;
            case SAVED -> Messages.Folder_SAVED;
        };
    }

    /**
     * The caller as people know them: the phonebook's name wins over the name the call carried (anybody can send
     * any display name), the number always shows too.
     */
    static String caller(VoicemailMessage m, Optional<ContactService> contacts) {
        String name = contacts.flatMap(c -> c.nameForNumber(m.caller())).filter(n -> !n.isBlank())
                .orElse(m.callerName());
        return name == null || name.isBlank() ? m.caller() : NLS.bind(Messages.Caller_named, name, m.caller());
    }

    /** @return {@code m:ss} */
    static String duration(long millis) {
        long s = Math.max(0, (millis + 500) / 1000);
        return String.format("%d:%02d", s / 60, s % 60);
    }

    static String heard(VoicemailMessage m) {
        return m.folder() == VoicemailFolder.NEW ? Messages.Heard_no : Messages.Heard_yes;
    }

    static String urgent(VoicemailMessage m) {
        return m.urgent() ? Messages.Urgent_yes : "";
    }

    /** @return the perspective and part label, with the count of new messages when there are any */
    static String title(int newMessages) {
        return newMessages > 0 ? NLS.bind(Messages.Voicemail_labelCount, newMessages) : Messages.Voicemail_label;
    }
}
