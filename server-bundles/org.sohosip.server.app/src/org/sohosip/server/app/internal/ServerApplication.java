// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.server.store.AccountStore;

/**
 * The headless server: reads the command line and the configuration file, sets up logging, hands the settings to
 * the services, waits until every port listens, creates the first administrator of an empty database, and runs until
 * it is stopped (Ctrl-C, SIGTERM or the OSGi framework stopping).
 */
public final class ServerApplication implements IApplication {

    /** Exit code for a wrong command line or configuration. */
    static final Integer EXIT_USAGE = 2;
    /** Exit code when a service did not start. */
    static final Integer EXIT_FAILED = 1;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Override
    public Object start(IApplicationContext context) throws Exception {
        PrintStream out = System.out;
        String[] raw = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        CommandLine cl;
        try {
            cl = CommandLine.parse(raw == null ? List.of() : Arrays.asList(raw), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(CommandLine.USAGE);
            return EXIT_USAGE;
        }
        if (cl.help()) {
            out.print(CommandLine.USAGE);
            return EXIT_OK;
        }
        ServerConfig config;
        try {
            config = ServerConfig.load(cl.dataDir(), cl.config(), cl.overrides());
        } catch (ServerConfig.ConfigException e) {
            System.err.println(e.getMessage());
            return EXIT_USAGE;
        }
        Path logFile = Logging.configure(cl.dataDir(), config);
        Logger log = LoggerFactory.getLogger(ServerApplication.class);
        log.info("SOHOSIP server starting; data directory {}, configuration {}, log {}", cl.dataDir(), cl.config(),
                logFile);

        BundleContext bc = FrameworkUtil.getBundle(getClass()).getBundleContext();
        // Before anything listens: a SIGTERM at any moment from here on shuts down cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopOnSignal(bc), "sohosip-shutdown"));
        try (Services services = new Services(bc)) {
            ConfigPublisher.publish(services.await(ConfigurationAdmin.class, START_TIMEOUT), config);
            List<String> listening = new ArrayList<>();
            for (ListeningPort port : ListeningPort.values()) {
                listening.add(port.describe(services, config, START_TIMEOUT));
            }
            AccountStore accounts = services.await(AccountStore.class, START_TIMEOUT);
            InitialAccounts initial = new InitialAccounts(accounts, config.get(ConfigKey.SIP_DOMAIN), out);
            initial.ensureAdmin(cl.dataDir());
            if (cl.demo()) {
                initial.ensureDemo();
            }
            long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            log.info("SOHOSIP server ready in {} ms, listening on: {}", sinceJvmStart, String.join("; ", listening));
            context.applicationRunning();
            stopRequested.await();
            log.info("SOHOSIP server stopping");
            return EXIT_OK;
        } catch (IllegalStateException e) {
            log.error("SOHOSIP server could not start: {}", e.getMessage());
            return EXIT_FAILED;
        }
    }

    /** On SIGTERM or Ctrl-C: let {@link #start} return, then hold the JVM until the framework has stopped. */
    private void stopOnSignal(BundleContext bc) {
        stopRequested.countDown();
        try {
            if (bc.getBundle(0) instanceof org.osgi.framework.launch.Framework framework) {
                framework.waitForStop(STOP_TIMEOUT.toMillis());
            }
            // Logging has stopped with the framework: the console is the only place left to say it.
            System.out.println("SOHOSIP server stopped");
        } catch (InterruptedException | IllegalStateException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        stopRequested.countDown();
    }
}
