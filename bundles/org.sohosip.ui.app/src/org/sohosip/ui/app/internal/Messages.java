// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import org.eclipse.osgi.util.NLS;

/** Texts users read, from {@code OSGI-INF/l10n/bundle.properties} (translations sit next to it). */
@SuppressWarnings("null")
public final class Messages extends NLS {

    public static String Window_title;
    public static String LoginDialog_title;
    public static String LoginDialog_server;
    public static String LoginDialog_serverHint;
    public static String LoginDialog_username;
    public static String LoginDialog_password;
    public static String LoginDialog_remember;
    public static String LoginDialog_connect;
    public static String LoginDialog_connecting;
    public static String LoginDialog_cancelled;
    public static String LoginDialog_needUsername;
    public static String LoginDialog_needPassword;
    public static String LoginDialog_wrongPassword;
    public static String LoginDialog_tooManyAttempts;
    public static String LoginDialog_tooManyAttemptsLater;
    public static String LoginDialog_rememberUnavailable;
    public static String LoginDialog_rememberFailed;
    public static String LoginDialog_openOffline;
    public static String LoginDialog_offlineOffer;
    public static String TrustDialog_title;
    public static String TrustDialog_intro;
    public static String TrustDialog_fingerprint;
    public static String TrustDialog_subject;
    public static String TrustDialog_validity;
    public static String TrustDialog_validityRange;
    public static String TrustDialog_trust;
    public static String TrustDialog_cancel;
    public static String Status_loggedIn;
    public static String Status_connecting;
    public static String Status_lost;
    public static String Status_loggedOut;
    public static String Status_offline;
    public static String Status_voicemailNone;
    public static String Status_voicemailOne;
    public static String Status_voicemailMany;
    public static String Status_voicemailUrgent;
    public static String Home_welcome;
    public static String Home_details;
    public static String Home_noAliases;
    public static String Home_adminHint;
    public static String Home_userHint;
    public static String About_title;
    public static String About_text;

    static {
        NLS.initializeMessages("OSGI-INF.l10n.bundle", Messages.class);
    }

    private Messages() {
    }
}
