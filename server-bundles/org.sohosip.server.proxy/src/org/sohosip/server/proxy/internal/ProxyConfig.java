// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.proxy.internal;

/**
 * Configuration of PID {@code org.sohosip.server.proxy}. Underscores stand for dots in the keys
 * ({@code sip_port} is {@code sip.port}).
 */
public @interface ProxyConfig {

    /** Address the UDP and TCP transports bind to. */
    String sip_host() default "0.0.0.0";

    /** Port of the UDP and TCP transports. */
    int sip_port() default 5060;

    /** The SIP domain and digest realm. */
    String sip_domain() default "sohosip.local";

    /** Shortest registration accepted, in seconds (shorter ones get 423 Interval Too Brief). */
    int sip_register_minExpires() default 60;

    /** Longest registration granted, in seconds (longer requests are cut to this). */
    int sip_register_maxExpires() default 3600;

    /** Digest algorithms offered, most preferred first (SHA-256, MD5). */
    String sip_auth_algorithms() default "SHA-256,MD5";

    /** Seconds a digest nonce stays valid; older ones are answered with {@code stale=true}. */
    int sip_auth_nonceSeconds() default 300;

    /** Failed authentications from one address after which the address is refused. */
    int sip_auth_lockAfter() default 10;

    /** Seconds an address stays refused after too many failed authentications. */
    int sip_auth_lockSeconds() default 300;

    /** Requests per second one address may send before it is blocked (0 turns the limit off). */
    int sip_rateLimit() default 100;

    /** Seconds an address that went over the rate limit stays blocked. */
    int sip_rateBlockSeconds() default 30;

    /** Largest SIP message accepted, in bytes; larger requests get 513 Message Too Large. */
    int sip_maxMessageSize() default 16384;

    /** Seconds a call rings before the proxy gives up (the caller gets 408, the callee a missed call). */
    int sip_ringSeconds() default 60;

    /** Comma-separated User-Agent fragments of scanners whose requests are dropped (case-insensitive). */
    String sip_scannerAgents() default "friendly-scanner,sipvicious,sipcli,vaxsipuseragent,sundayddr,sip-scan,"
            + "sipscan,iwar,smap,pplsip,cpxsip";

    /** Threads that process incoming UDP messages. */
    int sip_threads() default 4;

    /**
     * Received messages that may wait for a worker before new calls and registrations are refused with 503 and
     * {@code Retry-After} (load shedding); 0 turns shedding off.
     */
    int sip_maxQueue() default 500;

    /** Seconds a phone refused by load shedding is told to wait ({@code Retry-After}). */
    int sip_retryAfterSeconds() default 5;

    /**
     * Seconds a callee's phones ring before an unanswered call goes to voicemail, for mailboxes without a setting of
     * their own (only while a voicemail application runs).
     */
    int voicemail_noAnswerSeconds() default 20;
}
