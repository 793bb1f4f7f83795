// SPDX-License-Identifier: EPL-2.0
/** The History perspective's part, its filter and the CSV export. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.history.internal;
