// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history;

/**
 * Event broker topics of the call history user interface, and the identifiers other bundles need to reach it.
 *
 * @since 0.1
 */
public final class HistoryTopics {

    /**
     * Asks the History to load the calls again (e.g. a call just ended, so the server has a new record). Any data
     * is ignored. The History itself posts it when a call of the softphone ends.
     */
    public static final String REFRESH = "org/sohosip/ui/history/refresh";

    /** Element id of the History perspective. */
    public static final String PERSPECTIVE_ID = "org.sohosip.ui.history.perspective";

    private HistoryTopics() {
    }
}
