// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

/**
 * What happened in a {@link LoginRecord}.
 *
 * @since 0.1
 */
public enum LoginEvent {
    /** A successful login. */
    LOGIN,
    /** An explicit logout. */
    LOGOUT,
    /** A login with a wrong user name or password. */
    FAILED,
    /** A login refused without checking because the address failed too often. */
    REFUSED
}
