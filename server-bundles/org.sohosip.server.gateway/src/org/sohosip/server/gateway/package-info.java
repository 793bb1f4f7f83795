// SPDX-License-Identifier: EPL-2.0
/**
 * The PSTN gateway controller: supervises each Asterisk gateway over its manager interface (AMI), writes the
 * Asterisk side of the trunk from SOHOSIP's data, collects Asterisk's CDRs into billing records, and places
 * click-to-call calls. The implementation lives in {@code internal}.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.gateway;
