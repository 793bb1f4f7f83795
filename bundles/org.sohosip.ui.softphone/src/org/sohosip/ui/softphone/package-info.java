// SPDX-License-Identifier: EPL-2.0
/**
 * The softphone of the SOHOSIP client: the Softphone perspective, the incoming-call notification and the
 * registration state in the status line. This package holds what other bundles may refer to: event topics.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.softphone;
