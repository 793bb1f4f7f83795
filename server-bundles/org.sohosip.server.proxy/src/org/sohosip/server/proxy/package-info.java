// SPDX-License-Identifier: EPL-2.0
/**
 * The office's SIP registrar and stateful proxy: phones register here and call each other by user name, extension
 * or alias. The implementation lives in {@code internal}; this package holds what other bundles may see.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.proxy;
