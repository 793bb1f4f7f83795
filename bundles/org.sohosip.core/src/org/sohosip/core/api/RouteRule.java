// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import org.eclipse.jdt.annotation.Nullable;

/**
 * An outbound dial-plan rule: a dialled number that starts with {@code prefix} goes to the gateway, after
 * {@code stripDigits} leading digits are removed and {@code prepend} is put in front. The rule with the longest
 * matching prefix wins. Also the body of {@code POST /api/v1/routes} and {@code PUT /api/v1/routes/{id}}, where
 * {@code id} is ignored.
 *
 * @param id           store identity
 * @param prefix       1-20 characters of digits, '*', '#', '+'; unique
 * @param stripDigits  leading digits to remove, 0 to the prefix's length
 * @param prepend      digits to put in front after stripping (may be empty)
 * @param gatewayId    the gateway that carries the call
 * @param allowedGroup only members of this group may use the rule; {@code null} = every account with PSTN permission
 * @param description  a note for administrators (may be empty)
 * @since 0.1
 */
public record RouteRule(long id, String prefix, int stripDigits, String prepend, long gatewayId,
        @Nullable String allowedGroup, String description) {
}
