// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

import org.sohosip.server.notify.NotificationException;

/**
 * Where and as whom to bind to the SMSC.
 *
 * @param password the SMPP password; {@link #toString()} leaves it out so it never reaches a log
 */
record SmppSettings(String host, int port, String systemId, String password, String sourceAddress) {

    /** @return host and port, for messages */
    String where() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    /**
     * Checks the lengths SMPP 3.4 allows (system_id 15, password 8 characters). jSMPP would refuse them too, but
     * quoting the value in its message and its log, so they are checked here first.
     *
     * @throws NotificationException (not retryable) naming the setting at fault
     */
    void check() throws NotificationException {
        if (systemId.length() > 15) {
            throw new NotificationException("notify.smpp.systemId is longer than the 15 characters SMPP allows",
                    false, null);
        }
        if (password.length() > 8) {
            throw new NotificationException("notify.smpp.password is longer than the 8 characters SMPP allows",
                    false, null);
        }
    }

    /** @return {@code text} with the password, should a library message quote it, replaced by asterisks */
    String scrub(String text) {
        return password.isEmpty() ? text : text.replace(password, "********");
    }

    @Override
    public String toString() {
        return "SmppSettings[" + where() + ", systemId=" + systemId + ", sourceAddress=" + sourceAddress + "]";
    }
}
