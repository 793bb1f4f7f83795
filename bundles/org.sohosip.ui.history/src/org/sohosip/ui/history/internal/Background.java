// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.history.internal;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Control;

/** Runs server calls off the UI thread and hands the outcome back to it, unless the control is gone by then. */
final class Background {

    private Background() {
    }

    static <T> void run(Control owner, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        Thread t = new Thread(() -> {
            try {
                T result = work.get();
                ui(owner, () -> done.accept(result));
            } catch (RuntimeException e) {
                ui(owner, () -> failed.accept(e));
            }
        }, "SOHOSIP call history");
        t.setDaemon(true);
        t.start();
    }

    private static void ui(Control owner, Runnable r) {
        if (!owner.isDisposed()) {
            owner.getDisplay().asyncExec(() -> {
                if (!owner.isDisposed()) {
                    r.run();
                }
            });
        }
    }
}
