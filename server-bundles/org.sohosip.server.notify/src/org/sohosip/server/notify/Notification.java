// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A new voicemail message to tell one recipient about.
 *
 * @param account the mailbox owner's user name
 * @param recipient where this channel delivers: a phone number for SMS, an e-mail address for e-mail, the user
 *            name for channels that find the address themselves
 * @param caller the caller's number or user name, as the caller presented it
 * @param callerName the caller's display name, or {@code null} when unknown
 * @param receivedAt when the message was left
 * @param duration the length of the recording
 * @param wav opens the recording as a WAV file (8 kHz, 16-bit mono), or {@code null} when it cannot be attached
 * @since 0.1
 */
public record Notification(String account, String recipient, String caller, @Nullable String callerName,
        Instant receivedAt, Duration duration, @Nullable WavSource wav) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /**
     * Opens the recording of a message; each call returns a new stream that the caller closes.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface WavSource {
        /**
         * @return the whole WAV file, header included
         * @throws IOException when the recording cannot be read
         */
        InputStream open() throws IOException;
    }

    /** Checks that the required fields are present. */
    public Notification {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * @param newRecipient where another channel delivers
     * @return this notification for another recipient
     */
    public Notification withRecipient(String newRecipient) {
        return new Notification(account, newRecipient, caller, callerName, receivedAt, duration, wav);
    }

    /** @return the caller as people read it: "Alice Chen (3301)" when the name is known, else "3301" */
    public String callerDisplay() {
        String name = callerName;
        if (name == null || name.isBlank() || name.equals(caller)) {
            return caller.isBlank() ? "an unknown caller" : caller;
        }
        return caller.isBlank() ? name.strip() : name.strip() + " (" + caller + ")";
    }

    /** @return the length in whole seconds, rounded to the nearest */
    public long durationSeconds() {
        return (duration.toMillis() + 500) / 1000;
    }

    /**
     * @param zone the time zone the office reads times in
     * @return the one-line notice every channel sends, e.g.
     *         "New voicemail from Alice Chen (3301) at 2026-11-26 14:05, 12 s"
     */
    public String text(ZoneId zone) {
        return "New voicemail from " + callerDisplay() + " at " + TIME.format(receivedAt.atZone(zone)) + ", "
                + durationSeconds() + " s";
    }

    /** @return the notification without its audio source, for logs */
    @Override
    public String toString() {
        return "Notification[account=" + account + ", recipient=" + recipient + ", caller=" + caller
                + ", receivedAt=" + receivedAt + ", duration=" + duration + "]";
    }
}
