// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.util;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Control;

/**
 * Runs work that may block (server calls, dialling) off the UI thread and hands the outcome back to it, unless the
 * control it belongs to is gone by then: a part closed while a request was under way simply drops the answer.
 *
 * @since 0.1
 */
public final class Background {

    private Background() {
    }

    /**
     * Starts {@code work} on a new daemon thread; its result goes to {@code done}, a runtime exception it throws to
     * {@code failed}, both on the UI thread of {@code owner} and only while {@code owner} is not disposed.
     *
     * @param <T> what the work produces
     * @param owner the control whose display runs the callbacks, and whose disposal cancels them
     * @param threadName the name of the worker thread, as thread dumps and profilers show it
     * @param work what to do off the UI thread
     * @param done gets the result on the UI thread
     * @param failed gets the runtime exception on the UI thread
     */
    public static <T> void run(Control owner, String threadName, Supplier<T> work, Consumer<T> done,
            Consumer<RuntimeException> failed) {
        Thread t = new Thread(() -> {
            try {
                T result = work.get();
                ui(owner, () -> done.accept(result));
            } catch (RuntimeException e) {
                ui(owner, () -> failed.accept(e));
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
    }

    private static void ui(Control owner, Runnable r) {
        // checked twice: the control can be disposed between posting and running on the UI thread
        if (!owner.isDisposed()) {
            owner.getDisplay().asyncExec(() -> {
                if (!owner.isDisposed()) {
                    r.run();
                }
            });
        }
    }
}
