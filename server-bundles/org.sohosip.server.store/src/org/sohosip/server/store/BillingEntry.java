// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import org.sohosip.core.api.BillingRecord;

/**
 * A stored billing record with Asterisk's own CDR fields.
 *
 * @param record  the record as the API shows it
 * @param details the remaining CDR fields
 * @since 0.1
 */
public record BillingEntry(BillingRecord record, CdrDetails details) {
}
