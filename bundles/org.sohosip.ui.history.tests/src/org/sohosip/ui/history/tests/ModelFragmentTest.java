// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.tests;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.ui.history.HistoryTopics;
import org.sohosip.ui.history.internal.HistoryPart;
import org.sohosip.ui.testing.ModelFragment;

/**
 * The model fragment as the bundle ships it: the perspective, its menu item and Ctrl+Shift+Y, each under the element
 * of the application model it must join, and the part's class loadable from the bundle.
 */
class ModelFragmentTest {

    @Test
    void perspectiveMenuItemAndKeyBindingOpenTheHistory() throws Exception {
        ModelFragment.of(FrameworkUtil.getBundle(HistoryPart.class)).assertPerspectiveForEveryUser(
                HistoryTopics.PERSPECTIVE_ID, "M1+M2+Y", "every user has a call history, not only administrators");
    }
}
