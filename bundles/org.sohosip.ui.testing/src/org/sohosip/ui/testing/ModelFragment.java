// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.osgi.framework.Bundle;
import org.sohosip.ui.app.UiConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A bundle's {@code fragment.e4xmi} as the bundle ships it, read as XML, with the checks every UI bundle that
 * contributes a perspective needs.
 *
 * @since 0.1
 */
public final class ModelFragment {

    private static final String KEY_BINDINGS = "org.sohosip.ui.app.bindingtable.window";
    private static final String SWITCH_COMMAND_REF = "_impSwitch";

    private final Bundle bundle;
    private final Document document;

    private ModelFragment(Bundle bundle, Document document) {
        this.bundle = bundle;
        this.document = document;
    }

    /**
     * Reads the model fragment of a bundle.
     *
     * @param bundle the bundle that ships {@code fragment.e4xmi} at its root
     * @return the fragment
     * @throws Exception if the file is missing or not XML
     */
    public static ModelFragment of(Bundle bundle) throws Exception {
        URL url = bundle.getEntry("fragment.e4xmi");
        assertNotNull(url, "fragment.e4xmi is in the bundle");
        try (InputStream in = url.openStream()) {
            return new ModelFragment(bundle, DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in));
        }
    }

    /**
     * @param parent the element id of the application model element the fragment adds to
     * @param feature the feature of that element the fragment adds to ({@code children}, {@code addons}...)
     * @return the elements added there, in file order
     */
    public List<Element> elements(String parent, String feature) {
        List<Element> out = new ArrayList<>();
        NodeList fragments = document.getElementsByTagName("fragments");
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

    /**
     * Asserts that a contribution URI names a class of this bundle that loads.
     *
     * @param contributionUri a {@code bundleclass://} URI
     * @throws Exception if the class does not load
     */
    public void assertLoads(String contributionUri) throws Exception {
        String prefix = "bundleclass://" + bundle.getSymbolicName() + "/";
        assertTrue(contributionUri.startsWith(prefix), contributionUri);
        assertNotNull(bundle.loadClass(contributionUri.substring(prefix.length())));
    }

    /**
     * Asserts that the fragment adds exactly one perspective to the application's perspective stack, whose part
     * loads, that one key binding and the first Perspective menu item switch to it through the application's
     * switch-perspective command, and that the perspective is not limited to administrators.
     *
     * @param perspectiveId the element id of the perspective
     * @param keySequence the key binding, e.g. {@code M1+M2+S}
     * @param everyUser the assertion message for a perspective that carries tags (and so would be hidden from some
     *        users)
     * @throws Exception if a class does not load
     */
    public void assertPerspectiveForEveryUser(String perspectiveId, String keySequence, String everyUser)
            throws Exception {
        List<Element> perspectives = elements(UiConstants.PERSPECTIVE_STACK, "children");
        assertEquals(1, perspectives.size());
        assertEquals(perspectiveId, perspectives.get(0).getAttribute("elementId"));
        Element part = (Element) perspectives.get(0).getElementsByTagName("children").item(1);
        assertLoads(part.getAttribute("contributionURI"));

        List<Element> keys = elements(KEY_BINDINGS, "bindings");
        assertEquals(1, keys.size());
        assertEquals(keySequence, keys.get(0).getAttribute("keySequence"));
        List<Element> menu = elements(UiConstants.MENU_PERSPECTIVE, "children");
        for (Element e : List.of(keys.get(0), menu.get(0))) {
            Element p = (Element) e.getElementsByTagName("parameters").item(0);
            assertEquals(UiConstants.PARAM_PERSPECTIVE_ID, p.getAttribute("name"));
            assertEquals(perspectiveId, p.getAttribute("value"));
            assertEquals(SWITCH_COMMAND_REF, e.getAttribute("command"));
        }
        Element imported = (Element) document.getElementsByTagName("imports").item(0);
        assertEquals(UiConstants.COMMAND_SWITCH_PERSPECTIVE, imported.getAttribute("elementId"));
        assertTrue(perspectives.get(0).getElementsByTagName("tags").getLength() == 0, everyUser);
    }
}
