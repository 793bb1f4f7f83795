// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.AccountService;
import org.sohosip.client.core.BillingService;
import org.sohosip.client.core.DialPlanService;
import org.sohosip.client.core.GatewayService;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.internal.BillingServiceImpl;
import org.sohosip.client.core.internal.DialPlanServiceImpl;
import org.sohosip.client.core.internal.GatewayServiceImpl;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.core.api.Gateway;
import org.sohosip.server.gateway.amitest.AmiPacket;
import org.sohosip.server.gateway.amitest.AmiTestServer;
import org.sohosip.ui.admin.internal.BillingPart;
import org.sohosip.ui.admin.internal.GatewayDialog;
import org.sohosip.ui.admin.internal.GatewaysPart;
import org.sohosip.ui.admin.internal.RouteDialog;
import org.sohosip.ui.admin.internal.RoutesPart;
import org.sohosip.ui.testing.Screenshots;

/**
 * The Gateways and Dial plan pages end to end against the real server (store, HTTPS API, gateway controller in
 * this framework) with an AMI server speaking Asterisk's protocol: a gateway added in the dialog is connected by
 * the server and the page shows Asterisk's version; when Asterisk goes away and comes back the page follows; the
 * server's own refusal of a taken route prefix lands at the field; Asterisk's CDRs show up in the call report and
 * its CSV export.
 */
class RealServerGatewayTest {

    private Display display;
    private Shell shell;
    private IEclipseContext context;
    private SessionServiceImpl session;
    private AmiTestServer ami;
    private GatewayService gateways;
    private DialPlanService dialPlan;

    @BeforeEach
    void setUp() throws Exception {
        RunningServer server = RunningServer.get();
        ami = AmiTestServer.start(0, "sohosip", "ami-secret-real", "20.20.1");
        Path dir = Files.createTempDirectory("sohosip-admin-client");
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        session.login(server.uri(), RunningServer.ADMIN, RunningServer.PASSWORD.toCharArray(), c -> true);
        gateways = new GatewayServiceImpl(session);
        dialPlan = new DialPlanServiceImpl(session);
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setText("Gateways");
        shell.setSize(1100, 360);
        context = EclipseContextFactory.getServiceContext(FrameworkUtil.getBundle(GatewaysPart.class)
                .getBundleContext()).createChild();
        context.set(GatewayService.class, gateways);
        context.set(DialPlanService.class, dialPlan);
        context.set(BillingService.class, new BillingServiceImpl(session));
        context.set(AccountService.class, session);
        context.set(Composite.class, shell);
    }

    @AfterEach
    void tearDown() throws Exception {
        shell.dispose();
        context.dispose();
        for (Gateway g : gateways.gateways()) {
            dialPlan.routes().stream().filter(r -> r.gatewayId() == g.id()).forEach(r -> dialPlan.deleteRoute(r.id()));
            gateways.delete(g.id());
        }
        session.logout();
        ami.close();
    }

    @Test
    void aGatewayAddedInTheDialogIsConnectedAndItsStateFollowsAsterisk() throws Exception {
        GatewaysPart part = ContextInjectionFactory.make(GatewaysPart.class, context);
        shell.open();
        GatewayDialog d = new GatewayDialog(shell, null, gateways);
        d.setBlockOnOpen(false);
        d.open();
        d.field("name").setText("fxo-real");
        d.field("amiHost").setText("127.0.0.1");
        d.field("amiPort").setText(String.valueOf(ami.port()));
        d.field("amiUser").setText("sohosip");
        d.field("amiSecret").setText("ami-secret-real");
        d.field("sipHost").setText("127.0.0.1");
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(display, () -> !d.busy());
        assertTrue(d.saved() != null, "saved; the server said: " + (d.getShell() == null ? "" : d.generalText()));
        part.refreshEvery(300);
        Screenshots.spinUntil(display, () -> String.valueOf(part.statusOf("fxo-real")).startsWith("Connected"));
        assertTrue(part.statusOf("fxo-real").startsWith("Connected, Asterisk 20.20.1 since "),
                part.statusOf("fxo-real"));
        assertTrue(ami.logins() >= 1);
        Screenshots.save(shell, "real-gateway-connected");

        ami.refuseConnections(true);
        ami.dropConnections();
        Screenshots.spinUntil(display, () -> !String.valueOf(part.statusOf("fxo-real")).startsWith("Connected"));
        assertTrue(part.changeText().startsWith("fxo-real: connected \u2192 "), part.changeText());
        Screenshots.save(shell, "real-gateway-lost");
        ami.refuseConnections(false);
        Screenshots.spinUntil(display, () -> String.valueOf(part.statusOf("fxo-real")).startsWith("Connected"));
        assertTrue(part.changeText().endsWith("\u2192 connected."), part.changeText());
    }

    @Test
    void theServersRefusalOfATakenPrefixLandsAtTheField() throws Exception {
        Gateway g = gateways.create(new org.sohosip.core.api.GatewayChange("fxo-routes", "127.0.0.1", ami.port(),
                "sohosip", "ami-secret-real", "sohosip", "127.0.0.1", null, "DAHDI/g0", true));
        dialPlan.createRoute(new org.sohosip.core.api.RouteRule(0, "0", 1, "", g.id(), null, "outside line"));
        RoutesPart part = ContextInjectionFactory.make(RoutesPart.class, context);
        shell.open();
        Screenshots.spinUntil(display, () -> part.routes().getTable().getItemCount() == 1);
        RouteDialog d = part.routeDialog(null);
        d.setBlockOnOpen(false);
        d.open();
        d.field("prefix").setText("0");
        d.field("stripDigits").setText("1");
        d.getShell().getDefaultButton().notifyListeners(SWT.Selection, null);
        Screenshots.spinUntil(display, () -> !d.busy());
        assertTrue(!d.errorText("prefix").isEmpty(), "409 at the prefix field; at the bottom: " + d.generalText());
        Screenshots.save(d.getShell(), "real-route-duplicate");
        d.close();
    }

    @Test
    void asterisksCdrsShowInTheCallReportAndItsExport() throws Exception {
        Gateway g = gateways.create(new org.sohosip.core.api.GatewayChange("gw-bill", "127.0.0.1", ami.port(),
                "sohosip", "ami-secret-real", "gwbill", "127.0.0.1", null, "DAHDI/g0", true));
        // events reach the controller once its link is up, as with a real Asterisk; the trunk name (gwbill) names
        // the dial-plan contexts whose calls are billed
        RunningServer.await("the gateway to connect",
                () -> gateways.status(g.id()).state() == org.sohosip.core.api.GatewayState.CONNECTED);
        String day = java.time.LocalDate.now().toString();
        ami.event(AmiPacket.of("Event", "Cdr", "Privilege", "cdr,all", "AccountCode", RunningServer.ADMIN, "Source",
                "3300", "Destination", "0223456789", "DestinationContext", "gwbill-outbound", "CallerID",
                "\"Office Admin\" <3300>", "Channel", "PJSIP/gwbill-00000001", "DestinationChannel", "DAHDI/1-1",
                "LastApplication", "Dial", "LastData", "DAHDI/g0/0223456789,120", "StartTime", day + " 09:00:00",
                "AnswerTime", day + " 09:00:05", "EndTime", day + " 09:03:05", "Duration", "185", "BillableSeconds",
                "180", "Disposition", "ANSWERED", "AMAFlags", "DOCUMENTATION", "UniqueID", "1795673942.21"));
        ami.event(AmiPacket.of("Event", "Cdr", "Privilege", "cdr,all", "Source", "0911222333", "Destination",
                "0277009999", "DestinationContext", "gwbill-inbound", "StartTime", day + " 10:15:00", "EndTime",
                day + " 10:15:30", "Duration", "30", "BillableSeconds", "0", "Disposition", "BUSY", "UniqueID",
                "1795677000.22"));
        shell.setSize(1100, 560);
        BillingPart part = ContextInjectionFactory.make(BillingPart.class, context);
        shell.open();
        Screenshots.spinUntil(display, () -> part.offersGateway("gw-bill"));
        part.filterBy(null, "gw-bill", java.time.LocalDate.now(), java.time.LocalDate.now(), null);
        // the controller stores CDRs on its own thread: ask again until both are there
        long deadline = System.nanoTime() + RunningServer.TIMEOUT.toNanos();
        while (part.calls().getTable().getItemCount() < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the CDRs did not appear: " + part.statusText());
            }
            part.refresh();
            Screenshots.spinUntil(display, () -> !part.loading());
        }
        assertEquals("2 calls, 3.0 billable minutes", part.statusText());
        assertEquals(java.util.List.of("BUSY", "ANSWERED"), java.util.Arrays.stream(part.calls().getTable()
                .getItems()).map(i -> i.getText(6)).toList(), "newest first, in Asterisk's words");
        assertEquals("inbound", part.calls().getTable().getItem(0).getText(4));
        assertEquals("0911222333", part.calls().getTable().getItem(0).getText(3));
        part.chartPerHour(true);
        assertEquals(1L, part.chart().bars().get(9).value());
        assertEquals(1L, part.chart().bars().get(10).value());
        ((org.eclipse.swt.widgets.TabFolder) part.chart().getParent().getParent()).setSelection(2);
        Screenshots.save(shell, "real-billing-chart");

        Path csv = Files.createTempDirectory("sohosip-export").resolve("Master.csv");
        part.export(csv);
        Screenshots.spinUntil(display, () -> part.statusText().startsWith("Exported ")
                || part.statusText().startsWith("Could not"));
        String text = Files.readString(csv);
        String line = text.lines().filter(l -> l.contains("1795673942.21")).findFirst().orElseThrow();
        // Master.csv order: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata, start,
        // answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield
        int[] at = { line.indexOf("3300"), line.indexOf("0223456789"), line.indexOf("Dial"),
            line.indexOf("09:00:00"), line.indexOf("09:00:05"), line.indexOf("09:03:05"), line.indexOf("ANSWERED"),
            line.indexOf("1795673942.21") };
        for (int i = 1; i < at.length; i++) {
            assertTrue(at[i - 1] >= 0 && at[i - 1] < at[i], "column order in " + line);
        }
        assertEquals(2, text.lines().count(), text);

        // the user drop-down offers the server's accounts; the outbound call was the administrator's
        Screenshots.spinUntil(display, () -> part.userChoice().indexOf(RunningServer.ADMIN + " \u2013 Office Admin")
                > 0);
        part.chooseUser(RunningServer.ADMIN);
        part.refresh();
        Screenshots.spinUntil(display, () -> !part.loading() && part.calls().getTable().getItemCount() == 1);
        assertEquals(RunningServer.ADMIN, part.calls().getTable().getItem(0).getText(1));
        assertEquals("ANSWERED", part.calls().getTable().getItem(0).getText(6));
    }
}
