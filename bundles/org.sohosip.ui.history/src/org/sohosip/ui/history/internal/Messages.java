// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.internal;

import org.eclipse.osgi.util.NLS;

/** Texts users read, from {@code OSGI-INF/l10n/bundle.properties}. */
@SuppressWarnings("null")
public final class Messages extends NLS {

    public static String History_show;
    public static String History_all;
    public static String History_missed;
    public static String History_incoming;
    public static String History_outgoing;
    public static String History_from;
    public static String History_to;
    public static String History_refresh;
    public static String History_export;
    public static String History_exportTitle;
    public static String History_loading;
    public static String History_count;
    public static String History_failed;
    public static String History_badRange;
    public static String History_exported;
    public static String History_exportFailed;
    public static String History_calling;
    public static String History_dialFailed;
    public static String History_noPhone;
    public static String Column_direction;
    public static String Column_party;
    public static String Column_name;
    public static String Column_time;
    public static String Column_duration;
    public static String Column_result;
    public static String Direction_INCOMING;
    public static String Direction_OUTGOING;
    public static String Disposition_ANSWERED;
    public static String Disposition_MISSED;
    public static String Disposition_BUSY;
    public static String Disposition_FAILED;
    public static String Disposition_CANCELLED;

    static {
        NLS.initializeMessages("OSGI-INF.l10n.bundle", Messages.class);
    }

    private Messages() {
    }
}
