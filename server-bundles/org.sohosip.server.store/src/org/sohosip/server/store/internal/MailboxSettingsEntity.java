// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.MailboxSettings;
import org.sohosip.core.api.MailboxSettingsChange;

/** Row of {@code MAILBOX_SETTINGS}. The PIN is kept only as a salted hash and never leaves this class. */
@Entity
@Table(name = "MAILBOX_SETTINGS")
public class MailboxSettingsEntity {

    @Id
    @Column(name = "ACCOUNT_ID")
    private long accountId;

    @Column(name = "LANGUAGE", nullable = false)
    private String language = "en";

    @Column(name = "NO_ANSWER_SECONDS")
    private @Nullable Integer noAnswerSeconds;

    @Column(name = "PIN_HASH")
    private @Nullable String pinHash;

    @Column(name = "SMS_ENABLED", nullable = false)
    private boolean smsEnabled;

    @Column(name = "SMS_NUMBER")
    private @Nullable String smsNumber;

    @Column(name = "EMAIL_ENABLED", nullable = false)
    private boolean emailEnabled;

    @Column(name = "EMAIL_ADDRESS")
    private @Nullable String emailAddress;

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    /** For JPA. */
    protected MailboxSettingsEntity() {
    }

    MailboxSettingsEntity(long accountId) {
        this.accountId = accountId;
    }

    /** The settings of a mailbox that has no row yet. */
    static MailboxSettings defaults(int noAnswerSeconds) {
        return new MailboxSettings("en", noAnswerSeconds, false, false, null, false, null);
    }

    @Nullable
    String smsNumber() {
        return smsNumber;
    }

    @Nullable
    String emailAddress() {
        return emailAddress;
    }

    @Nullable
    String pinHash() {
        return pinHash;
    }

    /**
     * Applies the fields of {@code change} that are set. An empty number or address clears it and switches its
     * channel off, since a notification with nowhere to go cannot be sent.
     */
    void apply(MailboxSettingsChange change, Instant now) {
        String newLanguage = change.language();
        if (newLanguage != null) {
            language = newLanguage;
        }
        Integer seconds = change.noAnswerSeconds();
        if (seconds != null) {
            noAnswerSeconds = seconds;
        }
        String pin = change.pin();
        if (pin != null) {
            pinHash = PasswordHashing.hash(pin);
        }
        Boolean sms = change.smsEnabled();
        if (sms != null) {
            smsEnabled = sms;
        }
        String number = change.smsNumber();
        if (number != null) {
            smsNumber = number.isEmpty() ? null : number;
        }
        Boolean email = change.emailEnabled();
        if (email != null) {
            emailEnabled = email;
        }
        String address = change.emailAddress();
        if (address != null) {
            emailAddress = address.isEmpty() ? null : address;
        }
        smsEnabled &= smsNumber != null;
        emailEnabled &= emailAddress != null;
        updatedAt = now;
    }

    MailboxSettings toSettings(int defaultNoAnswerSeconds) {
        Integer seconds = noAnswerSeconds;
        return new MailboxSettings(language, seconds != null ? seconds : defaultNoAnswerSeconds, pinHash != null,
                smsEnabled, smsNumber, emailEnabled, emailAddress);
    }
}
