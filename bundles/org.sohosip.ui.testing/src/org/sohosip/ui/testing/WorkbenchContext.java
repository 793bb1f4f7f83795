// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.testing;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.Bundle;

/**
 * Holds what the workbench would for parts and add-ons made outside it: a context over the OSGi services with the
 * UI synchronizer that delivers {@code @UIEventTopic} events on the display thread.
 *
 * @since 0.1
 */
public final class WorkbenchContext {

    private WorkbenchContext() {
    }

    /**
     * Creates the context on the UI thread's default display and makes it the default injection context.
     *
     * @param bundle the bundle whose services the context sees
     * @return a context to create the parts' contexts from
     */
    public static IEclipseContext create(Bundle bundle) {
        Display display = Display.getDefault();
        IEclipseContext ui = EclipseContextFactory.getServiceContext(bundle.getBundleContext()).createChild();
        ui.set(UISynchronize.class, new UISynchronize() {
            @Override public void syncExec(Runnable r) { display.syncExec(r); }
            @Override public void asyncExec(Runnable r) { display.asyncExec(r); }
            @Override protected boolean isUIThread(Thread t) { return display.getThread() == t; }
            @Override protected void showBusyWhile(Runnable r) { r.run(); }
            @Override protected boolean dispatchEvents() { return display.readAndDispatch(); }
        });
        // as E4Application does: the event supplier takes its UI synchronizer from the default context
        ContextInjectionFactory.setDefault(ui);
        return ui;
    }
}
