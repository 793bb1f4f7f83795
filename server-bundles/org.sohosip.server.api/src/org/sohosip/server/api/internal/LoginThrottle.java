// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Counts consecutive failed logins per remote address. From {@code slowAfter} failures on, answers are delayed
 * (doubling from {@link #BASE_DELAY}, capped at {@link #MAX_DELAY}); at {@code lockAfter} failures the address is
 * refused for {@code lockTime}. A successful login resets the address.
 */
public final class LoginThrottle {

    /** First delay once an address reaches {@code slowAfter} failures. */
    static final Duration BASE_DELAY = Duration.ofMillis(250);
    /** Longest delay. */
    static final Duration MAX_DELAY = Duration.ofSeconds(5);
    /** Above this many tracked addresses, idle ones are forgotten so that address spraying cannot fill memory. */
    private static final int MAX_TRACKED = 10_000;

    private record State(int failures, Instant lastFailure, @Nullable Instant lockedUntil) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int slowAfter;
    private final int lockAfter;
    private final Duration lockTime;

    /**
     * @param slowAfter failures before answers are delayed ({@code api.login.slowAfter})
     * @param lockAfter failures before the address is refused ({@code api.login.lockAfter})
     * @param lockTime  how long it is refused ({@code api.login.lockSeconds})
     */
    public LoginThrottle(Clock clock, int slowAfter, int lockAfter, Duration lockTime) {
        if (slowAfter < 1 || lockAfter < 1 || lockTime.isNegative() || lockTime.isZero()) {
            throw new IllegalArgumentException("api.login.slowAfter, api.login.lockAfter and api.login.lockSeconds "
                    + "must be at least 1");
        }
        this.clock = clock;
        this.slowAfter = slowAfter;
        this.lockAfter = lockAfter;
        this.lockTime = lockTime;
    }

    /** @return how much longer the address is refused, or zero when it may try */
    public Duration lockedFor(String address) {
        State state = states.get(address);
        if (state == null || state.lockedUntil() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), state.lockedUntil());
        if (left.isNegative() || left.isZero()) {
            states.remove(address, state); // the lock served its time: start afresh
            return Duration.ZERO;
        }
        return left;
    }

    /** @return how long to wait before answering the next login attempt from this address */
    public Duration delayFor(String address) {
        State state = states.get(address);
        int failures = state == null ? 0 : state.failures();
        if (failures < slowAfter) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - slowAfter, 20);
        Duration delay = BASE_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /**
     * Counts a failure.
     *
     * @return {@code true} when this failure locked the address
     */
    public boolean recordFailure(String address) {
        Instant now = clock.instant();
        if (states.size() > MAX_TRACKED) {
            forgetIdle(now);
        }
        State after = states.compute(address, (a, old) -> {
            int failures = old == null ? 1 : old.failures() + 1;
            Instant lockedUntil = old != null && old.lockedUntil() != null ? old.lockedUntil()
                    : failures >= lockAfter ? now.plus(lockTime) : null;
            return new State(failures, now, lockedUntil);
        });
        return after.failures() == lockAfter;
    }

    /** Forgets the address's failures after a successful login. */
    public void recordSuccess(String address) {
        states.remove(address);
    }

    /** @return how many consecutive failures the address has */
    public int failures(String address) {
        State state = states.get(address);
        return state == null ? 0 : state.failures();
    }

    private void forgetIdle(Instant now) {
        Instant idle = now.minus(lockTime).minus(MAX_DELAY);
        states.values().removeIf(s -> s.lastFailure().isBefore(idle)
                && (s.lockedUntil() == null || s.lockedUntil().isBefore(now)));
    }
}
