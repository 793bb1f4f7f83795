// SPDX-License-Identifier: EPL-2.0
/**
 * Implementation of the HTTPS API: routing, bearer tokens, login throttling, JSON mapping, resource handlers and the
 * TLS material. Exported only for the test fragment.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.api.internal;
