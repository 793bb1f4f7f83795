// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core.api;

import org.eclipse.jdt.annotation.Nullable;

/**
 * An inbound number (DID): calls the gateway delivers for {@code did} go to {@code target} during office hours and
 * to {@code afterHoursTarget} outside them. Also the body of {@code POST /api/v1/inbound-numbers} and
 * {@code PUT /api/v1/inbound-numbers/{id}}, where {@code id} is ignored.
 *
 * @param id                store identity
 * @param did               the number as the gateway presents it (1-20 of digits and '+'); unique
 * @param targetKind        where calls go during office hours
 * @param target            extension/user name, group name or mailbox, depending on {@code targetKind}
 * @param afterHoursKind    where calls go outside office hours; {@code null} = same as during office hours
 * @param afterHoursTarget  the after-hours target; {@code null} when {@code afterHoursKind} is {@code null}
 * @param officeHours       e.g. {@code Mon-Fri 08:30-18:00} or {@code Mon-Fri 08:30-12:00,13:30-18:00; Sat
 *                          09:00-12:00}; {@code null} or empty = always office hours
 * @param timeZone          the IANA zone the hours are in, e.g. {@code Asia/Taipei}
 * @since 0.1
 */
public record InboundNumber(long id, String did, InboundTargetKind targetKind, String target,
        @Nullable InboundTargetKind afterHoursKind, @Nullable String afterHoursTarget, @Nullable String officeHours,
        String timeZone) {
}
