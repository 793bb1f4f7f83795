// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.util.Map;

/**
 * Settings that belong to a user rather than to a machine (ringtone, UI preferences), kept with the account.
 *
 * @since 0.1
 */
public interface UserSettingsStore {

    /** @return the account's settings; empty when it has none */
    Map<String, String> get(long accountId);

    /**
     * Replaces all of the account's settings.
     *
     * @return what is stored now
     */
    Map<String, String> replace(long accountId, Map<String, String> values);
}
