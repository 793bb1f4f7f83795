// SPDX-License-Identifier: EPL-2.0
/**
 * The SOHOSIP data store: the only room that speaks SQL. It runs the Derby network server, applies the versioned
 * schema migrations and offers the repositories below as OSGi services.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.store;
