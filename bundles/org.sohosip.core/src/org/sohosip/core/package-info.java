// SPDX-License-Identifier: EPL-2.0
/**
 * Domain records and small service interfaces shared by the SOHOSIP server and client.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.core;
