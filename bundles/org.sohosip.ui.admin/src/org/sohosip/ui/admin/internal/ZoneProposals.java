// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.ContentProposalAdapter;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.IContentProposalProvider;
import org.eclipse.jface.fieldassist.TextContentAdapter;
import org.eclipse.swt.widgets.Text;

/**
 * Type-ahead for a time zone field: the zone names of the tz database that contain what was typed, ignoring case,
 * those that start with it first ("taip" offers Asia/Taipei, "berl" Europe/Berlin). A text field with proposals
 * rather than a drop-down, because a list of some 600 names is only usable by typing.
 */
public final class ZoneProposals implements IContentProposalProvider {

    /** Proposals shown at most; typing more narrows them. */
    public static final int MAX = 50;
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            // the old aliases (SystemV/..., EST5EDT) confuse more than they help; Etc/ covers plain offsets
            .filter(z -> z.contains("/") && !z.startsWith("SystemV/") || z.equals("UTC")).sorted().toList();

    private ZoneProposals() {
    }

    /** Offers the zone names under {@code field} as the user types, or on Ctrl+Space. */
    static void attach(Text field) {
        ContentProposalAdapter adapter = new ContentProposalAdapter(field, new TextContentAdapter(),
                new ZoneProposals(), KeyStroke.getInstance(org.eclipse.swt.SWT.MOD1, ' '),
                "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/_".toCharArray());
        adapter.setProposalAcceptanceStyle(ContentProposalAdapter.PROPOSAL_REPLACE);
    }

    /** @return the zone names that match {@code typed}, best first, at most {@link #MAX} (public for tests) */
    public static List<String> matching(String typed) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        return ZONES.stream().filter(z -> z.toLowerCase(Locale.ROOT).contains(t))
                .sorted(Comparator.comparing((String z) -> !starts(z, t)).thenComparing(Comparator.naturalOrder()))
                .limit(MAX).toList();
    }

    /** Whether the zone or its city part (after the last '/') starts with {@code t}. */
    private static boolean starts(String zone, String t) {
        String z = zone.toLowerCase(Locale.ROOT);
        return z.startsWith(t) || z.substring(z.lastIndexOf('/') + 1).startsWith(t);
    }

    @Override
    public IContentProposal[] getProposals(String contents, int position) {
        return matching(contents).stream().map(ContentProposal::new).toArray(IContentProposal[]::new);
    }
}
