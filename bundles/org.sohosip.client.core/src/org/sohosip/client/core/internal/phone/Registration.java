// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.sip.RegistrationOptions;
import org.sohosip.sip.RegistrationStatus;
import org.sohosip.sip.SipRegistration;
import org.sohosip.sip.SipUserAgent;

/** The registration as people see it: a state and a sentence, told to listeners in order. */
final class Registration {

    static final String LOGGED_OUT = "Not registered: log in to make and receive calls.";

    private final List<Consumer<RegistrationState>> listeners = new CopyOnWriteArrayList<>();
    private final Executor events;
    private final Object lock = new Object();
    private RegistrationState state = RegistrationState.UNREGISTERED;
    private String detail = LOGGED_OUT;
    private @Nullable SipRegistration sip;

    Registration(Executor events) {
        this.events = events;
    }

    RegistrationState state() {
        synchronized (lock) {
            return state;
        }
    }

    String detail() {
        synchronized (lock) {
            return detail;
        }
    }

    void addListener(Consumer<RegistrationState> l) {
        listeners.add(l);
    }

    void removeListener(Consumer<RegistrationState> l) {
        listeners.remove(l);
    }

    void start(SipUserAgent agent, SipAccount account, RegistrationOptions options) {
        stop(LOGGED_OUT);
        set(RegistrationState.REGISTERING, registering(account));
        SipRegistration r = agent.register(options);
        boolean[] heard = { false };
        synchronized (lock) {
            sip = r;
        }
        r.addListener(s -> {
            synchronized (lock) {
                if (sip != r) {
                    return; // an earlier registration reporting its own end
                }
                heard[0] = true;
                set(map(s), detail(s, account));
            }
        });
        // the registrar may have answered before the listener was in place; a status from before the first
        // REGISTER went out (unregistered) says nothing new
        RegistrationStatus now = r.status();
        synchronized (lock) {
            if (!heard[0] && sip == r && now.state() != org.sohosip.sip.RegistrationState.UNREGISTERED) {
                set(map(now), detail(now, account));
            }
        }
    }

    /** Stops registering (the user agent's close removes the binding) and shows {@code why}. */
    void stop(String why) {
        SipRegistration r;
        synchronized (lock) {
            r = sip;
            sip = null;
        }
        if (r != null) {
            r.close();
        }
        set(RegistrationState.UNREGISTERED, why);
    }

    /** Shows a problem that keeps the softphone from registering at all. */
    void failed(String why) {
        stop(why);
        set(RegistrationState.FAILED, why);
    }

    /** Registers again at once, e.g. after the network came back. */
    void refreshNow() {
        SipRegistration r;
        synchronized (lock) {
            r = sip;
        }
        if (r != null) {
            r.refreshNow();
        }
    }

    void set(RegistrationState newState, String newDetail) {
        boolean changed;
        synchronized (lock) {
            changed = newState != state;
            state = newState;
            detail = newDetail;
        }
        if (changed) {
            events.execute(() -> {
                for (Consumer<RegistrationState> l : listeners) {
                    try {
                        l.accept(newState);
                    } catch (RuntimeException e) {
                        // one broken listener must not keep the others from hearing
                    }
                }
            });
        }
    }

    private static RegistrationState map(RegistrationStatus s) {
        return switch (s.state()) {
            case UNREGISTERED -> RegistrationState.UNREGISTERED;
            case REGISTERING -> RegistrationState.REGISTERING;
            case REGISTERED -> RegistrationState.REGISTERED;
            case FAILED -> RegistrationState.FAILED;
            case NO_NETWORK -> RegistrationState.NO_NETWORK;
        };
    }

    private static String registering(SipAccount a) {
        return "Registering as " + a.username() + " with the server at " + a.registrar() + ":" + a.port() + "...";
    }

    static String detail(RegistrationStatus s, SipAccount a) {
        String server = a.registrar() + ":" + a.port();
        String code = s.statusCode() == 0 ? s.reasonPhrase() : s.statusCode() + " " + s.reasonPhrase();
        return switch (s.state()) {
            case UNREGISTERED -> "Not registered.";
            case REGISTERING -> registering(a);
            case REGISTERED -> "Registered as " + a.username() + " (" + a.addressOfRecord()
                    + "): you can make and receive calls.";
            case FAILED -> switch (s.statusCode()) {
                case 401, 403, 407 -> "The server refused the registration (" + code + "). Your account may be "
                        + "disabled or its password changed: log out and log in again, and if that does not help, "
                        + "ask your administrator.";
                case 404 -> "The server does not know " + a.addressOfRecord() + " (" + code
                        + "). Ask your administrator to check your account.";
                default -> "Registration failed (" + code + "). Log out and log in again to retry.";
            };
            case NO_NETWORK -> "The phone server at " + server + " does not answer"
                    + (code.isBlank() ? "" : " (" + code + ")")
                    + ". Check your network connection; the softphone keeps trying.";
        };
    }
}
