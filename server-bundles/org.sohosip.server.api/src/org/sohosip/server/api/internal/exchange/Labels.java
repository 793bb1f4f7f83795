// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal.exchange;

import java.util.Locale;

import org.sohosip.core.PhoneType;

/** Phone types as the exchange formats name them. */
final class Labels {

    /** The vCard TYPE and CSV label of an extension, which neither format knows. */
    static final String EXTENSION = "x-extension";

    private Labels() {
    }

    /** @return the type a free-text label (vCard TYPE values joined, or a CSV column label) stands for */
    static PhoneType type(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.contains("fax")) {
            return PhoneType.FAX;
        }
        if (l.contains("extension")) {
            return PhoneType.EXTENSION;
        }
        if (l.contains("cell") || l.contains("mobile")) {
            return PhoneType.MOBILE;
        }
        if (l.contains("home")) {
            return PhoneType.HOME;
        }
        if (l.contains("work") || l.contains("office") || l.contains("business") || l.contains("main")) {
            return PhoneType.OFFICE;
        }
        return PhoneType.OTHER;
    }

    /** @return the CSV label written for a type (read back by {@link #type}) */
    static String csvLabel(PhoneType type) {
        return switch (type) {
        case EXTENSION -> "Extension";
        case OFFICE -> "Work";
        case MOBILE -> "Mobile";
        case HOME -> "Home";
        case FAX -> "Work Fax";
        case OTHER -> "Other";
        };
    }
}
