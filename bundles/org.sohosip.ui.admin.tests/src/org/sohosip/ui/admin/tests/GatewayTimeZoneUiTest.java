// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayState;
import org.sohosip.ui.admin.internal.GatewayDialog;
import org.sohosip.ui.admin.internal.ZoneProposals;
import org.sohosip.ui.testing.Screenshots;

/**
 * The gateway dialog's time zone (the zone of the Asterisk host's clock, in which its CDR times are read): zone
 * names offered as the user types, checked before anything is sent, and saved through the real client.
 */
class GatewayTimeZoneUiTest {

    private static final String ZONE_MESSAGE = "A time zone name such as Asia/Taipei, Europe/Berlin or UTC (type a few"
            + " letters of the city for suggestions).";
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
    void zoneNamesAreOfferedByWhatWasTyped() {
        assertEquals("Asia/Taipei", ZoneProposals.matching("taip").get(0), "by the city");
        assertEquals("Europe/Berlin", ZoneProposals.matching("Berl").get(0), "ignoring case");
        assertEquals("America/New_York", ZoneProposals.matching("new_y").get(0));
        assertTrue(ZoneProposals.matching("asia/").stream().allMatch(z -> z.startsWith("Asia/")));
        assertTrue(ZoneProposals.matching("").size() <= ZoneProposals.MAX, "a short list, narrowed by typing");
        assertEquals(List.of(), ZoneProposals.matching("Atlantis"));
    }

    @Test
    void theDialogChecksTheZoneAndSavesIt() throws Exception {
        Gateway fxo = f.server.addGateway("fxo-main", "10.0.0.5", GatewayState.CONNECTED, "20.20.1");
        Gateway listed = f.gateways.gateways().stream().filter(g -> g.id() == fxo.id()).findFirst().orElseThrow();
        assertEquals(fxo, listed, "the zone comes through the client as the server sent it");
        GatewayDialog edit = new GatewayDialog(f.shell, listed, f.gateways);
        edit.setBlockOnOpen(false);
        edit.open();
        assertEquals(fxo.timeZone(), edit.field("timeZone").getText(), "the stored zone");
        edit.field("timeZone").setText("Europe/Taipei");
        assertEquals(ZONE_MESSAGE, edit.errorText("timeZone"));
        edit.field("timeZone").setText("+08:00");
        assertEquals(ZONE_MESSAGE, edit.errorText("timeZone"), "an offset misses daylight-saving time");
        edit.field("timeZone").setText("");
        assertEquals("Required.", edit.errorText("timeZone"), "an edited gateway keeps a zone");
        Screenshots.save(edit.getShell(), "gateway-zone-invalid");
        edit.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        assertEquals(0, f.requests("PUT /api/v1/gateways"), "nothing is sent while the zone is wrong");

        edit.field("timeZone").setText("Asia/Taipei");
        assertEquals("", edit.errorText("timeZone"));
        edit.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> edit.saved() != null);
        assertEquals("Asia/Taipei", edit.saved().timeZone());
        assertEquals("Asia/Taipei", f.server.gateways.get(fxo.id()).timeZone());

        // a new gateway may leave the zone empty: the server then takes its own zone
        GatewayDialog add = new GatewayDialog(f.shell, null, f.gateways);
        add.setBlockOnOpen(false);
        add.open();
        assertEquals("", add.field("timeZone").getText());
        assertEquals("the Asterisk host's clock; empty: the server's zone", add.field("timeZone").getMessage());
        add.field("name").setText("fxo-annex");
        add.field("amiHost").setText("10.0.0.9");
        add.field("amiUser").setText("sohosip");
        add.field("amiSecret").setText("ami-secret-9");
        add.field("sipHost").setText("10.0.0.9");
        add.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> add.saved() != null);
        assertEquals("UTC", add.saved().timeZone(), "the test server's own zone is UTC");
    }
}
