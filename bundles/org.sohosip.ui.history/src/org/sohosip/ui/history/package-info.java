// SPDX-License-Identifier: EPL-2.0
/**
 * The call history of the SOHOSIP client: the user's calls as the server keeps them, the same on every machine.
 * This package holds what other bundles may refer to: event topics.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.history;
