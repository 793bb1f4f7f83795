// SPDX-License-Identifier: EPL-2.0
/**
 * The voicemail of the SOHOSIP client: the Voicemail perspective, its folders, list and player. This package holds
 * what other bundles may refer to: identifiers.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.voicemail;
