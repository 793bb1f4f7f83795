// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.client.core.internal.phone.AudioDevices;
import org.sohosip.client.core.internal.phone.DigestKeys;
import org.sohosip.client.core.internal.phone.PhoneSettings;
import org.sohosip.client.core.internal.phone.SipAccount;
import org.sohosip.client.core.internal.phone.Softphone;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.MediaException;
import org.sohosip.media.AudioSink;
import org.sohosip.media.AudioSource;
import org.sohosip.media.MediaSessions;
import org.sohosip.media.Tone;
import org.sohosip.sip.RegistrationOptions;

/** A softphone for one test with test sound devices, and the helpers tests share. */
final class PhoneFixture implements AutoCloseable {

    static final String USER = "bob";
    static final String PASSWORD = "correct-horse";

    final TestAudio audio;
    final Softphone phone;
    final List<String> events = new CopyOnWriteArrayList<>();

    /**
     * @param viaServer {@code true}: registers with a registrar and sends everything through it; {@code false}:
     *                  peer to peer, unregistered
     */
    PhoneFixture(boolean viaServer) throws Exception {
        this(viaServer, true);
    }

    /**
     * @param viaServer as above
     * @param calls     {@code false} for registration tests: the phone gets no media and places no calls
     */
    PhoneFixture(boolean viaServer, boolean calls) throws Exception {
        audio = calls ? new TestAudio(service(AudioEndpoints.class)) : null;
        MediaSessions media = calls ? service(MediaSessions.class) : local -> {
            throw new MediaException("This test places no calls.");
        };
        phone = new Softphone(media, calls ? audio : new NoAudio(), new PhoneSettings(viaServer, viaServer,
                new RegistrationOptions(Duration.ofSeconds(60), Duration.ofMillis(300), Duration.ofSeconds(2)), 0,
                Duration.ofMillis(100)));
        phone.addListener((Call c) -> events.add(c.id() + ":" + c.state()));
        phone.addListener((java.util.function.Consumer<RegistrationState>) s -> events.add("registration:" + s));
    }

    /** Starts the phone as {@link #USER} with the registrar (or nothing, peer to peer) at 127.0.0.1:port. */
    void start(int registrarPort, String password) {
        start(USER, registrarPort, password);
    }

    /** Starts the phone as {@code user} with the registrar at 127.0.0.1:port. */
    void start(String user, int registrarPort, String password) {
        char[] pw = password.toCharArray();
        phone.start(new SipAccount(user, user, "sohosip.local", "127.0.0.1", registrarPort,
                List.of("udp"), DigestKeys.ha1("MD5", user, "sohosip.local", pw),
                DigestKeys.ha1("SHA-256", user, "sohosip.local", pw)));
    }

    @Override
    public void close() {
        phone.close();
    }

    /** Sound devices of a phone that places no calls. */
    private static final class NoAudio implements AudioDevices {
        @Override
        public AudioSource microphone() {
            return silence();
        }

        @Override
        public AudioSink speaker() {
            return discard();
        }

        @Override
        public AudioSource tone(Tone tone) {
            return silence();
        }

        @Override
        public AudioSource silence() {
            return frame -> true;
        }

        @Override
        public AudioSink discard() {
            return frame -> {
            };
        }

        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }
    }

    static <T> T service(Class<T> type) throws Exception {
        BundleContext ctx = FrameworkUtil.getBundle(PhoneFixture.class).getBundleContext();
        for (String name : List.of("org.sohosip.sip", "org.sohosip.media")) {
            for (Bundle b : ctx.getBundles()) {
                if (name.equals(b.getSymbolicName()) && b.getState() != Bundle.ACTIVE) {
                    try {
                        b.start();
                    } catch (BundleException e) {
                        throw new AssertionError("Could not start " + name, e);
                    }
                }
            }
        }
        ServiceTracker<T, T> t = new ServiceTracker<>(ctx, type, null);
        t.open();
        T s = t.waitForService(15_000);
        if (s == null) {
            fail("No " + type.getSimpleName() + " service within 15 s");
        }
        return s;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofSeconds(15), condition);
    }

    /** Waits until the call is in {@code state}. */
    static void awaitState(Call call, CallState state) throws InterruptedException {
        await(call + " to be " + state, () -> call.state() == state);
    }
}
