// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.ui.app.UiConstants;
import org.sohosip.ui.softphone.SoftphoneTopics;
import org.sohosip.ui.softphone.internal.SoftphonePart;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The model fragment as the bundle ships it: the perspective, its menu item and Ctrl+Shift+S, the add-ons and the
 * status line control, each under the element of the application model it must join, and every class it names
 * loadable from the bundle.
 */
class ModelFragmentTest {

    private final Bundle bundle = FrameworkUtil.getBundle(SoftphonePart.class);

    private Document fragment() throws Exception {
        URL url = bundle.getEntry("fragment.e4xmi");
        assertNotNull(url, "fragment.e4xmi is in the bundle");
        try (InputStream in = url.openStream()) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static List<Element> elements(Document d, String parent, String feature) {
        List<Element> out = new ArrayList<>();
        NodeList fragments = d.getElementsByTagName("fragments");
        for (int i = 0; i < fragments.getLength(); i++) {
            Element f = (Element) fragments.item(i);
            if (parent.equals(f.getAttribute("parentElementId")) && feature.equals(f.getAttribute("featurename"))) {
                NodeList children = f.getElementsByTagName("elements");
                for (int j = 0; j < children.getLength(); j++) {
                    out.add((Element) children.item(j));
                }
            }
        }
        return out;
    }

    private void loads(String contributionUri) throws Exception {
        String prefix = "bundleclass://" + bundle.getSymbolicName() + "/";
        assertTrue(contributionUri.startsWith(prefix), contributionUri);
        assertNotNull(bundle.loadClass(contributionUri.substring(prefix.length())));
    }

    @Test
    void perspectiveMenuItemAndKeyBindingOpenTheSoftphone() throws Exception {
        Document d = fragment();
        List<Element> perspectives = elements(d, UiConstants.PERSPECTIVE_STACK, "children");
        assertEquals(1, perspectives.size());
        assertEquals(SoftphoneTopics.PERSPECTIVE_ID, perspectives.get(0).getAttribute("elementId"));
        Element part = (Element) perspectives.get(0).getElementsByTagName("children").item(1);
        loads(part.getAttribute("contributionURI"));

        List<Element> keys = elements(d, "org.sohosip.ui.app.bindingtable.window", "bindings");
        assertEquals(1, keys.size());
        assertEquals("M1+M2+S", keys.get(0).getAttribute("keySequence"));
        List<Element> menu = elements(d, UiConstants.MENU_PERSPECTIVE, "children");
        for (Element e : List.of(keys.get(0), menu.get(0))) {
            Element p = (Element) e.getElementsByTagName("parameters").item(0);
            assertEquals(UiConstants.PARAM_PERSPECTIVE_ID, p.getAttribute("name"));
            assertEquals(SoftphoneTopics.PERSPECTIVE_ID, p.getAttribute("value"));
            assertEquals("_impSwitch", e.getAttribute("command"));
        }
        Element imported = (Element) d.getElementsByTagName("imports").item(0);
        assertEquals(UiConstants.COMMAND_SWITCH_PERSPECTIVE, imported.getAttribute("elementId"));
        assertTrue(perspectives.get(0).getElementsByTagName("tags").getLength() == 0,
                "every user has a softphone, not only administrators");
    }

    @Test
    void addOnsAndStatusLineControlJoinTheApplication() throws Exception {
        Document d = fragment();
        List<Element> addons = elements(d, "org.sohosip.ui.app.application", "addons");
        assertEquals(2, addons.size());
        for (Element a : addons) {
            loads(a.getAttribute("contributionURI"));
        }
        List<Element> status = elements(d, "org.sohosip.ui.app.trimbar.status", "children");
        assertEquals(1, status.size());
        loads(status.get(0).getAttribute("contributionURI"));
    }
}
