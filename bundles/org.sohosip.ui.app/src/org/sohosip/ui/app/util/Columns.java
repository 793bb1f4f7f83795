// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.util;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;

/**
 * Table columns that show one text per row, computed from the row's element.
 *
 * @since 0.1
 */
public final class Columns {

    private Columns() {
    }

    /**
     * Adds a column at the right end of {@code viewer}.
     *
     * @param <T> the type of the viewer's elements
     * @param viewer the table viewer whose input holds elements of type {@code T}
     * @param title the column header
     * @param width the column width in pixels
     * @param text the text of a row's cell
     * @return the new column, for callers that add sorting or moving
     */
    public static <T> TableViewerColumn add(TableViewer viewer, String title, int width, Function<T, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            @SuppressWarnings("unchecked") // the viewer's input holds only T, as the caller declares
            public String getText(Object element) {
                return text.apply((T) element);
            }
        });
        return c;
    }
}
