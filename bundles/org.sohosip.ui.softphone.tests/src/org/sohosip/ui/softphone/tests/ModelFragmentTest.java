// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.ui.softphone.SoftphoneTopics;
import org.sohosip.ui.softphone.internal.SoftphonePart;
import org.sohosip.ui.testing.ModelFragment;
import org.w3c.dom.Element;

/**
 * The model fragment as the bundle ships it: the perspective, its menu item and Ctrl+Shift+S, the add-ons and the
 * status line control, each under the element of the application model it must join, and every class it names
 * loadable from the bundle.
 */
class ModelFragmentTest {

    private static ModelFragment fragment() throws Exception {
        return ModelFragment.of(FrameworkUtil.getBundle(SoftphonePart.class));
    }

    @Test
    void perspectiveMenuItemAndKeyBindingOpenTheSoftphone() throws Exception {
        fragment().assertPerspectiveForEveryUser(SoftphoneTopics.PERSPECTIVE_ID, "M1+M2+S",
                "every user has a softphone, not only administrators");
    }

    @Test
    void addOnsAndStatusLineControlJoinTheApplication() throws Exception {
        ModelFragment f = fragment();
        List<Element> addons = f.elements("org.sohosip.ui.app.application", "addons");
        assertEquals(2, addons.size());
        for (Element a : addons) {
            f.assertLoads(a.getAttribute("contributionURI"));
        }
        List<Element> status = f.elements("org.sohosip.ui.app.trimbar.status", "children");
        assertEquals(1, status.size());
        f.assertLoads(status.get(0).getAttribute("contributionURI"));
    }
}
