// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * The folder a voicemail message is in. A new message is {@link #NEW} (unheard); once listened to it moves to
 * {@link #OLD} (heard); the owner may keep it in {@link #SAVED}.
 *
 * @since 0.1
 */
public enum VoicemailFolder {
    /** Not yet listened to. */
    NEW,
    /** Listened to. */
    OLD,
    /** Kept on purpose by the owner. */
    SAVED
}
