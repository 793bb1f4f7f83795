// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** The twelve keys of a telephone; what a key does (a digit of the number, or a tone) is the part's choice. */
public final class DialPad {

    /** The keys in telephone order. */
    public static final String KEYS = "123456789*0#";

    private static final String[] LETTERS = { "", "ABC", "DEF", "GHI", "JKL", "MNO", "PQRS", "TUV", "WXYZ", "", "+",
            "" };

    private final Composite control;
    private final Map<Character, Button> buttons = new LinkedHashMap<>();

    /**
     * @param parent  where the pad goes
     * @param pressed told the key's character when a key is pressed
     */
    public DialPad(Composite parent, Consumer<Character> pressed) {
        control = new Composite(parent, SWT.NONE);
        control.setLayout(new GridLayout(3, true));
        for (int i = 0; i < KEYS.length(); i++) {
            char key = KEYS.charAt(i);
            Button b = new Button(control, SWT.PUSH);
            b.setText(LETTERS[i].isEmpty() ? String.valueOf(key) : key + "  " + LETTERS[i]);
            GridDataFactory.fillDefaults().grab(true, false).hint(72, 36).applyTo(b);
            b.addListener(SWT.Selection, e -> pressed.accept(key));
            buttons.put(key, b);
        }
    }

    /** @return the pad's composite */
    public Composite control() {
        return control;
    }

    /**
     * @param key one of {@link #KEYS}
     * @return its button
     */
    public Button button(char key) {
        Button b = buttons.get(key);
        if (b == null) {
            throw new IllegalArgumentException("No such key: " + key);
        }
        return b;
    }

    /** @param enabled whether the keys can be pressed */
    public void setEnabled(boolean enabled) {
        buttons.values().forEach(b -> b.setEnabled(enabled));
    }
}
