// SPDX-License-Identifier: EPL-2.0
/**
 * Implementation of the client core: certificate pinning, JSON mapping and the session component.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.client.core.internal;
