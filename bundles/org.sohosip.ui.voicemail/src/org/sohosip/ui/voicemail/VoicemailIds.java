// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail;

/**
 * Identifiers of the Voicemail perspective's model elements, for bundles that open it or decorate it.
 *
 * @since 0.1
 */
public final class VoicemailIds {

    /** Element id of the Voicemail perspective. */
    public static final String PERSPECTIVE_ID = "org.sohosip.ui.voicemail.perspective";

    /** Element id of the Voicemail part. */
    public static final String PART_ID = "org.sohosip.ui.voicemail.part.voicemail";

    /** Element id of the Voicemail item in the Perspective menu. */
    public static final String MENU_ITEM_ID = "org.sohosip.ui.voicemail.menuitem.voicemail";

    private VoicemailIds() {
    }
}
