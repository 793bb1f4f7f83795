// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The registrar's persisted bindings, so that a server restart keeps phones registered. The registrar keeps the
 * working copy in memory and writes changes here; every method is one transaction.
 *
 * @since 0.1
 */
public interface BindingStore {

    /** @return every binding that has not expired at {@code now}, ordered by user name and contact */
    List<SipBinding> unexpired(Instant now);

    /**
     * Replaces all bindings of each given user name with the given ones (an empty list removes them all).
     *
     * @param usernames the user names whose bindings are replaced
     * @param bindings  their new bindings; each must belong to one of {@code usernames}
     */
    void replace(Collection<String> usernames, Collection<SipBinding> bindings);

    /** @return how many bindings had expired at {@code now} and were deleted */
    int deleteExpired(Instant now);
}
