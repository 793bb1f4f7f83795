// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.core.api.MailboxSettingsChange;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.core.api.VoicemailMessage;
import org.sohosip.server.store.GreetingKind;
import org.sohosip.server.store.VoicemailAudio;

/**
 * The voicemail menu with the key map people know from Asterisk's VoiceMailMain: log in with mailbox and PIN (not
 * asked for {@code *97} from the owner's own authenticated phone), then {@code 1} play, {@code 2} change folder,
 * {@code 0} mailbox options, {@code *} help, {@code #} exit; at a message {@code 4} previous, {@code 5} repeat,
 * {@code 6} next, {@code 7} delete or undelete, {@code 9} save, {@code 3 2} call the sender back; while a message
 * plays {@code #} skips 3 s ahead and {@code *} 3 s back. A message heard moves from new to old.
 */
final class Menu {

    private static final Logger LOG = LoggerFactory.getLogger(Menu.class);
    private static final int ATTEMPTS = 3;
    private static final long WAIT_MILLIS = 8_000;
    private static final int SKIP_MILLIS = 3_000;

    private final Services services;
    private final @Nullable Account preAuthenticated;
    private String language = Prompts.ENGLISH;

    /** @param preAuthenticated the owner when the call is {@code *97} from the owner's own phone, else null */
    Menu(Services services, @Nullable Account preAuthenticated) {
        this.services = services;
        this.preAuthenticated = preAuthenticated;
    }

    void run(CallMedia media) throws InterruptedException {
        try {
            Account owner = preAuthenticated != null ? preAuthenticated : login(media);
            if (owner == null) {
                return;
            }
            language = services.store().settings(owner.id(), services.noAnswerSeconds()).language();
            LOG.info("Voicemail menu opened for mailbox {} (call {})", owner.username(), media.call.callId());
            new Session(media, owner).run();
        } catch (DigitInput.HungUp e) {
            // the caller left the menu
        }
    }

    private @Nullable Account login(CallMedia media) throws DigitInput.HungUp, InterruptedException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String mailbox = collect(media, 20, media.play(say("enter-mailbox"), true));
            String pin = collect(media, 10, media.play(say("enter-pin"), true));
            Optional<Account> account = services.accounts().findByExtension(mailbox)
                    .or(() -> services.accounts().findByUsername(mailbox)).filter(Account::enabled);
            if (account.isPresent() && !pin.isEmpty() && services.store().pinMatches(account.get().id(), pin)) {
                return account.get();
            }
            // Never the PIN itself: only that an attempt failed and for which mailbox.
            LOG.warn("Wrong voicemail PIN for mailbox '{}' (attempt {} of {})", mailbox, attempt, ATTEMPTS);
            if (attempt < ATTEMPTS) {
                media.play(say("wrong-pin"), false);
            }
        }
        LOG.warn("Voicemail login refused after {} wrong PINs; call {} ended", ATTEMPTS, media.call.callId());
        media.play(say("too-many-attempts"), false);
        return null;
    }

    /** Keys up to {@code #} (or {@code max} keys, or a pause), after {@code first} (0 for none) that cut a prompt. */
    static String collect(CallMedia media, int max, char first) throws DigitInput.HungUp, InterruptedException {
        if (first == '#') {
            return "";
        }
        StringBuilder keys = new StringBuilder();
        if (first != 0) {
            keys.append(first);
        }
        while (keys.length() < max) {
            char key = media.await(keys.length() == 0 ? WAIT_MILLIS : 5_000);
            if (key == 0 || key == '#') {
                break;
            }
            keys.append(key);
        }
        return keys.toString();
    }

    private List<short[]> say(String... names) {
        return services.prompts().in(language).say(names).clips();
    }

    /** A logged-in caller going through one mailbox. */
    private final class Session {
        private final CallMedia media;
        private final Account owner;
        private VoicemailFolder folder = VoicemailFolder.NEW;

        Session(CallMedia media, Account owner) {
            this.media = media;
            this.owner = owner;
        }

        void run() throws DigitInput.HungUp, InterruptedException {
            VoicemailCounts counts = services.store().counts(owner.id());
            Prompts.Sentence summary = services.prompts().in(language);
            if (counts.newMessages() + counts.oldMessages() == 0) {
                summary.say("no-messages");
            } else {
                summary.say("you-have").number(counts.newMessages()).say("new-messages", "and")
                        .number(counts.oldMessages()).say("old-messages");
            }
            if (counts.newMessages() == 0) {
                folder = VoicemailFolder.OLD;
            }
            char key = media.play(summary.clips(), true);
            int silentRounds = 0;
            while (true) {
                if (key == 0) {
                    key = media.play(say("main-menu"), true);
                }
                if (key == 0) {
                    key = media.await(WAIT_MILLIS);
                }
                if (key == 0) {
                    if (++silentRounds >= 3) {
                        media.play(say("goodbye"), false);
                        return;
                    }
                    continue;
                }
                silentRounds = 0;
                switch (key) {
                    case '1' -> key = messages();
                    case '2' -> key = chooseFolder();
                    case '0' -> key = options();
                    case '#' -> {
                        media.play(say("goodbye"), false);
                        return;
                    }
                    case '*' -> key = media.play(say("help"), true);
                    default -> key = media.play(say("invalid-option"), true);
                }
                if (key == '#') {
                    media.play(say("goodbye"), false);
                    return;
                }
            }
        }

        private char chooseFolder() throws DigitInput.HungUp, InterruptedException {
            char key = media.play(say("folder-menu"), true);
            if (key == 0) {
                key = media.await(WAIT_MILLIS);
            }
            switch (key) {
                case '0' -> folder = VoicemailFolder.NEW;
                case '1' -> folder = VoicemailFolder.OLD;
                case '2' -> folder = VoicemailFolder.SAVED;
                default -> {
                    return media.play(say("invalid-option"), true);
                }
            }
            return media.play(say("folder-" + folder.name().toLowerCase(java.util.Locale.ROOT)), true);
        }

        /** Goes through the folder's messages; returns a key for the main menu, or 0. */
        private char messages() throws DigitInput.HungUp, InterruptedException {
            List<VoicemailMessage> list = services.store().messages(owner.id(), folder);
            if (list.isEmpty()) {
                return media.play(say("no-messages"), true);
            }
            int index = 0;
            boolean deleted = false;
            char key = play(list.get(index), index);
            while (true) {
                if (key == 0) {
                    key = media.play(say("message-menu"), true);
                }
                if (key == 0) {
                    key = media.await(WAIT_MILLIS);
                    if (key == 0) {
                        return 0;
                    }
                }
                VoicemailMessage current = list.get(index);
                switch (key) {
                    case '4' -> {
                        if (index == 0) {
                            key = media.play(say("first-message"), true);
                        } else {
                            deleted = false;
                            key = play(list.get(--index), index);
                        }
                    }
                    case '5' -> key = play(current, index);
                    case '6' -> {
                        if (index + 1 >= list.size()) {
                            return media.play(say("no-more-messages"), true);
                        }
                        deleted = false;
                        key = play(list.get(++index), index);
                    }
                    case '7' -> {
                        deleted = !deleted;
                        services.store().setDeleted(owner.id(), current.id(), deleted);
                        LOG.info("Voicemail message {} of {} {} from the phone", current.id(), owner.username(),
                                deleted ? "deleted" : "restored");
                        key = media.play(say(deleted ? "deleted" : "undeleted"), true);
                    }
                    case '9' -> {
                        services.store().move(owner.id(), current.id(), VoicemailFolder.SAVED);
                        LOG.info("Voicemail message {} of {} saved from the phone", current.id(), owner.username());
                        key = media.play(say("saved"), true);
                    }
                    case '3' -> key = advanced(current);
                    case '0' -> key = options();
                    case '*' -> key = 0; // the message menu again
                    case '#' -> {
                        return '#';
                    }
                    default -> key = media.play(say("invalid-option"), true);
                }
            }
        }

        /** "Message N, received <date time> from <caller>", then the message; it moves from new to old. */
        private char play(VoicemailMessage message, int index) throws DigitInput.HungUp, InterruptedException {
            Prompts.Sentence intro = services.prompts().in(language).say("message").number(index + 1)
                    .say("message-suffix", "received").dateTime(message.receivedAt(), services.zone())
                    .say("from");
            String caller = message.caller();
            Optional<Account> known = services.accounts().findByUsername(caller);
            if (caller.chars().allMatch(Character::isDigit) && !caller.isEmpty()) {
                intro.digits(caller);
            } else if (known.isPresent() && !known.get().extension().isBlank()) {
                intro.digits(known.get().extension());
            } else {
                intro.say("unknown-caller");
            }
            char key = media.play(intro.clips(), true);
            if (key != 0) {
                return key;
            }
            Optional<VoicemailAudio> audio = services.store().audio(owner.id(), message.id());
            if (audio.isPresent()) {
                short[] samples;
                try (var in = audio.get().open(0, audio.get().length() - 1)) {
                    samples = Pcm.fromWav(in.readAllBytes());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("Message " + message.id() + " cannot be read", e);
                }
                media.player.play(List.of(samples));
                while (!media.player.idle()) {
                    char k = media.await(20);
                    if (k == '#') {
                        media.player.seek(SKIP_MILLIS);
                    } else if (k == '*') {
                        media.player.seek(-SKIP_MILLIS);
                    } else if (k != 0) {
                        media.player.stop();
                        key = k;
                        break;
                    }
                }
            }
            if (message.folder() == VoicemailFolder.NEW) {
                services.store().move(owner.id(), message.id(), VoicemailFolder.OLD);
            }
            return key;
        }

        private char advanced(VoicemailMessage message) throws DigitInput.HungUp, InterruptedException {
            char key = media.play(say("advanced-menu"), true);
            if (key == 0) {
                key = media.await(WAIT_MILLIS);
            }
            if (key == '2') {
                // The caller's own phone is asked to call the sender (REFER), as a transfer does.
                LOG.info("Voicemail message {} of {}: calling the sender {} back", message.id(), owner.username(),
                        message.caller());
                if (media.transfer(message.caller())) {
                    throw new DigitInput.HungUp();
                }
                return media.play(say("invalid-option"), true);
            }
            return key == 0 ? 0 : media.play(say("invalid-option"), true);
        }

        private char options() throws DigitInput.HungUp, InterruptedException {
            char key = media.play(say("options-menu"), true);
            if (key == 0) {
                key = media.await(WAIT_MILLIS);
            }
            switch (key) {
                case '1' -> recordGreeting(GreetingKind.UNAVAILABLE);
                case '2' -> recordGreeting(GreetingKind.BUSY);
                case '3' -> recordGreeting(GreetingKind.NAME);
                case '4' -> changePin();
                case '*', 0 -> {
                    return 0;
                }
                default -> {
                    return media.play(say("invalid-option"), true);
                }
            }
            return 0;
        }

        private void recordGreeting(GreetingKind kind) throws DigitInput.HungUp, InterruptedException {
            media.play(say("record-after-tone", "beep"), false);
            media.keys.clear();
            RecorderSink sink = new RecorderSink();
            java.io.ByteArrayOutputStream audio = new java.io.ByteArrayOutputStream();
            media.record(sink);
            try {
                while (sink.millis() < 60_000 && media.await(100) != '#') {
                    audio.writeBytes(sink.drain());
                }
            } finally {
                media.record(null);
            }
            audio.writeBytes(sink.drain());
            services.store().setGreeting(owner.id(), kind, audio.toByteArray());
            media.play(say("greeting-saved"), false);
        }

        private void changePin() throws DigitInput.HungUp, InterruptedException {
            String pin = collect(media, 10, media.play(say("new-pin"), true));
            if (pin.length() < 4 || !pin.chars().allMatch(Character::isDigit)) {
                media.play(say("invalid-option"), false);
                return;
            }
            services.store().updateSettings(owner.id(), new MailboxSettingsChange(null, null, pin, null, null, null,
                    null));
            LOG.info("Voicemail PIN of {} changed from the phone", owner.username());
            media.play(say("pin-changed"), false);
        }
    }
}
