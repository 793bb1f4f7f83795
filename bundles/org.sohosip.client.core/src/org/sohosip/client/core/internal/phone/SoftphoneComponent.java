// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallControls;
import org.sohosip.client.core.CallHold;
import org.sohosip.client.core.CallListener;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;
import org.sohosip.client.core.SessionEvent;
import org.sohosip.client.core.SessionListener;
import org.sohosip.client.core.SessionService;
import org.sohosip.client.core.SessionState;
import org.sohosip.client.core.Telephony;
import org.sohosip.client.core.internal.MessageWaitingComponent;
import org.sohosip.media.AudioEndpoints;
import org.sohosip.media.MediaSessions;

/**
 * The softphone as services: it follows the login session, starting the phone and registering after login and
 * stopping it (unregistering) at logout or when the session ends. Start and stop run on a thread of their own so
 * that neither the session nor the UI waits for the SIP stack.
 */
@Component(service = { PhoneRegistration.class, Telephony.class, CallHold.class, CallControls.class })
public final class SoftphoneComponent implements PhoneRegistration, Telephony, CallHold, CallControls {

    private final SessionService session;
    private final SipAccountSource accounts;
    private final Softphone phone;
    private final ExecutorService control = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "SOHOSIP softphone start and stop");
        t.setDaemon(true);
        return t;
    });
    private final SessionListener follower = this::sessionChanged;

    /**
     * @param session   the login session
     * @param accounts  the SIP account the session derived at login
     * @param media     RTP sessions
     * @param endpoints microphone, speaker and tones
     * @param waiting   message waiting, subscribed through the phone's user agent
     */
    @Activate
    public SoftphoneComponent(@Reference SessionService session, @Reference SipAccountSource accounts,
            @Reference MediaSessions media, @Reference AudioEndpoints endpoints,
            @Reference MessageWaitingComponent waiting) {
        this.session = session;
        this.accounts = accounts;
        this.phone = new Softphone(media, new EndpointAudio(endpoints), PhoneSettings.defaults());
        phone.onAgentChange(ua -> {
            if (ua == null) {
                waiting.detach();
            } else {
                waiting.attach(ua.messageWaiting());
            }
        });
        session.addListener(follower);
        sessionChanged(session.current());
    }

    @Deactivate
    void deactivate() {
        session.removeListener(follower);
        control.execute(phone::close);
        control.shutdown();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sessionChanged(SessionEvent e) {
        if (e.state() == SessionState.LOGGED_IN) {
            // read at once: a logout right after must not find the account of the session before
            Optional<SipAccount> a = accounts.sipAccount();
            Optional<String> problem = accounts.sipProblem();
            control.execute(() -> {
                if (a.isPresent()) {
                    if (phone.state() == RegistrationState.UNREGISTERED || phone.state() == RegistrationState.FAILED) {
                        phone.start(a.get());
                    } else if (phone.state() == RegistrationState.NO_NETWORK) {
                        // the server answers HTTPS again, so its registrar is likely back too
                        phone.refreshRegistration();
                    }
                } else {
                    phone.unavailable(problem.orElse("The softphone has no SIP account for this login."));
                }
            });
        } else if (e.state() == SessionState.LOGGED_OUT) {
            String why = e.message() == null ? Registration.LOGGED_OUT
                    : "Not registered: " + e.message();
            control.execute(() -> phone.stop(why));
        }
        // CONNECTION_LOST concerns the HTTPS API only; the SIP registration looks after its own network loss
    }

    @Override
    public RegistrationState state() {
        return phone.state();
    }

    @Override
    public String detail() {
        return phone.detail();
    }

    @Override
    public void addListener(Consumer<RegistrationState> listener) {
        phone.addListener(listener);
    }

    @Override
    public void removeListener(Consumer<RegistrationState> listener) {
        phone.removeListener(listener);
    }

    @Override
    public Call dial(String target) {
        return phone.dial(target);
    }

    @Override
    public List<Call> calls() {
        return phone.calls();
    }

    @Override
    public Optional<String> audioProblem() {
        return phone.audioProblem();
    }

    @Override
    public void addListener(CallListener listener) {
        phone.addListener(listener);
    }

    @Override
    public void removeListener(CallListener listener) {
        phone.removeListener(listener);
    }

    @Override
    public void hold(Call call) {
        phone.hold(call);
    }

    @Override
    public void resume(Call call) {
        phone.resume(call);
    }

    @Override
    public void sendDtmf(Call call, char digit) {
        phone.sendDtmf(call, digit);
    }

    @Override
    public void setMuted(Call call, boolean muted) {
        phone.setMuted(call, muted);
    }

    @Override
    public boolean isMuted(Call call) {
        return phone.isMuted(call);
    }
}
