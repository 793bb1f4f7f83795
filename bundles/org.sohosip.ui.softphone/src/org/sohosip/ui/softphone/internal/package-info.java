// SPDX-License-Identifier: EPL-2.0
/** The softphone's parts, windows and add-ons. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.softphone.internal;
