// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;
import org.sohosip.client.core.AccountService;
import org.sohosip.client.core.BillingService;
import org.sohosip.client.core.DialPlanService;
import org.sohosip.client.core.GatewayService;
import org.sohosip.client.core.InboundNumberService;
import org.sohosip.client.core.KnownServersFile;
import org.sohosip.client.core.internal.BillingServiceImpl;
import org.sohosip.client.core.internal.DialPlanServiceImpl;
import org.sohosip.client.core.internal.GatewayServiceImpl;
import org.sohosip.client.core.internal.InboundNumberServiceImpl;
import org.sohosip.client.core.internal.SessionServiceImpl;
import org.sohosip.ui.admin.internal.GatewaysPart;

/**
 * The gateway server on loopback HTTPS, the real client session logged in to it as an administrator, the real
 * client services on that session, and a shell on the real display with an injection context that offers them,
 * as the workbench would.
 */
final class AdminFixture implements AutoCloseable {

    final Path dir;
    final GatewayServer server;
    final SessionServiceImpl session;
    final GatewayService gateways;
    final DialPlanService dialPlan;
    final InboundNumberService inbound;
    final BillingService billing;
    final Display display = Display.getDefault();
    final Shell shell;
    final IEclipseContext context;

    AdminFixture(String title) throws Exception {
        dir = Files.createTempDirectory("sohosip-admin-ui");
        server = new GatewayServer(dir);
        session = new SessionServiceImpl(new KnownServersFile(dir.resolve("known")), Duration.ofSeconds(1));
        session.login(server.uri(), "admin", "admin-password-1".toCharArray(), certificate -> true);
        gateways = new GatewayServiceImpl(session);
        dialPlan = new DialPlanServiceImpl(session);
        inbound = new InboundNumberServiceImpl(session);
        billing = new BillingServiceImpl(session);
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setText(title);
        context = EclipseContextFactory.getServiceContext(FrameworkUtil.getBundle(GatewaysPart.class)
                .getBundleContext()).createChild();
        context.set(GatewayService.class, gateways);
        context.set(DialPlanService.class, dialPlan);
        context.set(InboundNumberService.class, inbound);
        context.set(BillingService.class, billing);
        context.set(AccountService.class, session);
        context.set(Composite.class, shell);
    }

    /** Creates a part in the shell, as the workbench would, and opens the shell at the given size. */
    <T> T part(Class<T> type, int width, int height) {
        T part = ContextInjectionFactory.make(type, context);
        shell.setSize(width, height);
        shell.open();
        return part;
    }

    /** @return how many requests the server saw whose line starts with {@code prefix} */
    long requests(String prefix) {
        return server.requests.stream().filter(r -> r.startsWith(prefix)).count();
    }

    @Override
    public void close() {
        shell.dispose();
        context.dispose();
        session.logout();
        server.close();
    }
}
