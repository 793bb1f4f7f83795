// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * Told about every session state change. Called on the thread that made the change: a UI listener must hand the
 * event over to its UI thread (for example through an event broker) and return quickly.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SessionListener {

    /** @param event the new state */
    void sessionChanged(SessionEvent event);
}
