// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * Body of {@code POST /api/v1/me/click-to-call}: the caller's own phone rings first; when it answers, the number
 * is dialled (through a gateway for outside numbers, inside the office otherwise).
 *
 * @param number an extension, user name or outside number, as the user would dial it on the phone
 * @since 0.1
 */
public record ClickToCall(String number) {
}
