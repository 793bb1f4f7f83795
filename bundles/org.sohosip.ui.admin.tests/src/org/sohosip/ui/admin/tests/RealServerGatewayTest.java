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
import org.sohosip.client.core.DialPlanService;
import org.sohosip.client.core.GatewayService;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.internal.DialPlanServiceImpl;
import org.sohosip.client.core.internal.GatewayServiceImpl;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.core.api.Gateway;
import org.sohosip.server.gateway.amitest.AmiTestServer;
import org.sohosip.ui.admin.internal.GatewayDialog;
import org.sohosip.ui.admin.internal.GatewaysPart;
import org.sohosip.ui.admin.internal.RouteDialog;
import org.sohosip.ui.admin.internal.RoutesPart;
import org.sohosip.ui.testing.Screenshots;

/**
 * The Gateways and Dial plan pages end to end against the real server (store, HTTPS API, gateway controller in
 * this framework) with an AMI server speaking Asterisk's protocol: a gateway added in the dialog is connected by
 * the server and the page shows Asterisk's version; when Asterisk goes away and comes back the page follows; the
 * server's own refusal of a taken route prefix lands at the field.
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
}
