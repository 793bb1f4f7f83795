// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.List;

/**
 * The logged-in user's SIP identity and digest keys, derived at login. The password itself is never kept: only
 * the two HA1 values (MD5 and SHA-256 of {@code user:realm:password}), and only in memory.
 *
 * @param username   the SIP user name (the account's user name)
 * @param displayName the name shown to the people this user calls
 * @param domain     the SIP domain, also the digest realm
 * @param registrar  the host the API runs on; the registrar and proxy listen there
 * @param port       the registrar's SIP port
 * @param transports transports the registrar offers, lower case
 * @param ha1Md5     hex MD5 of {@code user:realm:password}
 * @param ha1Sha256  hex SHA-256 of {@code user:realm:password}
 */
public record SipAccount(String username, String displayName, String domain, String registrar, int port, List<String> transports,
        String ha1Md5, String ha1Sha256) {

    /** @return the address of record, {@code sip:user@domain} */
    public String addressOfRecord() {
        return "sip:" + username + "@" + domain;
    }

    /** @return identity and registrar only; the digest keys are never shown */
    @Override
    public String toString() {
        return "SipAccount[" + addressOfRecord() + " via " + registrar + ":" + port + "]";
    }
}
