// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.manager.event.CdrEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.core.api.ClickToCallStarted;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayState;
import org.sohosip.core.api.GatewayStatus;
import org.sohosip.server.gateway.ClickToCallService;
import org.sohosip.server.gateway.GatewayMonitor;
import org.sohosip.server.proxy.CallOriginator;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.BillingStore;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.GatewayConfigListener;
import org.sohosip.server.store.GatewayStore;

/**
 * Supervises every enabled gateway: one {@link AmiLink} each, the generated Asterisk files kept up to date (written
 * whenever the gateway data changes, and Asterisk asked to reload them when connected), CDRs collected into billing
 * records, click-to-call (internal numbers through the proxy's {@link CallOriginator}). All work runs on one
 * scheduler thread, so changes apply in order and never block callers.
 */
@Component(configurationPid = GatewayComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = { GatewayMonitor.class, ClickToCallService.class, GatewayConfigListener.class })
public final class GatewayComponent implements GatewayMonitor, ClickToCallService, GatewayConfigListener,
        AmiLink.Listener {

    /** The configuration PID. */
    public static final String PID = "org.sohosip.server.gateway";

    private static final Logger LOG = LoggerFactory.getLogger(GatewayComponent.class);

    private final GatewayStore store;
    private final Map<Long, AmiLink> links = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ConfigFolder folder;
    private final AsteriskFiles.Proxy proxy;
    private final AsteriskFiles.Driver driver;
    private final int reconnectSeconds;
    private final CdrCollector cdrs;
    private final ClickToCaller clickToCall;
    /** The SIP proxy, which places click-to-call to internal numbers itself. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile @Nullable CallOriginator originator;

    @Activate
    public GatewayComponent(@Reference GatewayStore store, @Reference BillingStore billing,
            @Reference CallRecordStore calls, @Reference AccountStore accounts, GatewayConfig config) {
        this.store = store;
        String dir = config.gateway_configDir().strip();
        if (dir.isEmpty()) {
            if (config.dataDir().isBlank()) {
                throw new IllegalArgumentException("Configuration " + PID + " needs 'gateway.configDir' or 'dataDir'.");
            }
            dir = Path.of(config.dataDir().strip(), "asterisk").toString();
        }
        this.folder = new ConfigFolder(Path.of(dir));
        this.proxy = new AsteriskFiles.Proxy(config.gateway_proxyHost().strip(), config.gateway_proxyPort(),
                config.sip_domain().strip().toLowerCase(Locale.ROOT));
        String d = config.gateway_channelDriver().strip().toLowerCase(Locale.ROOT);
        if (!d.equals("pjsip") && !d.equals("sip")) {
            throw new IllegalArgumentException("gateway.channelDriver must be 'pjsip' or 'sip', not '" + d + "'.");
        }
        this.driver = d.equals("sip") ? AsteriskFiles.Driver.SIP : AsteriskFiles.Driver.PJSIP;
        this.reconnectSeconds = Math.max(1, config.gateway_reconnectSeconds());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sohosip-gateway");
            t.setDaemon(true);
            return t;
        });
        this.cdrs = new CdrCollector(billing, calls, accounts, store);
        this.clickToCall = new ClickToCaller(store, accounts, links::get, driver,
                () -> originator);
    }

    @Activate
    void activate() {
        scheduler.execute(this::apply);
    }

    @Deactivate
    void deactivate() {
        scheduler.execute(() -> {
            links.values().forEach(AmiLink::stop);
            links.clear();
        });
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void gatewayConfigChanged() {
        if (!scheduler.isShutdown()) {
            scheduler.execute(this::apply);
        }
    }

    /** Brings links and files in line with the stored gateways. */
    private void apply() {
        List<Gateway> gateways = store.gateways();
        for (Long id : new ArrayList<>(links.keySet())) {
            AmiLink link = links.get(id);
            Gateway now = gateways.stream().filter(g -> g.id() == id).findFirst().orElse(null);
            if (now == null || !now.enabled() || !link.gateway.equals(now)
                    || !link.usesSecret(store.amiSecret(id).orElse(""))) {
                link.stop();
                links.remove(id);
            }
        }
        for (Gateway g : gateways) {
            writeFiles(g);
            if (g.enabled() && !links.containsKey(g.id())) {
                AmiLink link = new AmiLink(g, store.amiSecret(g.id()).orElse(""), scheduler, reconnectSeconds, this);
                links.put(g.id(), link);
                link.start();
            } else if (links.containsKey(g.id()) && links.get(g.id()).connected()) {
                reload(links.get(g.id()));
            }
        }
    }

    private void writeFiles(Gateway g) {
        try {
            folder.write(g.name(), AsteriskFiles.generate(g, store.inboundNumbers(), proxy, driver));
        } catch (IOException e) {
            LOG.error("Gateway {}: cannot write the Asterisk files to {}: {}", g.name(), folder.path(g.name()),
                    e.getMessage());
        }
    }

    private void reload(AmiLink link) {
        for (String module : List.of(driver == AsteriskFiles.Driver.PJSIP ? "res_pjsip.so" : "chan_sip.so",
                "pbx_config.so")) {
            try {
                ReloadModuleAction reload = new ReloadModuleAction(module);
                link.send(reload);
            } catch (IOException e) {
                LOG.warn("Gateway {}: Asterisk could not reload {}: {}", link.gateway.name(), module, e.getMessage());
            }
        }
        LOG.info("Gateway {}: Asterisk reloaded the generated files from {}", link.gateway.name(),
                folder.path(link.gateway.name()));
    }

    @Override
    public void connected(AmiLink link) {
        scheduler.execute(() -> {
            writeFiles(link.gateway);
            reload(link);
        });
    }

    @Override
    public void event(AmiLink link, ManagerEvent event) {
        if (event instanceof CdrEvent cdr) {
            scheduler.execute(() -> {
                try {
                    cdrs.collect(link.gateway, cdr);
                } catch (RuntimeException e) {
                    LOG.error("Gateway {}: could not store the CDR of call {}: {}", link.gateway.name(),
                            cdr.getUniqueId(), e.getMessage(), e);
                }
            });
        }
    }

    @Override
    public GatewayStatus status(long gatewayId) {
        AmiLink link = links.get(gatewayId);
        if (link != null) {
            return link.status();
        }
        return store.gateway(gatewayId).filter(g -> !g.enabled())
                .map(g -> new GatewayStatus(gatewayId, GatewayState.DISABLED, null, null, null))
                .orElse(new GatewayStatus(gatewayId, GatewayState.CONNECTING, null, null, Instant.now()));
    }

    @Override
    public List<GatewayStatus> statuses() {
        return store.gateways().stream().map(g -> status(g.id())).toList();
    }

    @Override
    public ClickToCallStarted call(Account caller, String number) {
        return clickToCall.call(caller, number);
    }

    /** @return the folder of a gateway's generated files (for tests and messages) */
    Path folderOf(String gatewayName) {
        return folder.path(gatewayName);
    }

    @Nullable
    AmiLink link(long gatewayId) {
        return links.get(gatewayId);
    }
}
