// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

/**
 * Hold and resume (re-INVITE with {@code sendonly}, then {@code sendrecv}). Resuming a call puts the active one
 * on hold.
 *
 * @since 0.1
 */
public interface CallHold {

    /** @param call a connected call to put on hold */
    void hold(Call call);

    /** @param call a held call to make active again */
    void resume(Call call);
}
