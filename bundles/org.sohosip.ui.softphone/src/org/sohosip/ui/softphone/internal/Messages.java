// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import org.eclipse.osgi.util.NLS;

/** Texts users read, from {@code OSGI-INF/l10n/bundle.properties}. */
@SuppressWarnings("null")
public final class Messages extends NLS {

    public static String Registration_registered;
    public static String Registration_registering;
    public static String Registration_notRegistered;
    public static String Registration_unavailable;
    public static String Registration_loggedOut;
    public static String Registration_refused;
    public static String Registration_noNetwork;
    public static String Softphone_number;
    public static String Softphone_dial;
    public static String Softphone_delete;
    public static String Softphone_answer;
    public static String Softphone_decline;
    public static String Softphone_hangUp;
    public static String Softphone_hold;
    public static String Softphone_resume;
    public static String Softphone_mute;
    public static String Softphone_keypadDtmf;
    public static String Softphone_dialing;
    public static String Softphone_dialFailed;
    public static String Softphone_actionFailed;
    public static String Softphone_ended;
    public static String Softphone_endedNoReason;
    public static String Softphone_tonesSent;
    public static String Softphone_noCalls;
    public static String Column_party;
    public static String Column_name;
    public static String Column_state;
    public static String Column_time;
    public static String State_DIALING;
    public static String State_RINGING;
    public static String State_INCOMING;
    public static String State_ACTIVE;
    public static String State_ON_HOLD;
    public static String State_REMOTE_HOLD;
    public static String State_ENDED;
    public static String Incoming_title;
    public static String Incoming_answer;
    public static String Incoming_decline;
    public static String Incoming_waiting;

    static {
        NLS.initializeMessages("OSGI-INF.l10n.bundle", Messages.class);
    }

    private Messages() {
    }
}
