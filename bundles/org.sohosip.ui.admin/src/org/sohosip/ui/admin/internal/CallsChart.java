// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A bar chart of calls per day or per hour, drawn with SWT's GC: one bar per key, a value axis with a few round
 * steps, key labels that thin out when there is no room for all of them.
 */
public final class CallsChart extends Canvas {

    /**
     * One bar.
     *
     * @param label the key under the bar
     * @param value the number of calls
     */
    public record Bar(String label, long value) {
    }

    private static final int MARGIN = 8;

    private List<Bar> bars = List.of();
    private String title = "";

    /** @param parent the composite the chart is in */
    public CallsChart(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        addPaintListener(e -> paint(e.gc));
    }

    /**
     * @param title what the chart shows
     * @param bars  the bars, left to right
     */
    void show(String title, List<Bar> bars) {
        this.title = title;
        this.bars = List.copyOf(bars);
        redraw();
    }

    /** @return the bars shown (for tests) */
    public List<Bar> bars() {
        return bars;
    }

    /** @return a round step (1, 2, 5 times a power of ten) that splits {@code max} into at most 5 parts */
    static long step(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[] { 1, 2, 5 }) {
                if (max <= step * m * 5) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        Color fg = getDisplay().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
        Color grid = getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW);
        gc.setForeground(fg);
        Point titleSize = gc.textExtent(title);
        gc.drawText(title, MARGIN, MARGIN, true);
        if (bars.isEmpty()) {
            gc.drawText(Messages.Billing_noCalls, MARGIN, MARGIN * 2 + titleSize.y, true);
            return;
        }
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        long step = step(max);
        long top = (max + step - 1) / step * step;
        int textH = gc.getFontMetrics().getHeight();
        int left = MARGIN + gc.textExtent(String.valueOf(top)).x + 6;
        int plotTop = MARGIN * 2 + titleSize.y;
        int bottom = area.height - MARGIN - textH - 4;
        int width = area.width - left - MARGIN;
        int height = bottom - plotTop;
        if (width < bars.size() || height < 10) {
            return; // too small to say anything
        }
        for (long v = 0; v <= top; v += step) {
            int y = bottom - (int) (height * v / top);
            gc.setForeground(grid);
            gc.drawLine(left, y, left + width, y);
            gc.setForeground(fg);
            String s = String.valueOf(v);
            gc.drawText(s, left - 4 - gc.textExtent(s).x, y - textH / 2, true);
        }
        double slot = (double) width / bars.size();
        int barW = Math.max(1, (int) (slot * 0.7));
        int labelEvery = Math.max(1, (int) Math.ceil(labelWidth(gc) / slot));
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int x = left + (int) (slot * i + (slot - barW) / 2);
            int h = (int) (height * b.value() / top);
            if (h > 0) {
                gc.fillRectangle(x, bottom - h, barW, h);
            }
            if (i % labelEvery == 0) {
                int lw = gc.textExtent(b.label()).x;
                gc.drawText(b.label(), x + barW / 2 - lw / 2, bottom + 2, true);
            }
        }
        gc.setForeground(fg);
        gc.drawLine(left, bottom, left + width, bottom);
        gc.drawLine(left, plotTop, left, bottom);
    }

    private int labelWidth(GC gc) {
        return bars.stream().mapToInt(b -> gc.textExtent(b.label()).x).max().orElse(0) + 6;
    }
}
