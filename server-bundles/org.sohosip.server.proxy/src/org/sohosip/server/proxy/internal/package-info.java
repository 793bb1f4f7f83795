// SPDX-License-Identifier: EPL-2.0
/**
 * JAIN-SIP implementation of the registrar, the digest authentication, the stateful proxy, the call records and
 * the abuse protection.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.proxy.internal;
