// SPDX-License-Identifier: EPL-2.0
/**
 * The SOHOSIP HTTPS JSON API ({@code /api/v1/}) served through the OSGi servlet whiteboard, and the TLS identity it
 * presents to clients.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.api;
