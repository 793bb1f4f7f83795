// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.voicemail.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sohosip.core.Account;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.server.store.GreetingKind;
import org.sohosip.server.store.MailboxFullException;
import org.sohosip.server.store.VoicemailRecording;

/**
 * A caller leaving a message: the greeting (the owner's recorded one, else one that speaks the extension), the
 * beep, then the recording until hang-up, {@code #}, the maximum length or long silence; after {@code #} the caller
 * may mark the message urgent ({@code 4}) or just send it ({@code 1}). The audio goes to the store as it arrives
 * (the store commits it at least once a second, so a crash keeps all but the last second). A message with less
 * speech than the minimum is discarded; a full mailbox takes none.
 */
final class Deposit {

    private static final Logger LOG = LoggerFactory.getLogger(Deposit.class);
    private static final long DRAIN_MILLIS = 100;
    private static final int REVIEW_ROUNDS = 3;
    private static final long REVIEW_WAIT_MILLIS = 5_000;

    private final Services services;
    private final Caller caller;
    private final Account owner;
    private final boolean busy;

    /**
     * @param busy whether the owner was busy (busy greeting) rather than not answering or not reachable
     */
    Deposit(Services services, Caller caller, Account owner, boolean busy) {
        this.services = services;
        this.caller = caller;
        this.owner = owner;
        this.busy = busy;
    }

    /** Runs the deposit on the answered call; returns when the call is over. */
    void run(CallMedia media) throws InterruptedException {
        MailboxSettings settings = services.store().settings(owner.id(), services.noAnswerSeconds());
        String language = settings.language();
        Prompts prompts = services.prompts();
        try {
            if (services.store().messageCount(owner.id()) >= services.maxMessages()) {
                LOG.info("Mailbox of {} is full: no message from {}", owner.username(), caller.number());
                media.play(prompts.in(language).say("mailbox-full").clips(), false);
                return;
            }
            char key = media.play(greeting(language), true);
            if (key == '0' && !services.operatorExtension().isEmpty()) {
                media.play(prompts.in(language).say("transfer").clips(), false);
                LOG.info("Caller {} asked for the operator {} at {}'s greeting", caller.number(),
                        services.operatorExtension(), owner.username());
                if (media.transfer(services.operatorExtension())) {
                    return;
                }
                LOG.info("The caller's phone refused the transfer to the operator; the message is taken instead");
            }
            media.play(prompts.in(language).say("beep").clips(), false);
            media.keys.clear();
            record(media, language);
        } catch (DigitInput.HungUp e) {
            // the caller left before the recording began: nothing to keep
        }
    }

    private List<short[]> greeting(String language) {
        Optional<byte[]> recorded = services.store().greeting(owner.id(),
                busy ? GreetingKind.BUSY : GreetingKind.UNAVAILABLE);
        Prompts.Sentence sentence = services.prompts().in(language);
        if (recorded.isPresent() && recorded.get().length > 0) {
            sentence.audio(Pcm.fromBytes(recorded.get(), 0, recorded.get().length));
        } else {
            sentence.say("extension").digits(owner.extension().isBlank() ? owner.username() : owner.extension())
                    .say(busy ? "busy" : "unavailable");
        }
        if (!services.operatorExtension().isEmpty()) {
            sentence.say("operator-hint");
        }
        return sentence.clips();
    }

    private void record(CallMedia media, String language) throws InterruptedException {
        RecorderSink sink = new RecorderSink();
        VoicemailRecording recording;
        try {
            recording = services.store().startRecording(owner.id(), caller.number(), caller.name(), false,
                    Instant.now());
        } catch (MailboxFullException e) {
            // filled up by other callers since the greeting began
            LOG.info("Mailbox of {} is full: no message from {}", owner.username(), caller.number());
            try {
                media.play(services.prompts().in(language).say("mailbox-full").clips(), false);
            } catch (DigitInput.HungUp gone) {
                // nothing more to tell
            }
            return;
        }
        boolean hungUp = false;
        try {
            media.record(sink);
            String why = null;
            while (why == null) {
                char key;
                try {
                    key = media.await(DRAIN_MILLIS);
                } catch (DigitInput.HungUp e) {
                    hungUp = true;
                    break;
                }
                append(recording, sink);
                why = key == '#' ? "#" : sink.millis() >= services.maxMillis() ? "maximum length"
                        : sink.silenceMillis() >= services.silenceMillis() ? "silence" : null;
            }
            media.record(null);
            append(recording, sink);
            if (sink.speechMillis() < services.minSpeechMillis()) {
                recording.discard();
                LOG.info("Message from {} for {} discarded: {} ms of speech", caller.number(), owner.username(),
                        sink.speechMillis());
                if (!hungUp) {
                    media.play(services.prompts().in(language).say("too-short", "goodbye").clips(), false);
                }
                return;
            }
            boolean urgent = false;
            if ("#".equals(why)) {
                try {
                    urgent = review(media, language);
                } catch (DigitInput.HungUp e) {
                    hungUp = true; // left during the choice: a normal message
                }
            }
            if (urgent) {
                recording.markUrgent();
            }
            var message = recording.finish();
            var stats = media.statistics();
            // The figures the concurrent-deposit benchmark reads: packets the recorder missed or dropped as late.
            LOG.info("Message {} from {} for {}: {} ms, ended by {}{}; RTP received {}, lost {}, late {}",
                    message.id(), caller.number(), owner.username(), message.durationMillis(),
                    why == null ? "hang-up" : why, urgent ? ", marked urgent" : "", stats.packetsReceived(),
                    stats.packetsLost(), stats.packetsLate());
            if (!hungUp) {
                Prompts.Sentence closing = services.prompts().in(language);
                if (urgent) {
                    closing.say("marked-urgent");
                }
                media.play(closing.say("message-saved").clips(), false);
            }
        } catch (DigitInput.HungUp e) {
            // hung up during the closing words: the message is already stored
        } finally {
            recording.close(); // finishes it unless finished or discarded (an error above keeps what was said)
        }
    }

    /**
     * After {@code #}, Asterisk's review choice: {@code 1} sends the message, {@code 4} marks it urgent and sends it.
     * Any other key asks again; no answer (or hanging up, which ends here as {@link DigitInput.HungUp}) sends it as
     * a normal message, so a caller who just leaves never loses it.
     *
     * @return whether the caller marked the message urgent
     */
    private boolean review(CallMedia media, String language) throws DigitInput.HungUp, InterruptedException {
        for (int round = 0; round < REVIEW_ROUNDS; round++) {
            char key = media.play(services.prompts().in(language).say("review").clips(), true);
            if (key == 0) {
                key = media.await(REVIEW_WAIT_MILLIS);
            }
            switch (key) {
                case '1', 0 -> {
                    return false;
                }
                case '4' -> {
                    return true;
                }
                default -> media.play(services.prompts().in(language).say("invalid-option").clips(), false);
            }
        }
        return false;
    }

    private static void append(VoicemailRecording recording, RecorderSink sink) {
        byte[] audio = sink.drain();
        if (audio.length > 0) {
            recording.append(audio, 0, audio.length);
        }
    }

    /** Who left the message, as the call presented it. */
    record Caller(String number, @Nullable String name) {
    }
}
