// SPDX-License-Identifier: EPL-2.0
/** Implementation of the gateway controller; not for other bundles. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.gateway.internal;
