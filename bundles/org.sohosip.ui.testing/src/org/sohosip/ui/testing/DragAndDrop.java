// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.testing;

import java.lang.reflect.Field;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DragSource;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.TransferData;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Widget;

/**
 * Drives the drag-and-drop listeners that parts register, the way SWT's own drag-and-drop code calls them, for
 * text. A real drag between widgets needs the window system's pointer grab, which Xvfb without a window manager
 * does not give reliably; what a part decides (whether a drag may start, what it carries, what a drop does) is in
 * these listeners. SWT's event type for them is package-private, hence the reflection.
 *
 * @since 0.1
 */
public final class DragAndDrop {

    private DragAndDrop() {
    }

    /**
     * Starts a text drag on a widget's drag source and asks it for its data, as a drop would.
     *
     * @param source the widget's drag source ({@code control.getData(DND.DRAG_SOURCE_KEY)})
     * @return the text it carries, or {@code null} when it refused to start the drag
     * @throws ReflectiveOperationException when SWT's event type changed
     */
    public static @Nullable String drag(DragSource source) throws ReflectiveOperationException {
        Event start = event(source, null);
        start.doit = true;
        source.notifyListeners(DND.DragStart, start);
        if (!start.doit) {
            return null;
        }
        Event set = event(source, null);
        source.notifyListeners(DND.DragSetData, set);
        return set.data instanceof String s ? s : null;
    }

    /**
     * Drops text on a widget's drop target.
     *
     * @param target the widget's drop target ({@code control.getData(DND.DROP_TARGET_KEY)})
     * @param text   what is dropped
     * @throws ReflectiveOperationException when SWT's event type changed
     */
    public static void drop(DropTarget target, String text) throws ReflectiveOperationException {
        Event e = event(target, text);
        target.notifyListeners(DND.Drop, e);
    }

    private static Event event(Widget widget, @Nullable String data) throws ReflectiveOperationException {
        Class<?> type = Class.forName("org.eclipse.swt.dnd.DNDEvent", true, DND.class.getClassLoader());
        var make = type.getDeclaredConstructor();
        make.setAccessible(true);
        Event e = (Event) make.newInstance();
        e.widget = widget;
        e.display = widget.getDisplay();
        e.data = data;
        e.detail = DND.DROP_COPY;
        TransferData text = TextTransfer.getInstance().getSupportedTypes()[0];
        Field dataType = type.getDeclaredField("dataType");
        dataType.setAccessible(true);
        dataType.set(e, text);
        Field dataTypes = type.getDeclaredField("dataTypes");
        dataTypes.setAccessible(true);
        dataTypes.set(e, new TransferData[] { text });
        return e;
    }
}
