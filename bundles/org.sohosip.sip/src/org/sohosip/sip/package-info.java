// SPDX-License-Identifier: EPL-2.0
/**
 * SIP user-agent layer over JAIN-SIP, shared by the softphone and the server.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.sip;
