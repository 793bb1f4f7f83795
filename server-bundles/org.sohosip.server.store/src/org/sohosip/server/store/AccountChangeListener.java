// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

/**
 * Whiteboard service told after every committed change to an account (creation, update, enabling or disabling,
 * new credentials), so that caches of account data (the SIP proxy's) stay right. Called on the writer's thread:
 * keep it short.
 *
 * @since 0.1
 */
public interface AccountChangeListener {

    /** @param accountId the id of the account that changed */
    void accountChanged(long accountId);
}
