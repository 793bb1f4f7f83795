// SPDX-License-Identifier: EPL-2.0
package org.sohosip.media.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Settings FMJ needs before its first use in a process: it must neither read nor write its plug-in registry in
 * the user's home folder (its built-in defaults hold everything we use), and its java.util.logging chatter at
 * INFO level is not for our logs.
 */
final class Fmj {

    private static final String DISABLE_LOAD = "net.sf.fmj.utility.JmfRegistry.disableLoad";
    private static final String DISABLE_COMMIT = "net.sf.fmj.utility.JmfRegistry.disableCommit";
    // Held so the level setting is not lost when the logger is collected.
    private static final Logger FMJ_LOGGER = Logger.getLogger("net.sf.fmj");
    private static volatile boolean prepared;

    private Fmj() {
    }

    static void prepare() {
        if (prepared) {
            return;
        }
        synchronized (Fmj.class) {
            // FMJ reads these two system properties; nothing else offers the switch.
            if (System.getProperty(DISABLE_LOAD) == null) {
                System.setProperty(DISABLE_LOAD, "true");
            }
            if (System.getProperty(DISABLE_COMMIT) == null) {
                System.setProperty(DISABLE_COMMIT, "true");
            }
            FMJ_LOGGER.setLevel(Level.WARNING);
            prepared = true;
        }
    }
}
