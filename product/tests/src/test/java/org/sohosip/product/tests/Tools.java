// SPDX-License-Identifier: EPL-2.0
package org.sohosip.product.tests;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the real peers and tools the tests drive (SIPp, baresip, sox) on the PATH. */
final class Tools {

    private Tools() {
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
