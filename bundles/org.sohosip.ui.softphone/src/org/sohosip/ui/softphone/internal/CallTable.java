// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.ContactService;
import org.sohosip.ui.app.util.Columns;

/**
 * The calls there are: number, name, state and a running timer that ticks every second. The name comes from the
 * phonebook when it knows the number ({@link CallNames}); the tick also picks up a phonebook that loads later.
 */
public final class CallTable {

    private static final int TICK_MILLIS = 1000;

    private final TableViewer viewer;
    private final Runnable tick = this::tick;
    private List<Call> shown = List.of();
    private Runnable onTick = () -> { };

    /**
     * @param parent   where the table goes
     * @param contacts the phonebook at the time of asking ({@code null} when not installed)
     */
    public CallTable(Composite parent, Supplier<@Nullable ContactService> contacts) {
        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        column(Messages.Column_party, 130, Call::remoteParty);
        column(Messages.Column_name, 180, c -> CallNames.name(c, contacts.get()));
        column(Messages.Column_state, 150, c -> CallTexts.state(c.state()));
        column(Messages.Column_time, 80, c -> CallTexts.timer(c, Instant.now()));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setInput(List.of());
        viewer.getControl().getDisplay().timerExec(TICK_MILLIS, tick);
        viewer.getControl().addListener(SWT.Dispose, e -> e.display.timerExec(-1, tick));
    }

    private void column(String title, int width, Function<Call, String> text) {
        Columns.add(viewer, title, width, text);
    }

    private void tick() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        viewer.refresh(true);
        onTick.run();
        viewer.getControl().getDisplay().timerExec(TICK_MILLIS, tick);
    }

    /** @param action run on the UI thread after every tick of the timer */
    public void onTick(Runnable action) {
        onTick = action;
    }

    /**
     * Shows the calls. A call that just started ringing gets the selection, so that Answer acts on it at once;
     * otherwise the selection stays on the same call while it is there, or moves to the call that most likely needs
     * the user: a ringing one, else the active one, else the first.
     *
     * @param calls the calls that have not ended
     */
    public void show(List<Call> calls) {
        Call before = selected();
        Set<String> known = shown.stream().map(Call::id).collect(Collectors.toSet());
        shown = List.copyOf(calls);
        viewer.setInput(shown);
        Call keep = calls.stream().filter(c -> c.state() == CallState.INCOMING && !known.contains(c.id()))
                .findFirst().orElse(null);
        if (keep == null && before != null) {
            keep = calls.stream().filter(c -> c.id().equals(before.id())).findFirst().orElse(null);
        }
        if (keep == null) {
            keep = calls.stream().filter(c -> c.state() == CallState.INCOMING).findFirst()
                    .or(() -> calls.stream().filter(c -> c.state() == CallState.ACTIVE).findFirst())
                    .or(() -> calls.stream().findFirst()).orElse(null);
        }
        viewer.setSelection(keep == null ? StructuredSelection.EMPTY : new StructuredSelection(keep), true);
    }

    /** @return the selected call, or {@code null} */
    public @Nullable Call selected() {
        Object o = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        return o instanceof Call c ? c : null;
    }

    /** @param call the call to select */
    public void select(Call call) {
        viewer.setSelection(new StructuredSelection(call), true);
    }

    /** @return the viewer */
    public TableViewer viewer() {
        return viewer;
    }
}
