// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.client.core.ApiClient;
import org.sohosip.client.core.ClientException;

/**
 * The audio of messages on this machine while the user is logged in: each message's WAV fetched once, in byte
 * ranges, into a private temporary folder (a message's audio never changes, so a cached file stays right). A file
 * appears under its name only when complete. The folder is removed at logout.
 */
final class VoicemailCache {

    /** Bytes asked for per range request: about 16 s of 8 kHz 16-bit audio. */
    static final int CHUNK = 256 * 1024;

    private final AuthorizedCalls session;
    private final Map<Long, Path> files = new HashMap<>();
    private @Nullable Path dir;

    VoicemailCache(AuthorizedCalls session) {
        this.session = session;
    }

    /** Fetches (or finds) the message's WAV file. One fetch at a time, so one message is never fetched twice. */
    synchronized Path audio(long id, LongConsumer progress) {
        Path cached = files.get(id);
        if (cached != null && Files.isRegularFile(cached)) {
            try {
                progress.accept(Files.size(cached));
            } catch (IOException e) {
                // only progress
            }
            return cached;
        }
        try {
            Path folder = folder();
            Path part = folder.resolve(id + ".wav.part");
            Path done = folder.resolve(id + ".wav");
            String path = "/api/v1/me/voicemail/" + id + "/audio";
            try (OutputStream out = Files.newOutputStream(part)) {
                long next = 0;
                long total = Long.MAX_VALUE;
                while (next < total) {
                    long from = next;
                    ApiClient.FilePart p = session.authorized((api, token) -> api.downloadRange(path, token, from,
                            from + CHUNK - 1));
                    // a server that ignores ranges sends the whole file from 0, which only fits the first request
                    if (p.from() != from) {
                        throw new ClientException("The server sent the wrong part of the message's audio.");
                    }
                    out.write(p.bytes());
                    next = from + p.bytes().length;
                    total = p.total();
                    progress.accept(next);
                    if (p.bytes().length == 0 && next < total) {
                        throw new ClientException("The server stopped sending the message's audio.");
                    }
                }
            } catch (RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            files.put(id, done);
            return done;
        } catch (IOException e) {
            throw new ClientException("Could not keep the message's audio on this computer: " + e.getMessage(), e);
        }
    }

    /** Removes every cached file (logout). */
    synchronized void clear() {
        files.clear();
        Path d = dir;
        dir = null;
        if (d == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(d)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a file still open elsewhere (a player): the system's temporary folder cleanup takes it later
        }
    }

    private Path folder() throws IOException {
        Path d = dir;
        if (d == null || !Files.isDirectory(d)) {
            d = Files.createTempDirectory("sohosip-voicemail-");
            dir = d;
        }
        return d;
    }
}
