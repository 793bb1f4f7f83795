// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Row of {@code USER_SETTINGS}: all settings of one account as one properties text, read and written whole. */
@Entity
@Table(name = "USER_SETTINGS")
public class UserSettingsEntity {

    @Id
    @Column(name = "ACCOUNT_ID")
    private long accountId;

    @Column(name = "CONTENT", nullable = false)
    private String content = "";

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    /** For JPA. */
    protected UserSettingsEntity() {
    }

    UserSettingsEntity(long accountId) {
        this.accountId = accountId;
    }

    void set(Map<String, String> values, Instant now) {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter out = new StringWriter();
        try {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties.store starts with a date comment line: not worth keeping.
        content = out.toString().replaceFirst("^#[^\n]*\n", "");
        updatedAt = now;
    }

    Map<String, String> values() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.forEach((k, v) -> values.put(k.toString(), v.toString()));
        return values;
    }
}
