// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The X display the client runs on, driven like a person would: windows found by their title, keys typed into the
 * focused window (xdotool), screenshots of the whole screen (ImageMagick's import).
 */
final class Desktop {

    private final Path screenshots;

    Desktop(Path screenshots) throws IOException {
        this.screenshots = Files.createDirectories(screenshots);
    }

    /** Waits until a visible window has exactly this title, then gives it the keyboard focus. */
    String awaitWindow(String title, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> id = run("xdotool", "search", "--onlyvisible", "--name", "^" + title + " *$").lines()
                    .findFirst();
            if (id.isPresent()) {
                run("xdotool", "windowfocus", "--sync", id.get());
                return id.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no window titled '" + title + "' within " + timeout.toSeconds() + " s");
    }

    /**
     * Presses keys until a window with this title shows, then focuses it: a freshly opened main window may not yet
     * take keys (the workbench is still being built), and a key pressed then is lost, not queued.
     */
    String pressUntilWindow(String title, Duration timeout, String... keys) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            key(keys);
            long wait = Math.min(System.nanoTime() + Duration.ofSeconds(5).toNanos(), deadline);
            while (System.nanoTime() < wait) {
                if (hasWindow(title)) {
                    return awaitWindow(title, Duration.ofSeconds(5));
                }
                Thread.sleep(100);
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("no window titled '" + title + "' within " + timeout.toSeconds()
                        + " s of pressing " + String.join(" ", keys));
            }
        }
    }

    /** @return whether a visible window has this title now */
    boolean hasWindow(String title) throws IOException, InterruptedException {
        return !run("xdotool", "search", "--onlyvisible", "--name", "^" + title + " *$").isBlank();
    }

    void type(String text) throws IOException, InterruptedException {
        run("xdotool", "type", "--delay", "20", text);
    }

    void key(String... keys) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("xdotool", "key", "--delay", "50"));
        cmd.addAll(List.of(keys));
        run(cmd.toArray(String[]::new));
    }

    Path screenshot(String name) throws IOException, InterruptedException {
        Path file = screenshots.resolve(name + ".png");
        run("import", "-window", "root", file.toString());
        assertTrue(Files.size(file) > 0, "empty screenshot " + file);
        return file;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
