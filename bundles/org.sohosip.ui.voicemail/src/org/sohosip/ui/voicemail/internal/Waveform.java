// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.voicemail.internal;

import java.util.function.LongConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A picture of the message drawn from its PCM: for each pixel column the loudest sample of its stretch, above and
 * below the middle line, the part already played in the selection colour. Clicking seeks there.
 */
final class Waveform {

    /** Peaks kept per message: enough for a wide window, small enough to recompute nothing on resize. */
    static final int BUCKETS = 2000;

    private final Canvas canvas;
    private float[] peaks = new float[0];
    private long lengthMillis;
    private long positionMillis;

    /**
     * @param parent the parent
     * @param seek   told the position clicked, in milliseconds
     */
    Waveform(Composite parent, LongConsumer seek) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseDown, e -> {
            int w = canvas.getClientArea().width;
            if (lengthMillis > 0 && w > 0) {
                seek.accept(Math.max(0, Math.min(lengthMillis, e.x * lengthMillis / w)));
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    /** @param pcm the message's samples, or an empty array for none */
    void show(short[] pcm) {
        peaks = peaks(pcm, BUCKETS);
        lengthMillis = pcm.length / 8;
        positionMillis = 0;
        canvas.redraw();
    }

    void position(long millis) {
        positionMillis = millis;
        canvas.redraw();
    }

    /** @return per bucket the largest absolute sample, scaled to 0..1 */
    static float[] peaks(short[] pcm, int buckets) {
        if (pcm.length == 0) {
            return new float[0];
        }
        int n = Math.min(buckets, pcm.length);
        float[] out = new float[n];
        for (int b = 0; b < n; b++) {
            int from = (int) ((long) b * pcm.length / n);
            int to = (int) ((long) (b + 1) * pcm.length / n);
            int max = 0;
            for (int i = from; i < to; i++) {
                max = Math.max(max, Math.abs(pcm[i]));
            }
            out[b] = Math.min(1f, max / 32768f);
        }
        return out;
    }

    /** @return how many columns show sound above a quarter of full scale (for tests: the picture is not empty) */
    int loudColumns() {
        int n = 0;
        for (float p : peaks) {
            if (p > 0.25f) {
                n++;
            }
        }
        return n;
    }

    private void paint(GC gc) {
        Rectangle r = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(r);
        int mid = r.height / 2;
        if (peaks.length == 0 || r.width == 0) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
            gc.drawLine(0, mid, r.width, mid);
            return;
        }
        int playedX = lengthMillis == 0 ? 0 : (int) (positionMillis * r.width / lengthMillis);
        for (int x = 0; x < r.width; x++) {
            float p = peaks[(int) ((long) x * peaks.length / r.width)];
            int h = Math.max(1, (int) (p * (mid - 2)));
            gc.setForeground(canvas.getDisplay().getSystemColor(
                    x < playedX ? SWT.COLOR_LIST_SELECTION : SWT.COLOR_WIDGET_DARK_SHADOW));
            gc.drawLine(x, mid - h, x, mid + h);
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_RED));
        gc.drawLine(playedX, 0, playedX, r.height);
    }

    /** @return the preferred size: any width, a fixed height */
    static Point preferred() {
        return new Point(SWT.DEFAULT, 90);
    }
}
