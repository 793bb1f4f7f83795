// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Saves what a shell shows as a PNG under {@code target/screenshots}, and runs the event loop until a UI condition
 * holds.
 *
 * @since 0.1
 */
public final class Screenshots {

    private static final long SETTLE_NANOS = 300_000_000L;
    private static final long WAIT_NANOS = 20_000_000_000L;

    private Screenshots() {
    }

    /**
     * Takes a picture of {@code shell} once pending events have been handled.
     *
     * @param shell the shell to capture, open and visible
     * @param name the file name without extension
     * @return the PNG file written
     * @throws Exception if the file cannot be written
     */
    public static Path save(Shell shell, String name) throws Exception {
        Display d = shell.getDisplay();
        // GTK paints on its frame clock: let a few frames pass so the picture shows the current state
        long settle = System.nanoTime() + SETTLE_NANOS;
        while (System.nanoTime() < settle) {
            if (!d.readAndDispatch()) {
                d.timerExec(20, () -> { });
                d.sleep();
            }
        }
        Point size = shell.getSize();
        Image image = new Image(d, size.x, size.y);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
        } finally {
            gc.dispose();
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { image.getImageData() };
        loader.save(file.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return file;
    }

    /**
     * Runs the event loop of {@code d} until {@code done} holds, for at most 20 seconds.
     *
     * @param d the display of the calling (UI) thread
     * @param done the condition to wait for
     * @throws AssertionError if the condition does not hold in time
     */
    public static void spinUntil(Display d, BooleanSupplier done) {
        long end = System.nanoTime() + WAIT_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("UI condition not reached in time");
            }
            if (!d.readAndDispatch()) {
                // wake up now and then, as the condition may change on another thread without a UI event
                d.timerExec(20, () -> { });
                d.sleep();
            }
        }
    }
}
