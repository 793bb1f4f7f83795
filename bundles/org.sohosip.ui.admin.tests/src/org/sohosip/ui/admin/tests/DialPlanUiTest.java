// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.InboundTargetKind;
import org.sohosip.core.api.RouteRule;
import org.sohosip.ui.admin.internal.EmergencyNumberDialog;
import org.sohosip.ui.admin.internal.InboundNumberDialog;
import org.sohosip.ui.admin.internal.InboundNumbersPart;
import org.sohosip.ui.admin.internal.RouteDialog;
import org.sohosip.ui.admin.internal.RoutesPart;
import org.sohosip.ui.testing.Screenshots;

/**
 * The Dial plan and Inbound numbers pages on a real shell (Xvfb) against an HTTPS server through the real client
 * services: route rules longest prefix first, the route and emergency-number dialogs with the server's refusals at
 * their fields, and inbound numbers with office hours and an after-hours target.
 */
class DialPlanUiTest {

    private AdminFixture f;
    private Gateway fxo;

    @BeforeEach
    void setUp() throws Exception {
        f = new AdminFixture("Dial plan");
        fxo = f.server.addGateway("fxo-main", "10.0.0.5", GatewayState.CONNECTED, "20.20.1");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static List<String> column(org.eclipse.jface.viewers.TableViewer v, int column) {
        return Arrays.stream(v.getTable().getItems()).map(i -> i.getText(column)).toList();
    }

    @Test
    void routesLongestPrefixFirstWithTheirDialogAndEmergencyNumbers() throws Exception {
        f.server.addRoute("0", 1, "", fxo.id(), null, "outside line");
        f.server.addRoute("002", 3, "00", fxo.id(), "managers", "international");
        f.server.addRoute("09", 1, "", fxo.id(), null, "mobiles");
        f.server.emergency = List.of(new EmergencyNumber("110", fxo.id()));
        RoutesPart part = f.part(RoutesPart.class, 1000, 520);
        Screenshots.spinUntil(f.display, () -> part.routes().getTable().getItemCount() == 3);
        assertEquals(List.of("002", "09", "0"), column(part.routes(), 0), "longest prefix first");
        TableItem intl = part.routes().getTable().getItem(0);
        assertEquals("fxo-main", intl.getText(3));
        assertEquals("managers", intl.getText(4));
        assertEquals("everyone with PSTN permission", part.routes().getTable().getItem(2).getText(4));
        assertEquals(List.of("110"), column(part.emergency(), 0));
        assertEquals("3 route rules (longest prefix first), 1 emergency numbers", part.statusText());

        RouteDialog d = part.routeDialog(null);
        d.setBlockOnOpen(false);
        d.open();
        assertEquals("fxo-main", d.gateway().getText(), "the gateways are offered by name");
        d.field("prefix").setText("09");
        d.field("stripDigits").setText("3");
        assertEquals("A number from 0 to 2 (the prefix's length).", d.errorText("stripDigits"));
        d.field("stripDigits").setText("0");
        d.field("allowedGroup").setText("Sales Team");
        assertTrue(d.errorText("allowedGroup").startsWith("Group 'Sales Team' must be"), d.errorText("allowedGroup"));
        d.field("allowedGroup").setText("sales");
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> !d.errorText("prefix").isEmpty());
        assertEquals("Another rule already uses prefix 09.", d.errorText("prefix"), "409 lands at the field");
        Screenshots.save(d.getShell(), "route-duplicate");
        d.field("prefix").setText("0800");
        d.field("description").setText("toll-free");
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> d.saved() != null);
        part.refresh();
        Screenshots.spinUntil(f.display, () -> part.routes().getTable().getItemCount() == 4);
        assertEquals(List.of("0800", "002", "09", "0"), column(part.routes(), 0));
        RouteRule stored = f.server.routes.values().stream().filter(r -> r.prefix().equals("0800")).findFirst()
                .orElseThrow();
        assertEquals("sales", stored.allowedGroup());
        assertEquals(fxo.id(), stored.gatewayId());

        EmergencyNumberDialog e = part.emergencyDialog();
        e.setBlockOnOpen(false);
        e.open();
        e.field("number").setText("110");
        assertEquals("This number is already in the list.", e.errorText("number"));
        e.field("number").setText("0119"); // the server refuses it for the entry it names
        e.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> !e.errorText("number").isEmpty());
        assertEquals("An emergency number cannot start with the outside-line prefix 0.", e.errorText("number"));
        assertEquals(List.of(new EmergencyNumber("110", fxo.id())), f.server.emergency, "nothing half-written");
        e.field("number").setText("119");
        e.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> e.saved() != null);
        part.refresh();
        Screenshots.spinUntil(f.display, () -> part.emergency().getTable().getItemCount() == 2);
        assertEquals(List.of("110", "119"), column(part.emergency(), 0));
        Screenshots.save(f.shell, "dial-plan");
    }

    @Test
    void inboundNumbersWithOfficeHoursAndAfterHoursTarget() throws Exception {
        InboundNumbersPart part = f.part(InboundNumbersPart.class, 1000, 360);
        Screenshots.spinUntil(f.display, () -> part.statusText().equals("0 inbound numbers"));
        InboundNumberDialog d = part.dialog(null);
        d.setBlockOnOpen(false);
        d.open();
        assertTrue(!d.field("afterHoursTarget").isEnabled(), "no after-hours target while it is the same");
        d.field("did").setText("02-2345-6789");
        assertEquals("1-20 digits, '+' allowed.", d.errorText("did"));
        d.field("did").setText("0223456789");
        d.kind().select(1);
        d.kind().notifyListeners(SWT.Selection, null);
        d.field("target").setText("reception");
        d.field("officeHours").setText("Mon-Fry 08:30-18:00");
        d.field("timeZone").setText("Asia/Taipei");
        d.afterKind().select(3);
        d.afterKind().notifyListeners(SWT.Selection, null);
        assertTrue(d.field("afterHoursTarget").isEnabled());
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        assertEquals("Required.", d.errorText("afterHoursTarget"));
        d.field("afterHoursTarget").setText("3301");
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> !d.errorText("officeHours").isEmpty());
        assertEquals("Write office hours like Mon-Fri 08:30-18:00.", d.errorText("officeHours"));
        Screenshots.save(d.getShell(), "inbound-invalid-hours");
        d.field("officeHours").setText("Mon-Fri 08:30-18:00");
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> d.saved() != null);
        InboundNumber saved = d.saved();
        assertEquals(InboundTargetKind.RING_GROUP, saved.targetKind());
        assertEquals(InboundTargetKind.VOICEMAIL, saved.afterHoursKind());
        assertEquals("Asia/Taipei", saved.timeZone());

        part.refresh();
        Screenshots.spinUntil(f.display, () -> part.viewer().getTable().getItemCount() == 1);
        TableItem row = part.viewer().getTable().getItem(0);
        assertEquals("0223456789", row.getText(0));
        assertEquals("Ring group reception", row.getText(1));
        assertEquals("Mon-Fri 08:30-18:00 (Asia/Taipei)", row.getText(2));
        assertEquals("Voicemail of 3301", row.getText(3));
        Screenshots.save(f.shell, "inbound-numbers");

        // back to "same as office hours": no after-hours target is sent
        InboundNumberDialog edit = part.dialog(saved);
        edit.setBlockOnOpen(false);
        edit.open();
        assertEquals("Voicemail of", edit.afterKind().getText());
        edit.afterKind().select(0);
        edit.afterKind().notifyListeners(SWT.Selection, null);
        edit.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(f.display, () -> edit.saved() != null);
        assertNull(f.server.inbound.get(saved.id()).afterHoursKind());
        assertNull(f.server.inbound.get(saved.id()).afterHoursTarget());
    }
}
