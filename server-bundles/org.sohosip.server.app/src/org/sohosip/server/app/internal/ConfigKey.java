// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.app.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every key of the server configuration file, with its default and the service configurations (ConfigAdmin PIDs)
 * it is given to. {@code docs/configuration.md} documents exactly these keys; a test keeps the two in step.
 */
public enum ConfigKey {
    SIP_DOMAIN("sip.domain", "sohosip.local", "The office's SIP domain; also the digest realm of every account. "
            + "Changing it later makes every user reset their password (the stored digest values name the realm).",
            Pid.API, Pid.PROXY, Pid.GATEWAY),
    SIP_HOST("sip.host", "0.0.0.0", "Address the SIP registrar and proxy listen on, for UDP and TCP (all "
            + "interfaces by default, so phones on other desks can register).", Pid.PROXY),
    SIP_PORT("sip.port", "5060", "Port of the SIP registrar and proxy, for UDP and TCP.", Pid.PROXY, Pid.API),
    SIP_REGISTER_MIN_EXPIRES("sip.register.minExpires", "60", "Shortest registration interval accepted, in "
            + "seconds; phones asking for less are told this minimum (423 Interval Too Brief).", Pid.PROXY),
    SIP_REGISTER_MAX_EXPIRES("sip.register.maxExpires", "3600", "Longest registration interval granted, in "
            + "seconds; longer requests are shortened to this.", Pid.PROXY),
    SIP_AUTH_ALGORITHMS("sip.auth.algorithms", "SHA-256,MD5", "Digest algorithms offered to phones, most "
            + "preferred first (SHA-256 and MD5, RFC 8760). Leave only MD5 for old phones that stumble over two "
            + "challenges.", Pid.PROXY),
    SIP_AUTH_NONCE_SECONDS("sip.auth.nonceSeconds", "300", "Seconds a digest challenge (nonce) stays valid; "
            + "phones then answer a fresh one.", Pid.PROXY),
    SIP_AUTH_LOCK_AFTER("sip.auth.lockAfter", "10", "Failed SIP authentications from one address after which "
            + "that address is refused (403) for a while.", Pid.PROXY),
    SIP_AUTH_LOCK_SECONDS("sip.auth.lockSeconds", "300", "Seconds an address stays refused after too many "
            + "failed SIP authentications.", Pid.PROXY),
    SIP_RATE_LIMIT("sip.rateLimit", "100", "SIP requests per second one address may send; an address that sends "
            + "more is ignored for a while (flood protection). 0 turns the limit off.", Pid.PROXY),
    SIP_RATE_BLOCK_SECONDS("sip.rateBlockSeconds", "30", "Seconds an address that went over the SIP rate limit "
            + "stays ignored.", Pid.PROXY),
    SIP_MAX_MESSAGE_SIZE("sip.maxMessageSize", "16384", "Largest SIP request accepted, in bytes; larger ones are "
            + "refused (513 Message Too Large).", Pid.PROXY),
    SIP_RING_SECONDS("sip.ringSeconds", "60", "Seconds a call rings before the proxy gives up; the callee then has "
            + "a missed call.", Pid.PROXY),
    SIP_SCANNER_AGENTS("sip.scannerAgents", "friendly-scanner,sipvicious,sipcli,vaxsipuseragent,sundayddr,"
            + "sip-scan,sipscan,iwar,smap,pplsip,cpxsip", "Comma-separated User-Agent fragments of known SIP "
            + "scanners; their requests are dropped unanswered (case-insensitive).", Pid.PROXY),
    SIP_THREADS("sip.threads", "4", "Threads that process incoming SIP messages over UDP.", Pid.PROXY),
    DB_HOST("db.host", "127.0.0.1", "Address the embedded Derby network server listens on. Keep it on loopback: "
            + "nothing outside the server process needs the database.", Pid.STORE),
    DB_PORT("db.port", "1527", "TCP port of the embedded Derby network server.", Pid.STORE),
    API_HOST("api.host", "0.0.0.0", "Address the HTTPS API listens on (all interfaces by default, so clients on "
            + "other desks can log in).", Pid.API),
    API_PORT("api.port", "8443", "TCP port of the HTTPS API.", Pid.API),
    API_TOKEN_TTL("api.token.ttl", "28800", "Seconds a login token stays valid; the client refreshes it before "
            + "it expires.", Pid.API),
    API_LOGIN_SLOW_AFTER("api.login.slowAfter", "5", "Failed logins from one address after which answers to that "
            + "address are delayed.", Pid.API),
    API_LOGIN_LOCK_AFTER("api.login.lockAfter", "10", "Failed logins from one address after which that address "
            + "is refused for a while.", Pid.API),
    API_LOGIN_LOCK_SECONDS("api.login.lockSeconds", "300", "Seconds an address stays refused after too many "
            + "failed logins.", Pid.API),
    API_ADMIN_ALLOW_FROM("api.admin.allowFrom", "127.0.0.0/8,::1/128", "Comma-separated networks (CIDR) from "
            + "which administrators may use the admin API. Add the office LAN (e.g. 192.168.1.0/24) to administer "
            + "from other desks.", Pid.API),
    PHONE_COUNTRY_CODE("phone.countryCode", "886", "The office's country calling code, used to match national "
            + "numbers in the phonebook with international ones (0223456789 and +886223456789 are the same "
            + "contact).", Pid.API),
    PHONE_TRUNK_PREFIX("phone.trunkPrefix", "0", "The national trunk prefix that starts a national number.",
            Pid.API),
    PHONE_INTERNATIONAL_PREFIX("phone.internationalPrefix", "00", "Comma-separated international access "
            + "prefixes; a number starting with one is matched as +<rest>.", Pid.API),
    PHONE_OUTSIDE_LINE_PREFIX("phone.outsideLinePrefix", "", "Digits dialled in the office for an outside line "
            + "(e.g. 9), stripped before numbers are matched; empty when there is none.", Pid.API),
    NOTIFY_SMPP_HOST("notify.smpp.host", "", "Host of the SMSC that sends voicemail notices by SMS (SMPP 3.4); "
            + "empty turns SMS notices off.", Pid.NOTIFY),
    NOTIFY_SMPP_PORT("notify.smpp.port", "2775", "SMPP port of the SMSC.", Pid.NOTIFY),
    NOTIFY_SMPP_SYSTEM_ID("notify.smpp.systemId", "", "System id the server binds to the SMSC with (at most 15 "
            + "characters).", Pid.NOTIFY),
    NOTIFY_SMPP_PASSWORD("notify.smpp.password", "", "SMPP password (at most 8 characters); never written to the "
            + "log.", Pid.NOTIFY),
    NOTIFY_SMPP_SOURCE_ADDRESS("notify.smpp.sourceAddress", "", "Sender of the SMS: a number (+886... for an "
            + "international one) or a short name such as SOHOSIP, as the SMSC allows.", Pid.NOTIFY),
    NOTIFY_SMTP_HOST("notify.smtp.host", "", "Host of the mail server that sends voicemail notices by e-mail, with "
            + "the recording attached; empty turns e-mail notices off.", Pid.NOTIFY),
    NOTIFY_SMTP_PORT("notify.smtp.port", "25", "SMTP port of the mail server (25, or 587 for submission).",
            Pid.NOTIFY),
    NOTIFY_SMTP_FROM("notify.smtp.from", "", "Sender address of the notices, e.g. voicemail@example.com; needed "
            + "when notify.smtp.host is set.", Pid.NOTIFY),
    NOTIFY_SMTP_USERNAME("notify.smtp.username", "", "User name for SMTP authentication (AUTH PLAIN or LOGIN); "
            + "empty when the server relays without a login.", Pid.NOTIFY),
    NOTIFY_SMTP_PASSWORD("notify.smtp.password", "", "Password for SMTP authentication; never written to the log.",
            Pid.NOTIFY),
    NOTIFY_SMTP_STARTTLS("notify.smtp.starttls", "true", "Whether to switch the connection to TLS when the mail "
            + "server offers STARTTLS (the server's certificate must be trusted by Java); false keeps it plain.",
            Pid.NOTIFY),
    NOTIFY_RETRY_SECONDS("notify.retrySeconds", "5,30,120,600", "Pauses in seconds before each new try of a "
            + "notice that failed; after the last one the notice is given up with an ERROR in the log.",
            Pid.NOTIFY),
    VOICEMAIL_NO_ANSWER_SECONDS("voicemail.noAnswerSeconds", "20", "Seconds a call rings before the callee's "
            + "mailbox takes it, for users who did not choose their own time in their mailbox settings (5 to 120).",
            Pid.STORE, Pid.API, Pid.PROXY, Pid.VOICEMAIL),
    VOICEMAIL_MAX_MESSAGES("voicemail.maxMessages", "100", "Messages a mailbox holds at most (deleted ones not "
            + "counted); a caller reaching a full mailbox hears a notice and can leave no message.", Pid.STORE,
            Pid.VOICEMAIL),
    VOICEMAIL_PURGE_DAYS("voicemail.purgeDays", "7", "Days a deleted voicemail message can still be restored; "
            + "after that it is removed for good.", Pid.STORE),
    SIP_MAX_QUEUE("sip.maxQueue", "500", "Received SIP messages that may wait for a worker before new calls "
            + "(INVITE) and registrations (REGISTER) are refused with 503 and Retry-After instead of falling behind "
            + "(load shedding); calls in progress are never refused. 0 turns shedding off.", Pid.PROXY),
    SIP_RETRY_AFTER_SECONDS("sip.retryAfterSeconds", "5", "Seconds a phone refused by load shedding is asked to "
            + "wait before it tries again (Retry-After of the 503).", Pid.PROXY),
    VOICEMAIL_ACCESS_NUMBER("voicemail.accessNumber", "8500", "Number to dial for the voicemail menu from any "
            + "phone (mailbox and PIN asked); *97 also reaches the caller's own mailbox.",
            Pid.VOICEMAIL),
    VOICEMAIL_MAX_SECONDS("voicemail.maxSeconds", "180", "Longest voicemail message, in seconds; the "
            + "recording stops there.",
            Pid.VOICEMAIL),
    VOICEMAIL_SILENCE_SECONDS("voicemail.silenceSeconds", "10", "Seconds of silence after which a voicemail "
            + "recording ends.",
            Pid.VOICEMAIL),
    VOICEMAIL_MIN_SECONDS("voicemail.minSeconds", "2", "Messages with less speech than this many seconds are "
            + "discarded (hang-ups at the greeting); recordings a crash interrupted are kept only from this length on.",
            Pid.VOICEMAIL, Pid.STORE),
    VOICEMAIL_OPERATOR_EXTENSION("voicemail.operatorExtension", "", "Extension a caller reaches by pressing 0 "
            + "during the greeting (the caller's phone is transferred with REFER); empty turns it off.",
            Pid.VOICEMAIL),
    VOICEMAIL_PORT("voicemail.port", "0", "Loopback port of the voicemail service's own SIP stack (UDP); "
            + "the proxy forwards its calls there. 0 picks a free one.",
            Pid.VOICEMAIL),
    VOICEMAIL_ENABLED("voicemail.enabled", "true", "Whether unanswered calls go to voicemail and the voicemail "
            + "menu answers; false lets callers hear busy or no answer as they are.",
            Pid.VOICEMAIL),
    GATEWAY_CONFIG_DIR("gateway.configDir", "", "Folder where the generated Asterisk files (pjsip.conf or "
            + "sip.conf, extensions.conf) are written, one sub-folder per gateway; empty means asterisk/ in the data "
            + "directory. See docs/asterisk.md.", Pid.GATEWAY),
    GATEWAY_RECONNECT_SECONDS("gateway.reconnectSeconds", "60", "Longest pause, in seconds, between two attempts "
            + "to reach an Asterisk gateway's manager interface; the pauses grow from 1 s to this.", Pid.GATEWAY),
    GATEWAY_PROXY_HOST("gateway.proxyHost", "127.0.0.1", "The SIP proxy's address as the Asterisk gateway reaches "
            + "it; written into the generated trunk (set it to this server's LAN address when Asterisk runs on "
            + "another machine).", Pid.GATEWAY),
    GATEWAY_PROXY_PORT("gateway.proxyPort", "5060", "The SIP proxy's port as the Asterisk gateway reaches it; "
            + "written into the generated trunk.", Pid.GATEWAY),
    GATEWAY_CHANNEL_DRIVER("gateway.channelDriver", "pjsip", "Asterisk's SIP channel driver for the trunk: pjsip "
            + "(Asterisk 18 to 22) or sip (chan_sip, Asterisk 18 to 20 only).", Pid.GATEWAY),
    LOG_LEVEL("log.level", "INFO", "Level of the server log: ERROR, WARN, INFO, DEBUG or TRACE.", Pid.NONE),
    LOG_MAX_FILE_SIZE("log.maxFileSize", "10MB", "Size at which the log file is rolled over.", Pid.NONE),
    LOG_MAX_HISTORY("log.maxHistory", "14", "Days of rolled log files kept.", Pid.NONE);

    /** The service configurations that receive a key. */
    public enum Pid {
        STORE("org.sohosip.server.store"), API("org.sohosip.server.api"), PROXY("org.sohosip.server.proxy"),
        NOTIFY("org.sohosip.server.notify"),
        VOICEMAIL("org.sohosip.server.voicemail"),
        GATEWAY("org.sohosip.server.gateway"),
        NONE("");

        private final String pid;

        Pid(String pid) {
            this.pid = pid;
        }

        /** @return the ConfigAdmin PID, empty for keys only the application itself reads */
        public String pid() {
            return pid;
        }
    }

    private final String key;
    private final String defaultValue;
    private final String description;
    private final List<Pid> pids;

    ConfigKey(String key, String defaultValue, String description, Pid... pids) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.pids = List.of(pids);
    }

    /** @return the key as written in the file */
    public String key() {
        return key;
    }

    /** @return the value used when the file does not set the key */
    public String defaultValue() {
        return defaultValue;
    }

    /**
     * @return whether the value must be a whole number; the {@code phone.*} prefixes are digit strings where a
     *         leading zero matters, and may be lists, so they are not numbers
     */
    public boolean numeric() {
        return defaultValue.matches("[0-9]+") && !key.startsWith("phone.");
    }

    /** @return one or two sentences for people */
    public String description() {
        return description;
    }

    /** @return the service configurations that receive the key */
    public List<Pid> pids() {
        return pids;
    }

    /** @return the key spelled {@code name}, if there is one */
    public static Optional<ConfigKey> byName(String name) {
        return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
    }

    /** @return the keys given to one service configuration */
    public static List<ConfigKey> of(Pid pid) {
        return Arrays.stream(values()).filter(k -> k.pids.contains(pid)).toList();
    }
}
