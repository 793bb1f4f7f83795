// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

/** The database was written by a newer SOHOSIP release than the one starting. Nothing was changed. */
public final class SchemaTooNewException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * @param databaseVersion the schema version found in the database
     * @param knownVersion    the newest schema version this release knows
     */
    public SchemaTooNewException(String databaseVersion, String knownVersion) {
        super("The database has schema version " + databaseVersion + ", but this SOHOSIP release knows schema"
                + " versions up to " + knownVersion + " only. The database was written by a newer release; start"
                + " that release again or restore a backup of the data folder. Nothing was changed.");
    }
}
