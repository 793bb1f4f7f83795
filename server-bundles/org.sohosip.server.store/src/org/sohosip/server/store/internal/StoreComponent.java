// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.server.store.AccountChangeListener;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.GatewayConfigListener;
import org.sohosip.server.store.GatewayStore;
import org.sohosip.server.store.BindingStore;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.ContactStore;
import org.sohosip.server.store.DatabaseServer;
import org.sohosip.server.store.LoginRecordStore;
import org.sohosip.server.store.UserSettingsStore;

/**
 * Runs the database while its configuration exists: starts the Derby network server, migrates the schema, opens
 * the EntityManagerFactory and then offers {@link DatabaseServer}, {@link AccountStore}, {@link LoginRecordStore},
 * {@link BindingStore}, {@link CallRecordStore}, {@link ContactStore} and {@link UserSettingsStore}. Account changes
 * are told to every {@link AccountChangeListener}.
 * <p>
 * The services are registered by hand once everything is up, rather than declared: SCR registers declared services
 * of an immediate component before activating it, so users could briefly see a store whose database is not there,
 * and a failed start would be retried on every service lookup.
 */
@Component(configurationPid = StoreComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
public final class StoreComponent {

    /** The configuration PID. */
    public static final String PID = "org.sohosip.server.store";

    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);

    private @Nullable DerbyNetworkServer server;
    private @Nullable EntityManagerFactory emf;
    private final List<ServiceRegistration<?>> stores = new ArrayList<>();
    private @Nullable ServiceRegistration<DatabaseServer> database;
    private @Nullable ServiceTracker<?, ?> listeners;
    private @Nullable ServiceTracker<?, ?> gatewayListeners;

    @Activate
    void activate(BundleContext context, StoreConfig config) throws Exception {
        long start = System.nanoTime();
        Path dataDir = dataDir(config);
        Path home = dataDir.resolve("db");
        try {
            Files.createDirectories(home);
            boolean exists = Files.isDirectory(home.resolve(DerbyNetworkServer.DATABASE));
            String password = DatabasePassword.readOrCreate(dataDir.resolve("db-password"), exists);
            DerbyNetworkServer started = DerbyNetworkServer.start(home, config.db_host(), config.db_port(), password);
            server = started;
            try (Connection first = started.connectCreating()) {
                LOG.debug("Database {} {}", started.url(), exists ? "opened" : "created");
            }
            String version = SchemaMigrations.migrate(started.url(), DerbyNetworkServer.OWNER, password);
            EntityManagerFactory factory = JpaBootstrap.create(started.url(), DerbyNetworkServer.OWNER, password);
            emf = factory;
            Transactions transactions = new Transactions(factory);
            database = context.registerService(DatabaseServer.class,
                    new RunningDatabase(started.address(), started.url()), null);
            ServiceTracker<AccountChangeListener, AccountChangeListener> tracker = new ServiceTracker<>(context,
                    AccountChangeListener.class, null);
            tracker.open();
            listeners = tracker;
            stores.add(context.registerService(AccountStore.class, new JpaAccountStore(transactions,
                    id -> notifyChanged(tracker, id)), null));
            stores.add(context.registerService(ContactStore.class, new JpaContactStore(transactions), null));
            stores.add(context.registerService(UserSettingsStore.class, new JpaUserSettingsStore(transactions),
                    null));
            stores.add(context.registerService(LoginRecordStore.class, new JpaLoginRecordStore(transactions), null));
            stores.add(context.registerService(BindingStore.class, new JpaBindingStore(transactions), null));
            stores.add(context.registerService(CallRecordStore.class, new JpaCallRecordStore(transactions), null));
            ServiceTracker<GatewayConfigListener, GatewayConfigListener> gatewayTracker = new ServiceTracker<>(
                    context, GatewayConfigListener.class, null);
            gatewayTracker.open();
            gatewayListeners = gatewayTracker;
            stores.add(context.registerService(GatewayStore.class, new JpaGatewayStore(transactions,
                    () -> notifyGatewayChanged(gatewayTracker)), null));
            stores.add(context.registerService(BillingStore.class, new JpaBillingStore(transactions), null));
            LOG.info("Database {} ready in {} ms (schema version {}, data in {})", started.url(),
                    (System.nanoTime() - start) / 1_000_000, version, home);
        } catch (Exception | Error e) {
            LOG.error("The database in {} could not start: {}", home, e.getMessage(), e);
            stop();
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        stop();
        LOG.info("Database stopped");
    }

    private static void notifyChanged(ServiceTracker<AccountChangeListener, AccountChangeListener> tracker, long id) {
        for (Object listener : tracker.getServices(new AccountChangeListener[0])) {
            try {
                ((AccountChangeListener) listener).accountChanged(id);
            } catch (RuntimeException e) {
                LOG.warn("An account change listener failed: {}", e.toString(), e);
            }
        }
    }

    private static void notifyGatewayChanged(ServiceTracker<GatewayConfigListener, GatewayConfigListener> tracker) {
        for (Object listener : tracker.getServices(new GatewayConfigListener[0])) {
            try {
                ((GatewayConfigListener) listener).gatewayConfigChanged();
            } catch (RuntimeException e) {
                LOG.warn("A gateway configuration listener failed: {}", e.toString(), e);
            }
        }
    }

    /** Withdraws the stores first, then closes what they used; {@link DatabaseServer} goes when the server has. */
    private void stop() {
        Collections.reverse(stores);
        stores.forEach(ServiceRegistration::unregister);
        stores.clear();
        ServiceTracker<?, ?> tracker = listeners;
        listeners = null;
        if (tracker != null) {
            tracker.close();
        }
        ServiceTracker<?, ?> gatewayTracker = gatewayListeners;
        gatewayListeners = null;
        if (gatewayTracker != null) {
            gatewayTracker.close();
        }
        EntityManagerFactory factory = emf;
        emf = null;
        if (factory != null) {
            factory.close();
        }
        DerbyNetworkServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
        ServiceRegistration<DatabaseServer> registration = database;
        database = null;
        if (registration != null) {
            registration.unregister();
        }
    }

    private static Path dataDir(StoreConfig config) {
        String value = config.dataDir().strip();
        if (value.isEmpty() || !Path.of(value).isAbsolute()) {
            throw new IllegalArgumentException("Configuration " + PID + " needs 'dataDir' set to an absolute folder,"
                    + " but it is '" + value + "'.");
        }
        return Path.of(value);
    }
}
