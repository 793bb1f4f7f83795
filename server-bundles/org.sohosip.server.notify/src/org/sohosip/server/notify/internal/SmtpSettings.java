// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

/**
 * The mail server that relays notices, and the sender address they carry.
 *
 * @param username empty when the server needs no login
 * @param password {@link #toString()} leaves it out so it never reaches a log
 * @param starttls whether to switch to TLS when the server offers STARTTLS
 */
record SmtpSettings(String host, int port, String from, String username, String password, boolean starttls) {

    /** @return host and port, for messages */
    String where() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + where() + ", from=" + from + ", username=" + username + ", starttls=" + starttls
                + "]";
    }
}
