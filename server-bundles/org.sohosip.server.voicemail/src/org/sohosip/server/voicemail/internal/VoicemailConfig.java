// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

/**
 * Configuration of PID {@code org.sohosip.server.voicemail}. Underscores stand for dots in the keys
 * ({@code voicemail_maxSeconds} is {@code voicemail.maxSeconds}).
 */
public @interface VoicemailConfig {

    /** Number of the voicemail menu. */
    String voicemail_accessNumber() default "8500";

    /** Longest message in seconds. */
    int voicemail_maxSeconds() default 180;

    /** Seconds of silence that end a recording. */
    int voicemail_silenceSeconds() default 10;

    /** Seconds of speech below which a message is discarded. */
    int voicemail_minSeconds() default 2;

    /** Messages a mailbox holds. */
    int voicemail_maxMessages() default 100;

    /** Extension reached with 0 during the greeting; empty for none. */
    String voicemail_operatorExtension() default "";

    /** Loopback UDP port of the voicemail SIP stack; 0 for a free one. */
    int voicemail_port() default 0;

    /** Whether voicemail runs at all. */
    boolean voicemail_enabled() default true;

    /** Ring time before voicemail for mailboxes without their own (what the mailbox settings report). */
    int voicemail_noAnswerSeconds() default 20;
}
