// SPDX-License-Identifier: EPL-2.0
/**
 * The JSON bodies of the SOHOSIP HTTPS API ({@code /api/v1/}), shared by the server that writes them and the client
 * that reads them. Times travel as ISO-8601 strings.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.core.api;
