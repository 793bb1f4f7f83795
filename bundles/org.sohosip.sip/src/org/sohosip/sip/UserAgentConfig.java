// SPDX-License-Identifier: EPL-2.0
package org.sohosip.sip;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how a user agent listens. The same port is used for every transport.
 *
 * @param address            local IP address to bind (e.g. {@code 127.0.0.1}); also put into Via and Contact
 * @param port               local port, or 0 to pick a free one (the same free port for UDP and TCP)
 * @param transports         transports to listen on; at least one
 * @param userAgentName      the {@code User-Agent} header value
 * @param retransmitTimer    RFC 3261 timer T1 for UDP (500 ms normally); a transaction gives up after 64 × T1
 * @param transactionTimeout longest wait for a final answer to any request this agent sends (a guard over the
 *                           stack's own timers, also for INVITEs that ring forever)
 * @param ringTimeout        how long an incoming call may ring unanswered before it is refused with 480
 * @since 0.1
 */
public record UserAgentConfig(String address, int port, Set<Transport> transports, String userAgentName,
        Duration retransmitTimer, Duration transactionTimeout, Duration ringTimeout) {

    /** Checks the values and copies the set. */
    public UserAgentConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(userAgentName, "userAgentName");
        Objects.requireNonNull(retransmitTimer, "retransmitTimer");
        Objects.requireNonNull(transactionTimeout, "transactionTimeout");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport is needed");
        }
        transports = Set.copyOf(transports);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (retransmitTimer.toMillis() < 10) {
            throw new IllegalArgumentException("retransmit timer below 10 ms");
        }
    }

    /**
     * @param address local IP address
     * @return UDP and TCP on a free port, T1 = 500 ms, 3 minute transaction guard, 2 minute ring timeout
     */
    public static UserAgentConfig of(String address) {
        return new UserAgentConfig(address, 0, EnumSet.allOf(Transport.class), "SOHOSIP", Duration.ofMillis(500),
                Duration.ofMinutes(3), Duration.ofMinutes(2));
    }

    /** @param newPort the port, 0 for a free one @return a copy with that port */
    public UserAgentConfig withPort(int newPort) {
        return new UserAgentConfig(address, newPort, transports, userAgentName, retransmitTimer, transactionTimeout,
                ringTimeout);
    }

    /** @param name the User-Agent header value @return a copy with that name */
    public UserAgentConfig withUserAgentName(String name) {
        return new UserAgentConfig(address, port, transports, name, retransmitTimer, transactionTimeout, ringTimeout);
    }

    /**
     * @param t1    timer T1
     * @param guard transaction guard
     * @param ring  ring timeout
     * @return a copy with these timers (tests use short ones)
     */
    public UserAgentConfig withTimers(Duration t1, Duration guard, Duration ring) {
        return new UserAgentConfig(address, port, transports, userAgentName, t1, guard, ring);
    }
}
