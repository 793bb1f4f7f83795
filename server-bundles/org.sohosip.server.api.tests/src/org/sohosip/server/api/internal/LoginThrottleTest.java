// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final String A = "192.0.2.1";
    private static final String B = "192.0.2.2";

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 8, Duration.ofSeconds(300));

    private void fail(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(address);
        }
    }

    @Test
    void noDelayBeforeSlowAfterFailures() {
        fail(A, 2);
        assertEquals(Duration.ZERO, throttle.delayFor(A));
        assertEquals(Duration.ZERO, throttle.lockedFor(A));
    }

    @Test
    void delayGrowsFromSlowAfterAndIsCapped() {
        fail(A, 3);
        assertEquals(LoginThrottle.BASE_DELAY, throttle.delayFor(A));
        fail(A, 1);
        assertEquals(LoginThrottle.BASE_DELAY.multipliedBy(2), throttle.delayFor(A));
        fail(A, 1);
        assertEquals(LoginThrottle.BASE_DELAY.multipliedBy(4), throttle.delayFor(A));
        LoginThrottle patient = new LoginThrottle(clock, 1, 1000, Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            patient.recordFailure(A);
        }
        assertEquals(LoginThrottle.MAX_DELAY, patient.delayFor(A));
    }

    @Test
    void lockAfterFailuresLocksForLockTimeAndReportsTheLockOnce() {
        for (int i = 1; i < 8; i++) {
            assertFalse(throttle.recordFailure(A), "failure " + i);
        }
        assertTrue(throttle.recordFailure(A), "the 8th failure locks");
        assertEquals(Duration.ofSeconds(300), throttle.lockedFor(A));
        assertFalse(throttle.recordFailure(A), "later failures do not lock again");
        clock.advance(Duration.ofSeconds(299));
        assertEquals(Duration.ofSeconds(1), throttle.lockedFor(A));
    }

    @Test
    void lockEndsAfterLockTimeAndTheAddressStartsAfresh() {
        fail(A, 8);
        clock.advance(Duration.ofSeconds(300));
        assertEquals(Duration.ZERO, throttle.lockedFor(A));
        assertEquals(0, throttle.failures(A));
        assertEquals(Duration.ZERO, throttle.delayFor(A));
    }

    @Test
    void successResetsTheAddress() {
        fail(A, 5);
        throttle.recordSuccess(A);
        assertEquals(0, throttle.failures(A));
        assertEquals(Duration.ZERO, throttle.delayFor(A));
    }

    @Test
    void addressesAreCountedApart() {
        fail(A, 8);
        assertEquals(Duration.ZERO, throttle.lockedFor(B));
        assertEquals(Duration.ZERO, throttle.delayFor(B));
    }

    @Test
    void settingsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, 0, 5, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new LoginThrottle(clock, 1, 5, Duration.ZERO));
    }
}
