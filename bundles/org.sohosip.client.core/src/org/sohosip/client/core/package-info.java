// SPDX-License-Identifier: EPL-2.0
/**
 * The SOHOSIP client's connection to a server: the HTTPS API client, trust on first use for the server's
 * certificate, and the login session with automatic token refresh. No user interface code lives here.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.client.core;
