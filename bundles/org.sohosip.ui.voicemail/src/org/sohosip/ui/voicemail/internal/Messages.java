// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.internal;

import org.eclipse.osgi.util.NLS;

/** Texts users read, from {@code OSGI-INF/l10n/bundle.properties}. */
@SuppressWarnings("null")
public final class Messages extends NLS {

    public static String Voicemail_label;
    public static String Voicemail_labelCount;
    public static String Folder_NEW;
    public static String Folder_OLD;
    public static String Folder_SAVED;
    public static String Folder_count;
    public static String Voicemail_folders;
    public static String Voicemail_refresh;
    public static String Voicemail_loading;
    public static String Voicemail_count;
    public static String Voicemail_empty;
    public static String Voicemail_failed;
    public static String Voicemail_noService;
    public static String Voicemail_fetching;
    public static String Voicemail_ready;
    public static String Voicemail_fetchFailed;
    public static String Voicemail_play;
    public static String Voicemail_pause;
    public static String Voicemail_heard;
    public static String Voicemail_unheard;
    public static String Voicemail_moveTo;
    public static String Voicemail_move;
    public static String Voicemail_delete;
    public static String Voicemail_undo;
    public static String Voicemail_save;
    public static String Voicemail_saveTitle;
    public static String Voicemail_callBack;
    public static String Voicemail_moved;
    public static String Voicemail_markedHeard;
    public static String Voicemail_markedUnheard;
    public static String Voicemail_deleted;
    public static String Voicemail_restored;
    public static String Voicemail_saved;
    public static String Voicemail_changeFailed;
    public static String Voicemail_calling;
    public static String Voicemail_dialFailed;
    public static String Voicemail_noPhone;
    public static String Voicemail_speaker;
    public static String Voicemail_noDevice;
    public static String Voicemail_deviceFailed;
    public static String Voicemail_playbackFailed;
    public static String Voicemail_settings;
    public static String Voicemail_settingsSaved;
    public static String Voicemail_settingsFailed;
    public static String Settings_title;
    public static String Settings_language;
    public static String Settings_english;
    public static String Settings_chinese;
    public static String Settings_ring;
    public static String Settings_pin;
    public static String Settings_pinKept;
    public static String Settings_pinNone;
    public static String Settings_sms;
    public static String Settings_smsNumber;
    public static String Settings_email;
    public static String Settings_emailAddress;
    public static String Settings_save;
    public static String Settings_saving;
    public static String Column_caller;
    public static String Column_received;
    public static String Column_duration;
    public static String Column_heard;
    public static String Column_urgent;
    public static String Heard_yes;
    public static String Heard_no;
    public static String Urgent_yes;
    public static String Caller_named;

    static {
        NLS.initializeMessages("OSGI-INF.l10n.bundle", Messages.class);
    }

    private Messages() {
    }
}
