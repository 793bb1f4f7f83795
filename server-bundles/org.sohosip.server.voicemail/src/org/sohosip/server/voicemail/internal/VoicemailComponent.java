// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.MediaSessions;
import org.sohosip.server.proxy.CallApplication;
import org.sohosip.server.proxy.SipProxy;
import org.sohosip.server.store.AccountStore;
import org.sohosip.server.store.VoicemailStore;
import org.sohosip.sip.SipEndpoint;
import org.sohosip.sip.SipIdentity;
import org.sohosip.sip.SipUserAgent;
import org.sohosip.sip.SipUserAgents;
import org.sohosip.sip.Transport;
import org.sohosip.sip.UserAgentConfig;

/**
 * Runs voicemail while its configuration, the store, media and the proxy exist: starts its own SIP user agent on
 * loopback, registers it with the proxy as the {@link CallApplication} for the access number, {@code *97} and
 * unanswered calls, and offers message-waiting (a {@code VoicemailListener} that sends NOTIFY).
 */
@Component(configurationPid = VoicemailComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
public final class VoicemailComponent {

    /** The configuration PID. */
    public static final String PID = "org.sohosip.server.voicemail";
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailComponent.class);

    private final VoicemailStore store;
    private final AccountStore accounts;
    private final MediaSessions sessions;
    private final AudioEndpoints audio;
    private final SipProxy proxy;
    private @Nullable SipUserAgent agent;
    private @Nullable ExecutorService threads;
    private @Nullable ServiceRegistration<?> application;
    private @Nullable MessageWaiting messageWaiting;

    @Activate
    public VoicemailComponent(@Reference VoicemailStore store, @Reference AccountStore accounts,
            @Reference MediaSessions sessions, @Reference AudioEndpoints audio, @Reference SipProxy proxy) {
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audio = audio;
        this.proxy = proxy;
    }

    @Activate
    void activate(BundleContext context, VoicemailConfig config) throws Exception {
        if (!config.voicemail_enabled()) {
            LOG.info("Voicemail is turned off (voicemail.enabled=false)");
            return;
        }
        InetSocketAddress proxyUdp = proxy.listening().get("udp");
        if (proxyUdp == null) {
            throw new IllegalStateException("The SIP proxy listens on no UDP port");
        }
        String domain = proxy.domain();
        InetAddress mediaAddress = mediaAddress(proxyUdp.getAddress());
        Prompts prompts = new Prompts(path -> context.getBundle().getEntry(path));
        Services services = Services.of(store, accounts, prompts, sessions, audio, mediaAddress, config);
        UserAgentConfig uac = new UserAgentConfig("127.0.0.1", config.voicemail_port(), EnumSet.of(Transport.UDP),
                "SOHOSIP voicemail", Duration.ofMillis(500), Duration.ofMinutes(5), Duration.ofMinutes(2));
        SipIdentity identity = new SipIdentity("sip:voicemail@" + domain, "Voicemail", null,
                new SipEndpoint("127.0.0.1", proxyUdp.getPort(), Transport.UDP));
        try {
            SipUserAgent ua = SipUserAgents.create(uac, identity);
            agent = ua;
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "sohosip-voicemail-call-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            threads = pool;
            String access = config.voicemail_accessNumber().strip();
            Calls calls = new Calls(services, access, domain, pool);
            ua.telephony().addCallListener(calls);
            ua.dtmf().addDtmfListener(calls);
            MessageWaiting mwi = new MessageWaiting(ua, proxy, store, accounts);
            messageWaiting = mwi;
            mwi.start(context);
            Set<String> numbers = new LinkedHashSet<>();
            numbers.add(access);
            numbers.add(Calls.OWN_MAILBOX);
            InetSocketAddress at = new InetSocketAddress("127.0.0.1", ua.localPort());
            application = context.registerService(CallApplication.class,
                    new VoicemailApplication(Set.copyOf(numbers), at), null);
            LOG.info("Voicemail answering {} and *97 on {}:{}, media on {}", access, at.getHostString(), at.getPort(),
                    mediaAddress.getHostAddress());
        } catch (Exception | Error e) {
            LOG.error("Voicemail could not start: {}", e.getMessage(), e);
            deactivate();
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<?> registration = application;
        application = null;
        if (registration != null) {
            registration.unregister();
        }
        MessageWaiting mwi = messageWaiting;
        messageWaiting = null;
        if (mwi != null) {
            mwi.stop();
        }
        SipUserAgent ua = agent;
        agent = null;
        if (ua != null) {
            ua.close();
        }
        ExecutorService pool = threads;
        threads = null;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Where callers send RTP: the proxy's own address, or this machine's first LAN address when it binds all. */
    private static InetAddress mediaAddress(InetAddress proxyAddress) throws SocketException {
        if (!proxyAddress.isAnyLocalAddress()) {
            return proxyAddress;
        }
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        return a;
                    }
                }
            }
        }
        return InetAddress.getLoopbackAddress();
    }

    /** The {@link CallApplication} service. */
    private record VoicemailApplication(Set<String> numbers, InetSocketAddress address) implements CallApplication {

        @Override
        public String name() {
            return "voicemail";
        }

        @Override
        public boolean voicemail() {
            return true;
        }
    }
}
