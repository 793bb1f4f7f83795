// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core.internal.phone;

import java.util.Locale;
import java.util.regex.Pattern;

import org.sohosip.client.core.ClientException;

/** Turns what the user typed (extension, user name, alias, number or SIP address) into a SIP URI. */
public final class TargetAddress {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._~+\\-!$&'()*=,;?/]+");
    /** Characters people type in phone numbers for readability, not for dialling. */
    private static final Pattern NUMBER_PUNCTUATION = Pattern.compile("[\\s\\-().]");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]+");

    private TargetAddress() {
    }

    /**
     * @param target what was typed
     * @param domain the SIP domain of the logged-in user
     * @return {@code sip:<target>@<domain>}, or the target itself when it is already a SIP address
     * @throws ClientException with a sentence for people when the text cannot be dialled
     */
    public static String toUri(String target, String domain) {
        String t = target.strip();
        if (t.isEmpty()) {
            throw new ClientException("Enter an extension, a name or a number to call.");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sips:")) {
            throw new ClientException("Secure SIP addresses (sips:) cannot be called yet; use sip: instead.");
        }
        if (lower.startsWith("sip:")) {
            String rest = t.substring(4);
            int at = rest.indexOf('@');
            String user = at < 0 ? rest : rest.substring(0, at);
            if (user.isEmpty() || !USER.matcher(user).matches()
                    || (at >= 0 && rest.substring(at + 1).isBlank())) {
                throw unusable(target);
            }
            return at < 0 ? "sip:" + user + "@" + domain : "sip:" + rest;
        }
        int at = t.indexOf('@');
        if (at >= 0) {
            return toUri("sip:" + t, domain);
        }
        String digits = NUMBER_PUNCTUATION.matcher(t).replaceAll("");
        if (NUMBER.matcher(digits).matches()) {
            return "sip:" + digits + "@" + domain;
        }
        if (!USER.matcher(t).matches()) {
            throw unusable(target);
        }
        return "sip:" + t + "@" + domain;
    }

    private static ClientException unusable(String target) {
        return new ClientException("\"" + target + "\" cannot be called. Enter an extension (like 3301), a user "
                + "name, a phone number or a SIP address (sip:name@domain).");
    }
}
