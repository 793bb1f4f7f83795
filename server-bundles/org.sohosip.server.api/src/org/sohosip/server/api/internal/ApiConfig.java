// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

/**
 * Configuration of PID {@value #PID}; each method name maps to a key ({@code api_token_ttl} is {@code api.token.ttl}).
 */
public @interface ApiConfig {

    /** The configuration PID shared by the HTTPS endpoint and the API servlet. */
    String PID = "org.sohosip.server.api";

    /** @return absolute path of the server's data folder; the TLS material lives in its {@code tls} folder */
    String dataDir();

    /** @return address the HTTPS connector binds to */
    String api_host() default "0.0.0.0";

    /** @return HTTPS port */
    int api_port() default 8443;

    /** @return SIP realm the digest HA1 values of new passwords are made for */
    String sip_domain() default "sohosip.local";

    /** @return the SIP proxy's port (UDP and TCP), told to softphones */
    int sip_port() default 5060;

    /** @return bearer token lifetime in seconds */
    long api_token_ttl() default 28800;

    /** @return consecutive failed logins from one address before answers are delayed */
    int api_login_slowAfter() default 5;

    /** @return consecutive failed logins from one address before it is refused */
    int api_login_lockAfter() default 10;

    /** @return how long a locked-out address is refused, in seconds */
    int api_login_lockSeconds() default 300;

    /** @return comma-separated CIDR networks whose requests may use the administration endpoints */
    String api_admin_allowFrom() default "127.0.0.0/8,::1/128";

    /** @return the office's country calling code for matching national numbers ({@code 886}); empty: none */
    String phone_countryCode() default "886";

    /** @return the national trunk prefix ({@code 0}) */
    String phone_trunkPrefix() default "0";

    /** @return comma-separated international access prefixes ({@code 00}) */
    String phone_internationalPrefix() default "00";

    /** @return the digit(s) dialled in the office for an outside line, stripped before matching; empty: none */
    String phone_outsideLinePrefix() default "";

    /** @return ring time in seconds shown for a mailbox whose owner never chose one */
    int voicemail_noAnswerSeconds() default 20;
}
