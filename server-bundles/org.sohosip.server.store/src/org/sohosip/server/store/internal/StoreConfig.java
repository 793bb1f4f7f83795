// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

/**
 * Configuration of PID {@code org.sohosip.server.store}. Underscores stand for dots in the keys
 * ({@code db_host} is {@code db.host}).
 */
public @interface StoreConfig {

    /** Absolute folder that holds {@code db/} and {@code db-password}; required. */
    String dataDir() default "";

    /** Address the Derby network server binds to. */
    String db_host() default "127.0.0.1";

    /** Port of the Derby network server. */
    int db_port() default 1527;

    /** Ring time in seconds before a mailbox answers, for owners who never chose one. */
    int voicemail_noAnswerSeconds() default 20;

    /** Messages a mailbox holds at most (deleted ones not counted). */
    int voicemail_maxMessages() default 100;

    /** Days a deleted voicemail message can be restored before it is purged. */
    int voicemail_purgeDays() default 7;

    /** Shortest message, in seconds, kept when a recording a crash left open is closed. */
    int voicemail_minSeconds() default 2;
}
