// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The stores' read cache: remembers, forgets on a write, never keeps what a write overtook. */
class ReadCacheTest {

    @Test
    void remembersUntilCleared() {
        ReadCache<String, String> cache = new ReadCache<>(10);
        AtomicInteger loads = new AtomicInteger();
        assertEquals("v1", cache.get("k", () -> "v" + loads.incrementAndGet()));
        assertEquals("v1", cache.get("k", () -> "v" + loads.incrementAndGet()));
        assertEquals(1, loads.get(), "the second read came from memory");
        cache.clear();
        assertEquals("v2", cache.get("k", () -> "v" + loads.incrementAndGet()));
    }

    @Test
    void aReadThatAWriteOvertookIsNotRemembered() throws Exception {
        ReadCache<String, String> cache = new ReadCache<>(10);
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<String> slowRead = CompletableFuture.supplyAsync(() -> cache.get("k", () -> {
            loading.countDown();
            try {
                written.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "before the write";
        }));
        loading.await(10, TimeUnit.SECONDS);
        cache.clear(); // the write committed while the read was loading
        written.countDown();
        assertEquals("before the write", slowRead.get(10, TimeUnit.SECONDS));
        assertEquals("after the write", cache.get("k", () -> "after the write"), "the overtaken value was not kept");
    }

    @Test
    void keepsOnlyWhatIsWorthKeepingAndNoMoreThanItsLimit() {
        ReadCache<Integer, String> cache = new ReadCache<>(2, v -> !v.startsWith("big"));
        AtomicInteger loads = new AtomicInteger();
        cache.get(1, () -> "big" + loads.incrementAndGet());
        cache.get(1, () -> "big" + loads.incrementAndGet());
        assertEquals(2, loads.get(), "a large value is read each time");
        cache.get(2, () -> "a" + loads.incrementAndGet());
        cache.get(3, () -> "b" + loads.incrementAndGet());
        cache.get(4, () -> "c" + loads.incrementAndGet());
        assertEquals("c6", cache.get(4, () -> "c" + loads.incrementAndGet()), "beyond the limit nothing is kept");
        assertEquals("a3", cache.get(2, () -> "x"));
    }
}
