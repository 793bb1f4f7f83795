// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects a process's output lines as they come, and waits for a line matching a pattern. */
final class ProcessOutput {

    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    ProcessOutput(InputStream in, String name) {
        Thread t = new Thread(() -> pump(in), name + "-output");
        t.setDaemon(true);
        t.start();
    }

    private void pump(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                System.out.println("  | " + line);
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended; what it wrote so far stays available
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    /** @return the first group-bearing match of {@code pattern}, or empty when the timeout passes or output ends */
    synchronized Optional<Matcher> await(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < lines.size(); seen++) {
                Matcher m = pattern.matcher(lines.get(seen));
                if (m.find()) {
                    return Optional.of(m);
                }
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** @return how many lines so far match {@code pattern} */
    synchronized int count(Pattern pattern) {
        return (int) lines.stream().filter(l -> pattern.matcher(l).find()).count();
    }

    /** Waits until at least {@code n} lines match {@code pattern}; returns whether they did within the timeout. */
    synchronized boolean awaitCount(Pattern pattern, int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (lines.stream().filter(l -> pattern.matcher(l).find()).count() >= n) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized String text() {
        return String.join("\n", lines);
    }
}
