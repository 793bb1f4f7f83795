// SPDX-License-Identifier: EPL-2.0
/**
 * The store's implementation: the Derby network server, migrations, JPA entities and repositories. Exported only
 * for the store's test fragment.
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.server.store.internal;
