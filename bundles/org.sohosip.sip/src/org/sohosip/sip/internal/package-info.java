// SPDX-License-Identifier: EPL-2.0
/**
 * JAIN-SIP implementation of the user-agent capabilities.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.sip.internal;
