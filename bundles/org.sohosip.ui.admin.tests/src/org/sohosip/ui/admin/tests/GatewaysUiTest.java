// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.eclipse.swt.SWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.GatewayStatus;
import org.sohosip.ui.admin.internal.GatewayDialog;
import org.sohosip.ui.admin.internal.GatewaysPart;
import org.sohosip.ui.testing.Screenshots;

/**
 * The Gateways page on a real shell (Xvfb) against an HTTPS server through the real client services: the table
 * with each AMI link's state, Asterisk version and since when, refreshed on its own; the gateway dialog's checks
 * next to the fields and the server's refusals at the field they name.
 */
class GatewaysUiTest {

    private AdminFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new AdminFixture("Gateways");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void tableShowsEachLinksStateAndTellsWhenItChanges() throws Exception {
        Gateway main = f.server.addGateway("fxo-main", "10.0.0.5", GatewayState.CONNECTED, "20.20.1");
        f.server.addGateway("pri-branch", "fd00::7", GatewayState.DOWN, null);
        f.server.statuses.put(main.id() + 1, new GatewayStatus(main.id() + 1, GatewayState.DOWN, null,
                "Connection refused", Instant.parse("2026-11-26T08:05:00Z")));
        GatewaysPart part = f.part(GatewaysPart.class, 1100, 360);
        Screenshots.spinUntil(f.display, () -> part.rows().size() == 2);
        assertEquals("fxo-main", part.viewer().getTable().getItem(0).getText(0));
        assertEquals("10.0.0.5:5038", part.viewer().getTable().getItem(0).getText(1));
        assertEquals("[fd00::7]:5038", part.viewer().getTable().getItem(1).getText(1));
        assertTrue(part.statusOf("fxo-main").startsWith("Connected, Asterisk 20.20.1 since "), part.statusOf(
                "fxo-main"));
        assertTrue(part.statusOf("pri-branch").startsWith("Down since "), part.statusOf("pri-branch"));
        assertTrue(part.statusOf("pri-branch").endsWith(": Connection refused"), part.statusOf("pri-branch"));
        assertEquals(f.display.getSystemColor(SWT.COLOR_DARK_GREEN), part.viewer().getTable().getItem(0)
                .getForeground(4));
        Screenshots.save(f.shell, "gateways");

        // Asterisk goes away: the page notices on its own at the next refresh
        f.server.statuses.put(main.id(), new GatewayStatus(main.id(), GatewayState.DOWN, "20.20.1",
                "Connection reset by peer", Instant.now()));
        part.refreshEvery(200);
        Screenshots.spinUntil(f.display, () -> part.statusOf("fxo-main").startsWith("Down"));
        assertEquals("fxo-main: connected \u2192 down.", part.changeText());
        assertEquals(f.display.getSystemColor(SWT.COLOR_DARK_RED), part.viewer().getTable().getItem(0)
                .getForeground(4));
        Screenshots.save(f.shell, "gateways-down");
        f.server.statuses.put(main.id(), new GatewayStatus(main.id(), GatewayState.CONNECTED, "20.20.1", null,
                Instant.now()));
        Screenshots.spinUntil(f.display, () -> part.statusOf("fxo-main").startsWith("Connected"));
        assertEquals("fxo-main: down \u2192 connected.", part.changeText());
        assertTrue(f.requests("GET /api/v1/gateways/" + main.id() + "/status") >= 3);
    }

    @Test
    void dialogChecksFieldsAndShowsTheServersRefusalAtTheField() throws Exception {
        f.server.addGateway("fxo-main", "10.0.0.5", GatewayState.CONNECTED, "20.20.1");
        GatewaysPart part = f.part(GatewaysPart.class, 1100, 360);
        Screenshots.spinUntil(f.display, () -> part.rows().size() == 1);

        GatewayDialog d = new GatewayDialog(f.shell, null, f.gateways);
        d.setBlockOnOpen(false);
        d.open();
        assertEquals("New gateway", d.getShell().getText());
        assertEquals("", d.errorText("amiPort"), "no message before the user typed");
        d.field("name").setText("fxo main");
        assertEquals("Use 1-40 letters, digits, '.', '_' or '-'.", d.errorText("name"));
        d.field("amiPort").setText("70000");
        assertEquals("A port is a number from 1 to 65535 (empty: the default).", d.errorText("amiPort"));
        d.field("outboundChannel").setText("g0");
        assertTrue(d.errorText("outboundChannel").startsWith("An Asterisk channel"), d.errorText("outboundChannel"));
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        assertEquals("Enter a host name or an IP address.", d.errorText("amiHost"), "OK shows every message");
        assertEquals("Required.", d.errorText("amiSecret"), "a new gateway needs the secret");
        Screenshots.save(d.getShell(), "gateway-new-invalid");
        assertEquals(0, f.requests("POST /api/v1/gateways"), "nothing is sent while fields are wrong");

        d.field("name").setText("fxo-main"); // taken: only the server knows
        d.field("amiHost").setText("10.0.0.9");
        d.field("amiPort").setText("");
        d.field("amiUser").setText("sohosip");
        d.field("amiSecret").setText("ami-secret-9");
        d.field("sipHost").setText("10.0.0.9");
        d.field("outboundChannel").setText("DAHDI/g1");
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> !d.errorText("name").isEmpty());
        assertEquals("A gateway named 'fxo-main' already exists.", d.errorText("name"));
        Screenshots.save(d.getShell(), "gateway-new-duplicate");

        d.field("name").setText("fxo-annex");
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> d.saved() != null);
        Gateway saved = d.saved();
        assertEquals(5038, saved.amiPort(), "an empty port is the default");
        assertEquals("ami-secret-9", f.server.secrets.get(saved.id()));
        part.refresh();
        Screenshots.spinUntil(f.display, () -> part.rows().size() == 2);
        assertTrue(part.statusOf("fxo-annex").startsWith("Connecting"), part.statusOf("fxo-annex"));

        // editing keeps the stored secret when the field stays empty
        GatewayDialog edit = new GatewayDialog(f.shell, saved, f.gateways);
        edit.setBlockOnOpen(false);
        edit.open();
        assertEquals("", edit.field("amiSecret").getText(), "the secret is never shown");
        assertEquals("stored; leave empty to keep it", edit.field("amiSecret").getMessage());
        edit.field("amiHost").setText("10.0.0.10");
        edit.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> edit.saved() != null);
        assertEquals("10.0.0.10", f.server.gateways.get(saved.id()).amiHost());
        assertEquals("ami-secret-9", f.server.secrets.get(saved.id()));
        assertFalse(f.server.requests.stream().anyMatch(r -> r.contains("secret")), "no secret in any URL");
    }
}
