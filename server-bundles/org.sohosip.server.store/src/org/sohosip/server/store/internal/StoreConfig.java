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
}
