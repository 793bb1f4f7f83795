// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes EclipseLink's log to SLF4J instead of standard output. Bind parameters are not logged
 * ({@code eclipselink.logging.parameters=false}), so hashes never reach the log.
 */
public class Slf4jSessionLog extends AbstractSessionLog {

    private static final Logger LOG = LoggerFactory.getLogger("org.eclipse.persistence");

    @Override
    public void log(SessionLogEntry entry) {
        int level = entry.getLevel();
        if (!shouldLog(level, entry.getNameSpace())) {
            return;
        }
        String message = formatMessage(entry);
        Throwable error = entry.getException();
        if (level >= SessionLog.SEVERE) {
            LOG.error(message, error);
        } else if (level >= SessionLog.WARNING) {
            LOG.warn(message, error);
        } else if (level >= SessionLog.CONFIG) {
            LOG.info(message, error);
        } else {
            LOG.debug(message, error);
        }
    }
}
