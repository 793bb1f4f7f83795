// SPDX-License-Identifier: EPL-2.0
/**
 * The SOHOSIP client application: constants other UI bundles use to plug into it.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.app;
