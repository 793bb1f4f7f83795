// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

/**
 * How a billed call ended, with Asterisk's CDR names ({@link #asteriskName()}).
 *
 * @since 0.1
 */
public enum BillingDisposition {
    /** Answered: billable. */
    ANSWERED("ANSWERED"),
    /** Not answered. */
    NO_ANSWER("NO ANSWER"),
    /** The other side was busy. */
    BUSY("BUSY"),
    /** The call could not be set up. */
    FAILED("FAILED");

    private final String asteriskName;

    BillingDisposition(String asteriskName) {
        this.asteriskName = asteriskName;
    }

    /** @return the disposition as Asterisk writes it in {@code Master.csv} and {@code Cdr} events */
    public String asteriskName() {
        return asteriskName;
    }

    /** @return the disposition for Asterisk's name (unknown names count as {@link #FAILED}) */
    public static BillingDisposition fromAsterisk(String name) {
        for (BillingDisposition d : values()) {
            if (d.asteriskName.equalsIgnoreCase(name.trim())) {
                return d;
            }
        }
        return FAILED;
    }
}
