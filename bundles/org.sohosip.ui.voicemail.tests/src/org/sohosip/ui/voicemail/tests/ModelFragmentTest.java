// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.tests;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.ui.testing.ModelFragment;
import org.sohosip.ui.voicemail.VoicemailIds;
import org.sohosip.ui.voicemail.internal.VoicemailPart;

/**
 * The model fragment as the bundle ships it: the perspective, its menu item and Ctrl+Shift+V, each under the
 * element of the application model it must join, the part's and the add-on's classes loadable from the bundle.
 */
class ModelFragmentTest {

    @Test
    void perspectiveMenuItemAndKeyBindingOpenTheVoicemail() throws Exception {
        ModelFragment fragment = ModelFragment.of(FrameworkUtil.getBundle(VoicemailPart.class));
        fragment.assertPerspectiveForEveryUser(VoicemailIds.PERSPECTIVE_ID, "M1+M2+V",
                "every user has a mailbox, not only administrators");
        fragment.assertLoads(fragment.elements("org.sohosip.ui.app.application", "addons").get(0)
                .getAttribute("contributionURI"));
    }
}
