// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipProvider;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
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
import org.sohosip.server.proxy.CallApplication;
import org.sohosip.server.proxy.CallOriginator;
import org.sohosip.server.proxy.SipProxy;
import org.sohosip.server.store.AccountChangeListener;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.BindingStore;
import org.sohosip.server.store.CallRecordStore;
import org.sohosip.server.store.SipBinding;
import org.sohosip.server.store.VoicemailStore;
import org.sohosip.server.store.GatewayConfigListener;
import org.sohosip.server.store.GatewayStore;
import org.sohosip.sip.Slf4jStackLogger;

import gov.nist.javax.sip.SipStackImpl;

/**
 * Runs the registrar and proxy while its configuration and the store exist: restores the saved registrations,
 * starts a JAIN-SIP stack with UDP and TCP on {@code sip.host}:{@code sip.port}, and then offers {@link SipProxy} and
 * {@link CallOriginator} (click-to-call to internal numbers).
 * Like the store, it registers its services by hand once the ports listen.
 */
@Component(configurationPid = ProxyComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
public final class ProxyComponent {

    /** The configuration PID. */
    public static final String PID = "org.sohosip.server.proxy";

    private static final Logger LOG = LoggerFactory.getLogger(ProxyComponent.class);
    private static final AtomicInteger STACKS = new AtomicInteger();

    private final AccountStore accountStore;
    private final BindingStore bindingStore;
    private final CallRecordStore callStore;
    private final LongSupplier clock = System::currentTimeMillis;
    private final Applications applications = new Applications();
    /** Per-mailbox ring times before voicemail; absent while no voicemail store runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile @Nullable VoicemailStore voicemailStore;

    private @Nullable SipStackImpl stack;
    private @Nullable ScheduledExecutorService timers;
    private @Nullable ExecutorService accountLoader;
    private @Nullable CallRecordWriter recordWriter;
    private @Nullable BindingWriter bindingWriter;
    private @Nullable CallRecorder recorder;
    private @Nullable ServiceRegistration<?> proxyRegistration;
    private @Nullable ServiceRegistration<?> listenerRegistration;
    private @Nullable ServiceRegistration<?> dialPlanRegistration;
    private @Nullable ServiceRegistration<?> originatorRegistration;
    /** Gateways and the dial plan (outside calls, inbound numbers). */
    @Reference
    private GatewayStore gatewayStore;

    @Activate
    public ProxyComponent(@Reference AccountStore accountStore, @Reference BindingStore bindingStore,
            @Reference CallRecordStore callStore) {
        this.accountStore = accountStore;
        this.bindingStore = bindingStore;
        this.callStore = callStore;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addApplication(CallApplication application) {
        applications.add(application);
    }

    void removeApplication(CallApplication application) {
        applications.remove(application);
    }

    @Activate
    void activate(BundleContext context, ProxyConfig config) throws Exception {
        long begin = System.nanoTime();
        String domain = config.sip_domain().strip().toLowerCase(Locale.ROOT);
        String host = config.sip_host().strip();
        int port = config.sip_port();
        try {
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, named("sohosip-sip-timers"));
            timers = scheduler;
            CallRecordWriter writer = new CallRecordWriter(callStore);
            recordWriter = writer;

            ExecutorService loader = Executors.newSingleThreadExecutor(named("sohosip-sip-accounts"));
            accountLoader = loader;
            AccountCache accounts = new AccountCache(accountStore, domain, loader);
            listenerRegistration = context.registerService(AccountChangeListener.class, accounts, null);
            accounts.start();
            Location location = new Location(clock);
            BindingWriter bindings = new BindingWriter(location, bindingStore, clock);
            bindingWriter = bindings;
            int restored = bindings.restore();

            SipStackImpl started = startStack(host, config.sip_threads(), config.sip_maxMessageSize(),
                    config.sip_maxQueue(), config.sip_retryAfterSeconds());
            stack = started;
            SipFactory factory = SipFactory.getInstance();
            ListeningPoint udp = started.createListeningPoint(host, port, ListeningPoint.UDP);
            ListeningPoint tcp = started.createListeningPoint(host, port, ListeningPoint.TCP);
            SipProvider provider = started.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.setAutomaticDialogSupportEnabled(false);

            String advertised = advertisedHost(host);
            Sip sip = new Sip(factory.createMessageFactory(), factory.createHeaderFactory(),
                    factory.createAddressFactory(), provider, domain, localNames(host), port);
            Nonces nonces = new Nonces(config.sip_auth_nonceSeconds() * 1000L, clock);
            AuthFailures failures = new AuthFailures(config.sip_auth_lockAfter(),
                    config.sip_auth_lockSeconds() * 1000L, clock);
            RateLimiter rates = new RateLimiter(config.sip_rateLimit(), config.sip_rateBlockSeconds() * 1000L, clock);
            DigestAuthenticator auth = new DigestAuthenticator(sip, accounts, nonces, failures,
                    algorithms(config.sip_auth_algorithms()));
            Registrar registrar = new Registrar(sip, auth, location, config.sip_register_minExpires(),
                    config.sip_register_maxExpires(), clock);
            CallRecorder calls = new CallRecorder(writer, clock);
            recorder = calls;
            Forwarding forwarding = new Forwarding(sip, advertised);
            List<String> scanners = Arrays.stream(config.sip_scannerAgents().split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
            int noAnswer = config.voicemail_noAnswerSeconds();
            ApplicationRouting routing = new ApplicationRouting(sip, applications, callee -> noAnswerSeconds(callee,
                    noAnswer));
            RequestRouter router = new RequestRouter(sip, rates, scanners, config.sip_maxMessageSize(), registrar,
                    auth, accounts, location, forwarding, calls, scheduler, config.sip_ringSeconds(), routing);
            provider.addSipListener(router);
            DialPlan dialPlan = new DialPlan(gatewayStore);
            dialPlanRegistration = context.registerService(GatewayConfigListener.class, dialPlan, null);
            PstnCalls pstnCalls = new PstnCalls(sip, dialPlan, new OutsideCalls(), accounts, accountStore, calls,
                    router::contactsOf, clock);
            pstnCalls.voicemail(routing::mailbox); // inbound numbers that lead to a mailbox
            router.pstn(pstnCalls);
            ClickToCalls clickToCalls = new ClickToCalls(sip, advertised, accounts, applications, router::contactsOf,
                    scheduler, config.sip_ringSeconds());
            router.clickToCalls(clickToCalls);
            // a new list rather than add(): the stack's workers may already be walking the old one
            List<gov.nist.javax.sip.stack.SIPMessageValve> valves = new java.util.concurrent.CopyOnWriteArrayList<>(
                    started.sipMessageValves);
            valves.add(new StrayResponses(started, router::stray));
            started.sipMessageValves = valves;

            scheduler.scheduleWithFixedDelay(bindings::flush, 1, 1, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(bindings::deleteExpired, 30, 30, TimeUnit.SECONDS);
            scheduler.scheduleWithFixedDelay(() -> {
                rates.sweep();
                failures.sweep();
                nonces.sweep();
            }, 10, 10, TimeUnit.SECONDS);

            Map<String, InetSocketAddress> listening = new LinkedHashMap<>();
            listening.put("udp", new InetSocketAddress(host, udp.getPort()));
            listening.put("tcp", new InetSocketAddress(host, tcp.getPort()));
            originatorRegistration = context.registerService(CallOriginator.class, clickToCalls, null);
            proxyRegistration = context.registerService(SipProxy.class,
                    new RunningProxy(domain, Collections.unmodifiableMap(listening), location), null);
            LOG.info("SIP proxy for domain {} listening on udp and tcp {}:{} in {} ms ({} registration(s) restored)",
                    domain, host, port, (System.nanoTime() - begin) / 1_000_000, restored);
        } catch (Exception | Error e) {
            LOG.error("The SIP proxy could not start on {}:{}: {}", host, port, e.getMessage(), e);
            stop();
            throw e;
        }
    }

    private int noAnswerSeconds(Account callee, int defaultSeconds) {
        VoicemailStore mailboxes = voicemailStore;
        try {
            return mailboxes == null ? defaultSeconds : mailboxes.settings(callee.id(), defaultSeconds)
                    .noAnswerSeconds();
        } catch (RuntimeException e) {
            LOG.warn("Could not read {}'s ring time before voicemail: {}", callee.username(), e.toString());
            return defaultSeconds;
        }
    }

    @Deactivate
    void deactivate() {
        stop();
        LOG.info("SIP proxy stopped");
    }

    private void stop() {
        ServiceRegistration<?> originator = originatorRegistration;
        originatorRegistration = null;
        if (originator != null) {
            originator.unregister();
        }
        ServiceRegistration<?> registration = proxyRegistration;
        proxyRegistration = null;
        if (registration != null) {
            registration.unregister();
        }
        SipStackImpl running = stack;
        stack = null;
        if (running != null) {
            running.stop();
        }
        ScheduledExecutorService scheduler = timers;
        timers = null;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        ExecutorService loader = accountLoader;
        accountLoader = null;
        if (loader != null) {
            loader.shutdownNow();
        }
        BindingWriter bindings = bindingWriter;
        bindingWriter = null;
        if (bindings != null) {
            bindings.flush(); // the last changes, so a restart finds them
        }
        CallRecorder calls = recorder;
        recorder = null;
        if (calls != null) {
            calls.endAll();
        }
        CallRecordWriter writer = recordWriter;
        recordWriter = null;
        if (writer != null) {
            writer.close(); // every queued record is stored before the proxy reports itself stopped
        }
        ServiceRegistration<?> dialPlanListener = dialPlanRegistration;
        dialPlanRegistration = null;
        if (dialPlanListener != null) {
            dialPlanListener.unregister();
        }
        ServiceRegistration<?> listener = listenerRegistration;
        listenerRegistration = null;
        if (listener != null) {
            listener.unregister();
        }
    }

    private static SipStackImpl startStack(String host, int threads, int maxMessageSize, int maxQueue,
            int retryAfterSeconds) throws Exception {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "sohosip-proxy-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(Math.max(1, threads)));
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        // Also the size of the buffer the stack allocates for every queued datagram: a little over the limit, so the
        // proxy still sees (and answers 513 to) a request just over it, while a flood cannot queue 64 KiB a packet.
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(maxMessageSize + 1024));
        // UDP datagrams wait in per-call lanes (the messages of one call in order, on one worker) and new calls and
        // registrations are refused with 503 when too many wait (sip.maxQueue).
        p.setProperty(OrderedUdpProcessorFactory.PROPERTY, OrderedUdpProcessorFactory.class.getName());
        p.setProperty(OverloadValve.PROPERTY, OverloadValve.class.getName());
        // RFC 4475 checks the stack's own parser leaves out (repeated single-value headers, protocol version)
        p.setProperty(StrictMessageParserFactory.PROPERTY, StrictMessageParserFactory.class.getName());
        p.setProperty(OverloadValve.MAX_QUEUE, Integer.toString(Math.max(0, maxQueue)));
        p.setProperty(OverloadValve.RETRY_AFTER, Integer.toString(Math.max(1, retryAfterSeconds)));
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "100000");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", "4194304");
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", "4194304");
        Slf4jStackLogger.configure(p);
        p.setProperty("gov.nist.javax.sip.SERVER_LOG", "");
        p.setProperty("gov.nist.javax.sip.DEBUG_LOG", "");
        if (!"0.0.0.0".equals(host) && !"::".equals(host)) {
            p.setProperty("javax.sip.IP_ADDRESS", host);
        }
        return new SipStackImpl(p);
    }

    private static List<DigestAlgorithm> algorithms(String configured) {
        List<DigestAlgorithm> list = Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> {
                    DigestAlgorithm a = DigestAlgorithm.of(s);
                    if (a == null) {
                        throw new IllegalArgumentException("sip.auth.algorithms: unknown digest algorithm '" + s
                                + "'; use SHA-256 and/or MD5.");
                    }
                    return a;
                }).distinct().toList();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("sip.auth.algorithms must name SHA-256, MD5 or both.");
        }
        return list;
    }

    /** The host put into Via and Record-Route: the bound address, or a real one when bound to all. */
    private static String advertisedHost(String host) throws SocketException {
        if (!"0.0.0.0".equals(host) && !"::".equals(host)) {
            return host;
        }
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        return InetAddress.getLoopbackAddress().getHostAddress();
    }

    /** Every address of this machine, plus {@code localhost} and the bound host: they all mean this proxy. */
    private static Set<String> localNames(String host) throws SocketException {
        Set<String> names = new HashSet<>();
        names.add("localhost");
        names.add(host.toLowerCase(Locale.ROOT));
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                String s = a.getHostAddress();
                int zone = s.indexOf('%');
                names.add((zone < 0 ? s : s.substring(0, zone)).toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(names);
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** The {@link SipProxy} service. */
    private record RunningProxy(String domain, Map<String, InetSocketAddress> listening, Location location)
            implements SipProxy {

        @Override
        public List<String> contacts(String username) {
            return location.lookup(username).stream().map(SipBinding::contact).toList();
        }
    }
}
