// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import org.eclipse.jdt.annotation.Nullable;

/**
 * One phone number of a contact, kept as the user typed it, with the form used for matching.
 *
 * @param type       what kind of line it is
 * @param number     the number as typed, e.g. {@code (02) 2345-6789}
 * @param normalized the number for matching (see {@link PhoneNumberRules#normalize}); the server fills it in and
 *                   ignores what a client sends
 * @since 0.1
 */
public record PhoneNumber(PhoneType type, String number, @Nullable String normalized) {

    /** @return a number of this type whose matching form is not yet known */
    public static PhoneNumber of(PhoneType type, String number) {
        return new PhoneNumber(type, number, null);
    }
}
