// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.sohosip.client.core.InboundNumberService;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.InboundTargetKind;

/**
 * Adds or edits an inbound number (DID): where its calls go during office hours (an extension, a ring group or a
 * mailbox), the office hours and their time zone, and where calls go after hours (or the same place).
 */
public final class InboundNumberDialog extends FormDialog<InboundNumber> {

    private static final InboundTargetKind[] KINDS = InboundTargetKind.values();

    private final @Nullable InboundNumber existing;
    private final InboundNumberService service;
    private Combo kind;
    private Combo afterKind;

    InboundNumberDialog(@Nullable Shell parent, @Nullable InboundNumber existing, InboundNumberService service) {
        super(parent, existing == null ? Messages.InboundDialog_newTitle : Messages.InboundDialog_editTitle,
                existing == null);
        this.existing = existing;
        this.service = service;
    }

    /** @return the words for a target kind, as the drop-downs and the table show them */
    static String kindLabel(InboundTargetKind k) {
        return switch (k) {
            case EXTENSION -> Messages.Inbound_extension;
            case RING_GROUP -> Messages.Inbound_ringGroup;
            case VOICEMAIL -> Messages.Inbound_voicemail;
        };
    }

    @Override
    protected void createFields(Composite area) {
        InboundNumber n = existing;
        String[] kinds = java.util.Arrays.stream(KINDS).map(InboundNumberDialog::kindLabel).toArray(String[]::new);
        String[] afterKinds = new String[KINDS.length + 1];
        afterKinds[0] = Messages.Inbound_same;
        System.arraycopy(kinds, 0, afterKinds, 1, kinds.length);
        text(area, "did", Messages.InboundDialog_did, SWT.NONE, n == null ? "" : n.did());
        kind = combo(area, "targetKind", Messages.InboundDialog_kind, kinds, n == null ? 0 : n.targetKind().ordinal());
        text(area, "target", Messages.InboundDialog_target, SWT.NONE, n == null ? "" : n.target());
        text(area, "officeHours", Messages.InboundDialog_hours, SWT.NONE,
                n == null || n.officeHours() == null ? "" : n.officeHours()).setMessage("Mon-Fri 08:30-18:00");
        text(area, "timeZone", Messages.InboundDialog_zone, SWT.NONE,
                n == null ? ZoneId.systemDefault().getId() : n.timeZone());
        afterKind = combo(area, "afterHoursKind", Messages.InboundDialog_afterKind, afterKinds,
                n == null ? (0) : n.afterHoursKind() == null ? 0 : n.afterHoursKind().ordinal() + 1);
        text(area, "afterHoursTarget", Messages.InboundDialog_afterTarget, SWT.NONE,
                n == null || n.afterHoursTarget() == null ? "" : n.afterHoursTarget());
        afterKind.addListener(SWT.Selection, e -> field("afterHoursTarget").setEnabled(afterKind.getSelectionIndex()
                > 0));
        field("afterHoursTarget").setEnabled(afterKind.getSelectionIndex() > 0);
    }

    private String v(String field) {
        return field(field).getText().strip();
    }

    @Override
    protected Map<String, Optional<String>> check() {
        Map<String, Optional<String>> m = new LinkedHashMap<>();
        m.put("did", Checks.did(v("did")));
        m.put("target", Checks.required(v("target")));
        m.put("timeZone", Checks.timeZone(v("timeZone")));
        m.put("afterHoursTarget", afterKind.getSelectionIndex() > 0 ? Checks.required(v("afterHoursTarget"))
                : Optional.empty());
        return m;
    }

    @Override
    protected Supplier<InboundNumber> request() {
        boolean after = afterKind.getSelectionIndex() > 0;
        InboundNumber n = new InboundNumber(existing == null ? 0 : existing.id(), v("did"),
                KINDS[Math.max(0, kind.getSelectionIndex())], v("target"),
                after ? KINDS[afterKind.getSelectionIndex() - 1] : null, after ? v("afterHoursTarget") : null,
                v("officeHours").isEmpty() ? null : v("officeHours"), v("timeZone"));
        InboundNumber e = existing;
        return e == null ? () -> service.create(n) : () -> service.update(e.id(), n);
    }

    /** @return the office-hours target kind drop-down (for tests) */
    public Combo kind() {
        return kind;
    }

    /** @return the after-hours target kind drop-down (for tests) */
    public Combo afterKind() {
        return afterKind;
    }
}
