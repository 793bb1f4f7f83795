// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.GatewayStatus;

/**
 * A gateway with the status of the server's AMI link to it, as the gateways table shows it.
 *
 * @param gateway the gateway
 * @param status  its status, or {@code null} when the server could not say
 * @param problem why the status is missing, or {@code null}
 */
public record GatewayRow(Gateway gateway, @Nullable GatewayStatus status, @Nullable String problem) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT,
            FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    /** @return {@code host:port} of the AMI connection ({@code [v6]:port} for IPv6 addresses) */
    String ami() {
        String h = gateway.amiHost();
        return (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h) + ":" + gateway.amiPort();
    }

    /** @return the state, or {@code null} when unknown */
    @Nullable
    GatewayState state() {
        GatewayStatus s = status;
        return s == null ? null : s.state();
    }

    /** @return the state in words */
    static String stateLabel(GatewayState state) {
        return switch (state) {
            case CONNECTED -> Messages.Gateways_stateConnected;
            case CONNECTING -> Messages.Gateways_stateConnecting;
            case DOWN -> Messages.Gateways_stateDown;
            case DISABLED -> Messages.Gateways_stateDisabled;
        };
    }

    /** @return the status in words: state, Asterisk version, since when, and the last error */
    String statusText() {
        GatewayStatus s = status;
        if (s == null) {
            return NLS.bind(Messages.Gateways_statusUnknown, problem == null ? "" : problem);
        }
        String since = s.since() == null ? "" : NLS.bind(Messages.Gateways_since, TIME.format(s.since()));
        String text = switch (s.state()) {
            case CONNECTED -> NLS.bind(Messages.Gateways_connected, s.asteriskVersion() == null ? "?"
                    : s.asteriskVersion());
            case CONNECTING -> Messages.Gateways_connecting;
            case DOWN -> Messages.Gateways_down;
            case DISABLED -> Messages.Gateways_disabled;
        };
        text += since;
        if (s.lastError() != null && s.state() != GatewayState.CONNECTED) {
            text += ": " + s.lastError();
        }
        return text;
    }
}
