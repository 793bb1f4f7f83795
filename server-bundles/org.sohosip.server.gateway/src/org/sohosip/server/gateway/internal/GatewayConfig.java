// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.gateway.internal;

/**
 * Configuration of PID {@code org.sohosip.server.gateway}. Underscores stand for dots in the keys
 * ({@code gateway_configDir} is {@code gateway.configDir}).
 */
public @interface GatewayConfig {

    /** The server's data folder; the generated Asterisk files go to {@code <dataDir>/asterisk} by default. */
    String dataDir() default "";

    /** Folder for the generated Asterisk files, one sub-folder per gateway; empty = {@code <dataDir>/asterisk}. */
    String gateway_configDir() default "";

    /** Longest pause between two connection attempts to an unreachable Asterisk, in seconds. */
    int gateway_reconnectSeconds() default 60;

    /** The SOHOSIP proxy's address as Asterisk reaches it (written into the generated trunk). */
    String gateway_proxyHost() default "127.0.0.1";

    /** The SOHOSIP proxy's SIP port as Asterisk reaches it. */
    int gateway_proxyPort() default 5060;

    /** {@code pjsip} (Asterisk 18-22) or {@code sip} (chan_sip, Asterisk 18-20 only). */
    String gateway_channelDriver() default "pjsip";

    /** The SIP domain (the digest realm). */
    String sip_domain() default "sohosip.local";
}
