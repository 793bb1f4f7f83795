// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.time.Duration;

import org.sohosip.sip.RegistrationOptions;

/**
 * How the softphone talks SIP.
 *
 * @param viaServer    send every request through the server's proxy ({@code false}: straight to the address
 *                     dialled, for two phones on one network without a server)
 * @param register     register with the server after login ({@code false}: calls may be placed unregistered)
 * @param registration expiry and retry pauses of the registration
 * @param localPort    the local SIP port, 0 for a free one
 * @param retransmitTimer SIP timer T1 over UDP (500 ms; a request is given up after 64 times this)
 */
public record PhoneSettings(boolean viaServer, boolean register, RegistrationOptions registration, int localPort,
        Duration retransmitTimer) {

    /** @return through the server, registered, default expiry and retries, a free port */
    public static PhoneSettings defaults() {
        return new PhoneSettings(true, true, RegistrationOptions.defaults(), 0, Duration.ofMillis(500));
    }
}
