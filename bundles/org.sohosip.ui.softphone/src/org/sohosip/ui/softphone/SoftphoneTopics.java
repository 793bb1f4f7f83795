// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone;

/**
 * Event broker topics of the softphone user interface, and the identifiers other bundles need to reach it.
 * The softphone services call their listeners on background threads; the softphone re-posts every change on these
 * topics so that parts receive them on the UI thread with {@code @UIEventTopic}.
 *
 * @since 0.1
 */
public final class SoftphoneTopics {

    /** A call appeared or changed state; the data is the {@link org.sohosip.client.core.Call}. */
    public static final String CALL = "org/sohosip/ui/softphone/call/changed";

    /** The registration changed; the data is the new {@link org.sohosip.client.core.RegistrationState}. */
    public static final String REGISTRATION = "org/sohosip/ui/softphone/registration/changed";

    /**
     * Somebody wants the Softphone perspective shown (e.g. a call was answered from the notification); the data is
     * the {@link org.sohosip.client.core.Call} concerned, if any.
     */
    public static final String SHOW = "org/sohosip/ui/softphone/show";

    /** Element id of the Softphone perspective. */
    public static final String PERSPECTIVE_ID = "org.sohosip.ui.softphone.perspective";

    private SoftphoneTopics() {
    }
}
