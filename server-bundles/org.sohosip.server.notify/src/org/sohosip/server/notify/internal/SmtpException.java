// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import java.io.IOException;

/** The mail server answered a command with an error; 4xx replies are temporary, 5xx permanent (RFC 5321 4.2.1). */
final class SmtpException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int code;

    SmtpException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** @return whether the server said the failure is permanent */
    boolean permanent() {
        return code >= 500;
    }
}
