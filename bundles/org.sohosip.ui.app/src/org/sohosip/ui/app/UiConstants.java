// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app;

/**
 * Identifiers of the client application that other UI bundles refer to, e.g. from their model fragments.
 *
 * @since 0.1
 */
public final class UiConstants {

    /** Event broker topic carrying a {@link org.sohosip.client.core.SessionEvent} on every session change. */
    public static final String TOPIC_SESSION = "org/sohosip/ui/session/changed";

    /**
     * Tag for model elements only administrators may see (perspectives, menu items, key bindings, commands).
     * After login they are removed from the model of a non-administrator.
     */
    public static final String TAG_ADMIN_ONLY = "sohosip:adminOnly";

    /** The perspective stack of the main window; fragments add perspectives to its {@code children}. */
    public static final String PERSPECTIVE_STACK = "org.sohosip.ui.app.perspectivestack";

    /** The Perspective menu; fragments add one item per perspective to its {@code children}. */
    public static final String MENU_PERSPECTIVE = "org.sohosip.ui.app.menu.perspective";

    /** The command that switches perspective. */
    public static final String COMMAND_SWITCH_PERSPECTIVE = "org.sohosip.ui.app.command.switchPerspective";

    /** Its parameter: the perspective's element id. */
    public static final String PARAM_PERSPECTIVE_ID = "org.sohosip.ui.app.commandparameter.perspectiveId";

    private UiConstants() {
    }
}
