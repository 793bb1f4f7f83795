// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media;

/**
 * A media resource could not be used: no free port, an audio device missing or busy, an unreadable or
 * unsupported WAV file. The message is a sentence for people that says what happened and what to do.
 *
 * @since 0.1
 */
public class MediaException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message a sentence for people */
    public MediaException(String message) {
        super(message);
    }

    /**
     * @param message a sentence for people
     * @param cause   what went wrong underneath
     */
    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
