// SPDX-License-Identifier: EPL-2.0
/** The Administration perspective: accounts and login records. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.admin.internal;
