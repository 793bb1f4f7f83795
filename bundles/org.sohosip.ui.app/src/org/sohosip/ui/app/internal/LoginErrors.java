// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.app.internal;

import org.eclipse.osgi.util.NLS;
import org.sohosip.client.core.ApiException;

/** Turns login failures into sentences for the login dialog. */
final class LoginErrors {

    private LoginErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof ApiException api) {
            if (api.status() == 401) {
                return Messages.LoginDialog_wrongPassword;
            }
            if (api.status() == 429) {
                return api.retryAfterSeconds().isPresent()
                        ? NLS.bind(Messages.LoginDialog_tooManyAttempts, api.retryAfterSeconds().getAsLong())
                        : Messages.LoginDialog_tooManyAttemptsLater;
            }
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
