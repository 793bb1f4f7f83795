// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema to the newest version this bundle knows, with the versioned scripts in {@code db/migration}.
 * Never drops anything: a database written by a newer release is refused untouched.
 */
final class SchemaMigrations {

    static final String SCHEMA = "SOHOSIP";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    /**
     * @return the schema version after migrating
     * @throws SchemaTooNewException when the database has a version newer than any script in this bundle
     */
    static String migrate(String url, String user, String password) {
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(url, user, password)
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .cleanDisabled(true)
                .loggers("slf4j")
                .load();
        MigrationInfoService info = flyway.info();
        Optional<MigrationVersion> known = Arrays.stream(info.all())
                .filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        MigrationInfo current = info.current();
        // Flyway by default ignores applied migrations it does not know ("future" ones) and would carry on; a
        // schema newer than this code must stop the start instead, before anything is written.
        if (current != null && current.getVersion() != null && known.isPresent()
                && current.getVersion().isNewerThan(known.get())) {
            throw new SchemaTooNewException(current.getVersion().getVersion(), known.get().getVersion());
        }
        MigrateResult result = flyway.migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : current != null ? current.getVersion().getVersion() : "none";
        if (result.migrationsExecuted > 0) {
            LOG.info("Database schema migrated from version {} to {} ({} migration(s))",
                    result.initialSchemaVersion != null ? result.initialSchemaVersion : "none", version,
                    result.migrationsExecuted);
        }
        return version;
    }
}
