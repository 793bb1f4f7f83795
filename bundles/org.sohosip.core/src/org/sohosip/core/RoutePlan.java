// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.util.Comparator;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.RouteRule;

/**
 * How route rules apply to a dialled number, the same for the proxy (calls from phones) and click-to-call: the
 * rule with the longest matching prefix wins; its leading digits are stripped and its prefix digits put in front.
 *
 * @since 0.1
 */
public final class RoutePlan {

    private RoutePlan() {
    }

    /** @return the rule with the longest prefix that {@code dialled} starts with, or {@code null} */
    public static @Nullable RouteRule match(List<RouteRule> rules, String dialled) {
        return rules.stream().filter(r -> dialled.startsWith(r.prefix()))
                .max(Comparator.comparingInt(r -> r.prefix().length())).orElse(null);
    }

    /** @return the number to send to the gateway for {@code dialled} under {@code rule} */
    public static String rewrite(RouteRule rule, String dialled) {
        return rule.prepend() + dialled.substring(Math.min(rule.stripDigits(), dialled.length()));
    }

    /**
     * @return whether {@code caller} may use {@code rule}: the PSTN permission and, when the rule names a group,
     *         membership of it
     */
    public static boolean permits(RouteRule rule, Account caller) {
        String group = rule.allowedGroup();
        return caller.pstnAllowed() && (group == null || caller.groups().contains(group));
    }
}
