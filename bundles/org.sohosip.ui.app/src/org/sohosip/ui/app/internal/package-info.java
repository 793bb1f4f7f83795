// SPDX-License-Identifier: EPL-2.0
/** Login, main window, status line and handlers of the SOHOSIP client application. */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.app.internal;
