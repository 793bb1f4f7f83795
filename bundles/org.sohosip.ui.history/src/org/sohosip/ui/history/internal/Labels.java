// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.internal;

import java.time.Duration;

import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;

/** How history values read on screen. */
final class Labels {

    private Labels() {
    }

    static String direction(CallDirection d) {
        return d == CallDirection.INCOMING ? Messages.Direction_INCOMING : Messages.Direction_OUTGOING;
    }

    static String disposition(CallDisposition d) {
        return switch (d) {
            case ANSWERED -> Messages.Disposition_ANSWERED;
            case MISSED -> Messages.Disposition_MISSED;
            case BUSY -> Messages.Disposition_BUSY;
            case FAILED -> Messages.Disposition_FAILED;
            case CANCELLED -> Messages.Disposition_CANCELLED;
        };
    }

    /** @return {@code m:ss}, or {@code h:mm:ss} from one hour on */
    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
