// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.softphone.internal;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.util.NLS;
import org.sohosip.client.core.Call;
import org.sohosip.client.core.CallState;
import org.sohosip.client.core.PhoneRegistration;
import org.sohosip.client.core.RegistrationState;

/** How calls and the registration read on screen; shared by the part, the notification and the status line. */
public final class CallTexts {

    private CallTexts() {
    }

    /**
     * @param state a call state
     * @return its name for people
     */
    public static String state(CallState state) {
        return switch (state) {
            case DIALING -> Messages.State_DIALING;
            case RINGING -> Messages.State_RINGING;
            case INCOMING -> Messages.State_INCOMING;
            case ACTIVE -> Messages.State_ACTIVE;
            case ON_HOLD -> Messages.State_ON_HOLD;
            case REMOTE_HOLD -> Messages.State_REMOTE_HOLD;
            case ENDED -> Messages.State_ENDED;
        };
    }

    /**
     * The running time of a call: talk time once connected, ringing time before.
     *
     * @param call a call
     * @param now  the current instant
     * @return {@code m:ss}, or {@code h:mm:ss} from one hour on
     */
    public static String timer(Call call, Instant now) {
        Instant connected = call.connected();
        Instant since = connected != null ? connected : call.created();
        return elapsed(Duration.between(since, now));
    }

    /**
     * @param d a duration (negative counts as zero)
     * @return {@code m:ss}, or {@code h:mm:ss} from one hour on
     */
    public static String elapsed(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    /**
     * @param call a call
     * @return the display name and number, or the number alone
     */
    public static String who(Call call) {
        String name = call.remoteDisplayName();
        return name == null || name.isBlank() ? call.remoteParty() : name + " (" + call.remoteParty() + ")";
    }

    /**
     * @param registration the registration service, or {@code null} when the softphone is not installed
     * @return Registered / Registering… / Not registered — why
     */
    public static String registration(@Nullable PhoneRegistration registration) {
        if (registration == null) {
            return NLS.bind(Messages.Registration_notRegistered, Messages.Registration_unavailable);
        }
        RegistrationState s = registration.state();
        if (s == RegistrationState.REGISTERED) {
            return Messages.Registration_registered;
        }
        if (s == RegistrationState.REGISTERING) {
            return Messages.Registration_registering;
        }
        String why = registration.detail();
        if (why.isBlank()) {
            why = switch (s) {
                case FAILED -> Messages.Registration_refused;
                case NO_NETWORK -> Messages.Registration_noNetwork;
                default -> Messages.Registration_loggedOut;
            };
        }
        return NLS.bind(Messages.Registration_notRegistered, why);
    }
}
