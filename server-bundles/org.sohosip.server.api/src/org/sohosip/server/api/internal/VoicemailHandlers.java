// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.sohosip.core.MailboxRules;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.server.store.NoSuchVoicemailException;
import org.sohosip.server.store.VoicemailAudio;
import org.sohosip.server.store.VoicemailStore;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The caller's own voicemail box. The mailbox is always the authenticated caller's: no request names a mailbox, and
 * another user's message id answers exactly like an id that does not exist (404).
 */
final class VoicemailHandlers {

    private static final String FOLDERS = "NEW (unheard), OLD (heard) or SAVED";

    private final VoicemailStore voicemail;
    private final int defaultNoAnswerSeconds;

    VoicemailHandlers(VoicemailStore voicemail, int defaultNoAnswerSeconds) {
        this.voicemail = voicemail;
        this.defaultNoAnswerSeconds = defaultNoAnswerSeconds;
    }

    /** {@code GET /me/voicemail?folder=}. */
    void list(Exchange exchange) throws IOException {
        String folder = exchange.query("folder");
        exchange.respond(200, voicemail.messages(owner(exchange), folder == null || folder.isEmpty() ? null
                : folder(folder)));
    }

    void counts(Exchange exchange) throws IOException {
        exchange.respond(200, voicemail.counts(owner(exchange)));
    }

    void get(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        exchange.respond(200, voicemail.message(owner(exchange), id).orElseThrow(() -> notFound(id)));
    }

    /** {@code PATCH /me/voicemail/{id}}: moves the message to another folder. */
    void update(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        VoicemailFolderChange change = exchange.body(VoicemailFolderChange.class);
        String folder = change.folder();
        if (folder == null) {
            throw ApiException.invalidField("folder", "Give the folder to move the message to: " + FOLDERS + ".");
        }
        VoicemailFolder target = folder(folder);
        try {
            exchange.respond(200, voicemail.move(owner(exchange), id, target));
        } catch (NoSuchVoicemailException e) {
            throw notFound(id);
        }
    }

    /** {@code DELETE /me/voicemail/{id}}: deletes softly; {@code POST .../restore} undoes it. */
    void delete(Exchange exchange) {
        setDeleted(exchange, true);
        exchange.respond(204);
    }

    void restore(Exchange exchange) throws IOException {
        exchange.respond(200, setDeleted(exchange, false));
    }

    private Object setDeleted(Exchange exchange, boolean deleted) {
        long id = exchange.id("id");
        try {
            return voicemail.setDeleted(owner(exchange), id, deleted);
        } catch (NoSuchVoicemailException e) {
            throw notFound(id);
        }
    }

    /** {@code GET /me/voicemail/{id}/audio}: the WAV file, or one byte range of it. */
    void audio(Exchange exchange) throws IOException {
        long id = exchange.id("id");
        VoicemailAudio audio = voicemail.audio(owner(exchange), id).orElseThrow(() -> notFound(id));
        long length = audio.length();
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(exchange.header("Range"), length);
        } catch (ByteRange.Unsatisfiable e) {
            throw new ApiException(416, "range_not_satisfiable", "The message's audio is " + length + " bytes long;"
                    + " ask for a range inside bytes 0-" + (length - 1) + ".", Map.of(),
                    Map.of("Content-Range", "bytes */" + length, "Accept-Ranges", "bytes"));
        }
        ByteRange served = range.orElse(new ByteRange(0, length - 1));
        HttpServletResponse response = exchange.response();
        response.setStatus(range.isPresent() ? 206 : 200);
        response.setContentType("audio/wav");
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Content-Disposition", "inline; filename=\"voicemail-" + id + ".wav\"");
        range.ifPresent(r -> response.setHeader("Content-Range", r.contentRange(length)));
        response.setContentLengthLong(served.size());
        try (InputStream in = audio.open(served.first(), served.last());
                OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    void settings(Exchange exchange) throws IOException {
        exchange.respond(200, voicemail.settings(owner(exchange), defaultNoAnswerSeconds));
    }

    /** {@code PUT /me/voicemail/settings}: changes the fields sent; checks all of them before writing any. */
    void updateSettings(Exchange exchange) throws IOException {
        MailboxSettingsChange change = exchange.body(MailboxSettingsChange.class);
        long owner = owner(exchange);
        MailboxSettings current = voicemail.settings(owner, defaultNoAnswerSeconds);
        Map<String, String> problems = MailboxRules.check(change, current.smsNumber(), current.emailAddress());
        if (!problems.isEmpty()) {
            throw ApiException.invalidFields(problems);
        }
        voicemail.updateSettings(owner, change);
        // Read back with the API's default, which the caller sees for a ring time never chosen.
        exchange.respond(200, voicemail.settings(owner, defaultNoAnswerSeconds));
    }

    private static VoicemailFolder folder(String name) {
        try {
            return VoicemailFolder.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("folder", "'" + name + "' is not a folder; use " + FOLDERS + ".");
        }
    }

    private static long owner(Exchange exchange) {
        return exchange.caller().account().id();
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("There is no voicemail message with id " + id + " in your mailbox.");
    }
}
