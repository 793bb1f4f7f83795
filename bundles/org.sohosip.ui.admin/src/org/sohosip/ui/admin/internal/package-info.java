// SPDX-License-Identifier: EPL-2.0
/**
 * The Administration perspective: accounts and login records, and the PSTN gateway pages (gateways with their
 * status, the dial plan with emergency numbers, inbound numbers, call reports).
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.admin.internal;
