// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * Body of {@code POST /api/v1/accounts/{id}/password} (an administrator resets a password).
 *
 * @param password the new password
 * @since 0.1
 */
public record PasswordChange(String password) {

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "PasswordChange[password=***]";
    }
}
