// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

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

    @Override
    public String toString() {
        return "SmppSettings[" + where() + ", systemId=" + systemId + ", sourceAddress=" + sourceAddress + "]";
    }
}
