// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.util.List;

import org.sohosip.core.LoginEvent;
import org.sohosip.core.LoginRecord;

/**
 * The login log: every login, logout, failed and refused login with its time and remote address.
 *
 * @since 0.1
 */
public interface LoginRecordStore {

    /**
     * Appends an entry stamped with the current time.
     *
     * @return the stored entry
     */
    LoginRecord record(String username, LoginEvent event, String address);

    /** @return the newest entries first, at most {@code limit} */
    List<LoginRecord> recent(int limit);

    /** @return the newest entries of one user name first, at most {@code limit} */
    List<LoginRecord> forUser(String username, int limit);
}
