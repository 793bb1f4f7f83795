// SPDX-License-Identifier: EPL-2.0
/**
 * Small SWT/JFace helpers that every SOHOSIP UI bundle needs in the same form: background work that reports back to
 * the UI thread, and table columns that show one text per row.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.app.util;
