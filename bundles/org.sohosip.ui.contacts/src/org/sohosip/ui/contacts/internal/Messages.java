// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.contacts.internal;

import org.eclipse.osgi.util.NLS;

/** Texts users read, from {@code OSGI-INF/l10n/bundle.properties}. */
@SuppressWarnings("null")
public final class Messages extends NLS {

    public static String Contacts_filter;
    public static String Contacts_allGroups;
    public static String Contacts_favourites;
    public static String Contacts_new;
    public static String Contacts_edit;
    public static String Contacts_delete;
    public static String Contacts_call;
    public static String Contacts_import;
    public static String Contacts_export;
    public static String Contacts_refresh;
    public static String Contacts_count;
    public static String Contacts_offline;
    public static String Contacts_conflicts;
    public static String Contacts_resolve;
    public static String Contacts_noPhone;
    public static String Contacts_noNumber;
    public static String Contacts_calling;
    public static String Contacts_callFailed;
    public static String Contacts_deskCall;
    public static String Contacts_deskUnavailable;
    public static String Contacts_deskCalling;
    public static String Contacts_deskRinging;
    public static String Contacts_deskFailed;
    public static String Contacts_failed;
    public static String Contacts_deleteQuestion;
    public static String Contacts_changedElsewhere;
    public static String Contacts_exported;
    public static String Column_name;
    public static String Column_company;
    public static String Column_numbers;
    public static String Column_email;
    public static String Column_groups;
    public static String Column_favourite;
    public static String Column_extension;
    public static String Column_sip;
    public static String Directory_filter;
    public static String Directory_count;
    public static String Editor_newTitle;
    public static String Editor_editTitle;
    public static String Editor_name;
    public static String Editor_company;
    public static String Editor_title;
    public static String Editor_numbers;
    public static String Editor_emails;
    public static String Editor_emailsHint;
    public static String Editor_sip;
    public static String Editor_groups;
    public static String Editor_groupsHint;
    public static String Editor_favourite;
    public static String Editor_notes;
    public static String Editor_save;
    public static String Editor_saving;
    public static String Type_EXTENSION;
    public static String Type_OFFICE;
    public static String Type_MOBILE;
    public static String Type_HOME;
    public static String Type_FAX;
    public static String Type_OTHER;
    public static String Import_title;
    public static String Import_fileTitle;
    public static String Import_fileText;
    public static String Import_file;
    public static String Import_browse;
    public static String Import_noFile;
    public static String Import_previewTitle;
    public static String Import_previewText;
    public static String Import_summary;
    public static String Import_line;
    public static String Import_problem;
    public static String Import_sending;
    public static String Import_importing;
    public static String Import_done;
    public static String Export_title;
    public static String Conflict_title;
    public static String Conflict_text;
    public static String Conflict_deletedText;
    public static String Conflict_keepMine;
    public static String Conflict_takeTheirs;

    static {
        NLS.initializeMessages("OSGI-INF.l10n.bundle", Messages.class);
    }

    private Messages() {
    }
}
