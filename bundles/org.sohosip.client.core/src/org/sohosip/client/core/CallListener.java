// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * Told when a call appears or changes state; called on a background thread.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CallListener {

    /** @param call the call that appeared or changed (its state is already the new one) */
    void callChanged(Call call);
}
