// SPDX-License-Identifier: EPL-2.0
/**
 * What the SOHOSIP UI test fragments share: screenshots and event-loop waits on a real SWT display, a workbench-like
 * context for parts that use {@code @UIEventTopic}, and checks of a bundle's e4 model fragment. Test code only: no
 * product feature ships this bundle.
 *
 * @since 0.1
 */
@org.eclipse.jdt.annotation.NonNullByDefault
package org.sohosip.ui.testing;
