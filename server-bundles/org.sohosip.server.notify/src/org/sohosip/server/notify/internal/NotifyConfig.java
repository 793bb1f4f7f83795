// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.notify.internal;

/**
 * The {@code notify.*} settings of the server configuration file, as ConfigAdmin hands them to the PID
 * {@value NotifyComponent#PID} (an underscore in a method name stands for a dot in the key).
 */
public @interface NotifyConfig {

    /** @return the SMSC's host; empty turns SMS off */
    String notify_smpp_host() default "";

    /** @return the SMSC's SMPP port */
    int notify_smpp_port() default 2775;

    /** @return the SMPP system id to bind as */
    String notify_smpp_systemId() default "";

    /** @return the SMPP password */
    String notify_smpp_password() default "";

    /** @return the sender number or name of the SMS */
    String notify_smpp_sourceAddress() default "";

    /** @return the mail server's host; empty turns e-mail off */
    String notify_smtp_host() default "";

    /** @return the mail server's port */
    int notify_smtp_port() default 25;

    /** @return the sender address of notices */
    String notify_smtp_from() default "";

    /** @return the SMTP login, empty for none */
    String notify_smtp_username() default "";

    /** @return the SMTP password */
    String notify_smtp_password() default "";

    /** @return whether to switch to TLS when the server offers STARTTLS */
    boolean notify_smtp_starttls() default true;

    /** @return pauses in seconds before each retry of a failed notice */
    String notify_retrySeconds() default "5,30,120,600";
}
