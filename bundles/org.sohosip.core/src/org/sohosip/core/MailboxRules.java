// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.MailboxSettingsChange;

/**
 * The rules a voicemail box's settings follow, shared by the server (which enforces them) and the client (which
 * shows the messages next to the fields). Each check returns the message to show, or empty when the value is fine.
 *
 * @since 0.1
 */
public final class MailboxRules {

    /** The prompt languages a mailbox can have. */
    public static final List<String> LANGUAGES = List.of("en", "zh-TW");
    /** Shortest ring time before the mailbox answers, in seconds. */
    public static final int MIN_NO_ANSWER_SECONDS = 5;
    /** Longest ring time before the mailbox answers, in seconds. */
    public static final int MAX_NO_ANSWER_SECONDS = 120;

    private static final Pattern PIN = Pattern.compile("[0-9]{4,10}");
    private static final Pattern SMS_NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private MailboxRules() {
    }

    /** @return a message when {@code language} is not one of {@link #LANGUAGES} */
    public static Optional<String> checkLanguage(String language) {
        return LANGUAGES.contains(language) ? Optional.empty()
                : Optional.of("The mailbox language is 'en' (English) or 'zh-TW' (Traditional Chinese).");
    }

    /** @return a message when the ring time is outside 5 to 120 seconds */
    public static Optional<String> checkNoAnswerSeconds(int seconds) {
        return seconds >= MIN_NO_ANSWER_SECONDS && seconds <= MAX_NO_ANSWER_SECONDS ? Optional.empty()
                : Optional.of("Calls ring " + MIN_NO_ANSWER_SECONDS + " to " + MAX_NO_ANSWER_SECONDS
                        + " seconds before the mailbox answers.");
    }

    /** @return a message when {@code pin} is not 4 to 10 digits (the message never repeats the PIN) */
    public static Optional<String> checkPin(String pin) {
        return PIN.matcher(pin).matches() ? Optional.empty()
                : Optional.of("A PIN is 4 to 10 digits, typed on the phone's keypad.");
    }

    /** @return a message when {@code number} is not an SMS-capable number ({@code +} and 3-20 digits); empty clears */
    public static Optional<String> checkSmsNumber(String number) {
        return number.isEmpty() || SMS_NUMBER.matcher(number).matches() ? Optional.empty()
                : Optional.of("'" + number + "' is not a mobile number: use digits with an optional leading +, "
                        + "e.g. +886912345678.");
    }

    /** @return a message when {@code address} does not look like an e-mail address; empty clears */
    public static Optional<String> checkEmailAddress(String address) {
        return address.isEmpty() || address.length() <= 255 && EMAIL.matcher(address).matches() ? Optional.empty()
                : Optional.of("'" + address + "' is not an e-mail address (name@example.org).");
    }

    /**
     * Checks every field a change sets, and that a channel switched on has somewhere to send to.
     *
     * @param change              the requested change
     * @param currentSmsNumber    the SMS number stored now, or {@code null}
     * @param currentEmailAddress the e-mail address stored now, or {@code null}
     * @return field name to message for each field at fault; empty when the change is fine
     */
    public static Map<String, String> check(MailboxSettingsChange change, @Nullable String currentSmsNumber,
            @Nullable String currentEmailAddress) {
        Map<String, String> problems = new LinkedHashMap<>();
        String language = change.language();
        if (language != null) {
            checkLanguage(language).ifPresent(m -> problems.put("language", m));
        }
        Integer seconds = change.noAnswerSeconds();
        if (seconds != null) {
            checkNoAnswerSeconds(seconds).ifPresent(m -> problems.put("noAnswerSeconds", m));
        }
        String pin = change.pin();
        if (pin != null) {
            checkPin(pin).ifPresent(m -> problems.put("pin", m));
        }
        String newSms = change.smsNumber();
        if (newSms != null) {
            checkSmsNumber(newSms).ifPresent(m -> problems.put("smsNumber", m));
        }
        String sms = newSms != null ? newSms : currentSmsNumber;
        if (Boolean.TRUE.equals(change.smsEnabled()) && (sms == null || sms.isEmpty())
                && !problems.containsKey("smsNumber")) {
            problems.put("smsNumber", "Give the mobile number that SMS notifications go to.");
        }
        String newEmail = change.emailAddress();
        if (newEmail != null) {
            checkEmailAddress(newEmail).ifPresent(m -> problems.put("emailAddress", m));
        }
        String email = newEmail != null ? newEmail : currentEmailAddress;
        if (Boolean.TRUE.equals(change.emailEnabled()) && (email == null || email.isEmpty())
                && !problems.containsKey("emailAddress")) {
            problems.put("emailAddress", "Give the e-mail address that new messages are sent to.");
        }
        return problems;
    }
}
