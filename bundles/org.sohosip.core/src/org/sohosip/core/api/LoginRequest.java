// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * Body of {@code POST /api/v1/auth/login}.
 *
 * @param username the account's user name
 * @param password its password
 * @since 0.1
 */
public record LoginRequest(String username, String password) {

    /** Keeps the password out of logs and debugger views. */
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***]";
    }
}
