// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Stores instants as UTC wall-clock time: a Derby TIMESTAMP has no zone, and the value must not change meaning
 * when the server's time zone does.
 */
@Converter(autoApply = false)
public class UtcTimestampConverter implements AttributeConverter<Instant, LocalDateTime> {

    @Override
    public @Nullable LocalDateTime convertToDatabaseColumn(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public @Nullable Instant convertToEntityAttribute(@Nullable LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
