// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.sohosip.client.core.ClientException;
import org.sohosip.client.core.SessionListener;
import org.sohosip.client.core.SessionService;
import org.sohosip.client.core.SessionState;
import org.sohosip.client.core.VoicemailService;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;

import com.fasterxml.jackson.core.type.TypeReference;

/** The voicemail box over the API of the current session's server. */
@Component(service = VoicemailService.class)
public final class VoicemailServiceImpl implements VoicemailService {

    private static final String BASE = "/api/v1/me/voicemail";

    private final AuthorizedCalls calls;
    private final SessionService session;
    private final MessageWaitingComponent waiting;
    private final VoicemailCache cache;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final SessionListener onSession = e -> {
        if (e.state() == SessionState.LOGGED_OUT) {
            clearCache();
        }
    };

    /**
     * @param calls   the session's authorized API calls
     * @param session the session, to empty the audio cache at logout
     * @param waiting told the counts the server answers
     */
    @Activate
    public VoicemailServiceImpl(@Reference AuthorizedCalls calls, @Reference SessionService session,
            @Reference MessageWaitingComponent waiting) {
        this.calls = calls;
        this.session = session;
        this.waiting = waiting;
        this.cache = new VoicemailCache(calls);
        session.addListener(onSession);
    }

    /** Stops listening and removes the cached audio. */
    @Deactivate
    public void close() {
        session.removeListener(onSession);
        clearCache();
    }

    private void clearCache() {
        cache.clear();
    }

    @Override
    public List<VoicemailMessage> messages(VoicemailFolder folder) {
        return calls.authorized((api, token) -> api.request("GET", BASE + "?folder=" + folder.name(), token, null,
                new TypeReference<List<VoicemailMessage>>() {
                }));
    }

    @Override
    public VoicemailCounts counts() {
        VoicemailCounts c = calls.authorized((api, token) -> api.request("GET", BASE + "/counts", token, null,
                new TypeReference<VoicemailCounts>() {
                }));
        waiting.counted(c);
        return c;
    }

    @Override
    public Path audio(long id, LongConsumer progress) {
        return cache.audio(id, progress);
    }

    @Override
    public VoicemailMessage move(long id, VoicemailFolder folder) {
        VoicemailMessage m = calls.authorized((api, token) -> api.request("PATCH", BASE + "/" + id, token,
                Map.of("folder", folder.name()), new TypeReference<VoicemailMessage>() {
                }));
        changed();
        return m;
    }

    @Override
    public void delete(long id) {
        calls.authorized((api, token) -> api.request("DELETE", BASE + "/" + id, token, null, null));
        changed();
    }

    @Override
    public VoicemailMessage restore(long id) {
        VoicemailMessage m = calls.authorized((api, token) -> api.request("POST", BASE + "/" + id + "/restore",
                token, null, new TypeReference<VoicemailMessage>() {
                }));
        changed();
        return m;
    }

    @Override
    public void saveAsWav(long id, Path target) {
        Path audio = audio(id, n -> {
        });
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            // copied beside the target first, so the target is either the whole message or untouched
            tmp = Files.createTempFile(dir, ".voicemail-", ".wav.part");
            Files.copy(audio, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                if (tmp != null) {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException e2) {
                e.addSuppressed(e2);
            }
            throw new ClientException("Could not save the message as " + target + ": " + reason(e), e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the folder does not exist.";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied.";
        }
        return String.valueOf(e.getMessage());
    }

    @Override
    public MailboxSettings settings() {
        return calls.authorized((api, token) -> api.request("GET", BASE + "/settings", token, null,
                new TypeReference<MailboxSettings>() {
                }));
    }

    @Override
    public MailboxSettings updateSettings(MailboxSettingsChange change) {
        return calls.authorized((api, token) -> api.request("PUT", BASE + "/settings", token, change,
                new TypeReference<MailboxSettings>() {
                }));
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** After a change: fresh counts for the indicator (best effort), then the listeners. */
    private void changed() {
        try {
            counts();
        } catch (ClientException e) {
            // the change itself went through; the next NOTIFY or load brings the counts
        }
        listeners.forEach(Runnable::run);
    }

    @Override
    public String toString() {
        return "VoicemailService[" + calls + "]";
    }
}
