// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.List;

import org.sohosip.core.api.DirectoryEntry;

/**
 * The company directory: every colleague's name, extension and SIP address, read-only.
 *
 * @since 0.1
 */
public interface DirectoryService {

    /** @return the directory as last loaded (also from the offline cache); never blocks */
    List<DirectoryEntry> directory();

    /** Reloads the directory from the server. Blocks. */
    List<DirectoryEntry> refreshDirectory();
}
