// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.server.store.DuplicateException;

/**
 * Turns a unique-constraint violation from the database (a write that raced past the store's own checks) into the
 * {@link DuplicateException} the checks would have thrown. The constraint names come from the V1 migration.
 */
public final class UniqueViolations {

    /** Derby's SQLState for a duplicate key in a unique or primary key constraint. */
    static final String DUPLICATE_KEY = "23505";

    private static final Map<String, String> FIELD_BY_CONSTRAINT = Map.of(
            "ACCOUNTS_USERNAME_UQ", "username",
            "ACCOUNTS_EXTENSION_UQ", "extension",
            "ACCOUNT_ALIASES_PK", "aliases");

    private static final Map<String, String> MESSAGE_BY_FIELD = Map.of(
            "username", "This user name is already taken.",
            "extension", "This extension is already taken.",
            "aliases", "One of the aliases is already taken.");

    private UniqueViolations() {
    }

    /** @return the duplicate that {@code failure} reports, if it is a unique-constraint violation we know */
    public static Optional<DuplicateException> asDuplicate(Throwable failure) {
        SQLException sql = firstSqlException(failure);
        if (sql == null || !DUPLICATE_KEY.equals(sql.getSQLState())) {
            return Optional.empty();
        }
        String text = String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT);
        return FIELD_BY_CONSTRAINT.entrySet().stream()
                .filter(e -> text.contains("'" + e.getKey() + "'"))
                .findFirst()
                .map(e -> new DuplicateException(e.getValue(), MESSAGE_BY_FIELD.get(e.getValue())));
    }

    private static @Nullable SQLException firstSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
