// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import org.eclipse.osgi.util.NLS;

/** Texts users read, from {@code OSGI-INF/l10n/bundle.properties}. */
@SuppressWarnings("null")
public final class Messages extends NLS {

    public static String Accounts_filter;
    public static String Accounts_new;
    public static String Accounts_edit;
    public static String Accounts_disable;
    public static String Accounts_enable;
    public static String Accounts_resetPassword;
    public static String Accounts_refresh;
    public static String Accounts_loading;
    public static String Accounts_count;
    public static String Accounts_failed;
    public static String Column_username;
    public static String Column_displayName;
    public static String Column_extension;
    public static String Column_aliases;
    public static String Column_admin;
    public static String Column_enabled;
    public static String Yes;
    public static String No;
    public static String AccountDialog_newTitle;
    public static String AccountDialog_editTitle;
    public static String AccountDialog_username;
    public static String AccountDialog_displayName;
    public static String AccountDialog_extension;
    public static String AccountDialog_password;
    public static String AccountDialog_aliases;
    public static String AccountDialog_aliasesHint;
    public static String AccountDialog_admin;
    public static String AccountDialog_create;
    public static String AccountDialog_save;
    public static String AccountDialog_saving;
    public static String ResetPassword_title;
    public static String ResetPassword_prompt;
    public static String Records_time;
    public static String Records_user;
    public static String Records_event;
    public static String Records_address;
    public static String Records_loading;
    public static String Records_count;

    static {
        NLS.initializeMessages("OSGI-INF.l10n.bundle", Messages.class);
    }

    private Messages() {
    }
}
