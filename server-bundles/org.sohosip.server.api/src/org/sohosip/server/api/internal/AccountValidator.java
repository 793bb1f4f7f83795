// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.AccountRules;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.PasswordChange;

/**
 * Checks request bodies against {@link AccountRules} and collects every problem at once, so that a form shows all
 * its mistakes after one round trip. Each method returns field name to message; empty means valid.
 */
public final class AccountValidator {

    static final String REQUIRED = "This field is required.";

    private AccountValidator() {
    }

    /** @return the problems of a new account: missing fields and rule violations */
    public static Map<String, String> check(NewAccount body) {
        Map<String, String> fields = new LinkedHashMap<>();
        required(fields, "username", body.username(), AccountRules::checkUsername);
        required(fields, "password", body.password(), AccountRules::checkPassword);
        required(fields, "extension", body.extension(), AccountRules::checkExtension);
        required(fields, "displayName", body.displayName(), AccountRules::checkDisplayName);
        aliases(fields, body.aliases());
        telephony(fields, body.groups(), body.outsideCallLimit());
        return fields;
    }

    /** @return the problems of the fields present in a change */
    public static Map<String, String> check(AccountChanges body) {
        Map<String, String> fields = new LinkedHashMap<>();
        optional(fields, "displayName", body.displayName(), AccountRules::checkDisplayName);
        optional(fields, "extension", body.extension(), AccountRules::checkExtension);
        aliases(fields, body.aliases());
        telephony(fields, body.groups(), body.outsideCallLimit());
        return fields;
    }

    /** @return the problems of a password change */
    public static Map<String, String> check(PasswordChange body) {
        Map<String, String> fields = new LinkedHashMap<>();
        required(fields, "password", body.password(), AccountRules::checkPassword);
        return fields;
    }

    private static void required(Map<String, String> fields, String name, @Nullable String value,
            Function<String, Optional<String>> rule) {
        if (value == null) {
            fields.put(name, REQUIRED);
        } else {
            optional(fields, name, value, rule);
        }
    }

    private static void optional(Map<String, String> fields, String name, @Nullable String value,
            Function<String, Optional<String>> rule) {
        if (value != null) {
            rule.apply(value).ifPresent(message -> fields.put(name, message));
        }
    }

    private static void aliases(Map<String, String> fields, @Nullable List<String> aliases) {
        if (aliases == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String alias : aliases) {
            Optional<String> problem = alias == null ? Optional.of("An alias cannot be null.")
                    : AccountRules.checkAlias(alias);
            if (problem.isEmpty() && !seen.add(alias)) {
                problem = Optional.of("Alias '" + alias + "' is listed twice.");
            }
            if (problem.isPresent()) {
                fields.put("aliases", problem.get());
                return;
            }
        }
    }

    private static void telephony(Map<String, String> fields, @Nullable List<String> groups,
            @Nullable Integer outsideCallLimit) {
        if (outsideCallLimit != null) {
            AccountRules.checkOutsideCallLimit(outsideCallLimit).ifPresent(m -> fields.put("outsideCallLimit", m));
        }
        if (groups != null) {
            for (String group : groups) {
                Optional<String> problem = group == null ? Optional.of("A group cannot be null.")
                        : AccountRules.checkGroup(group);
                if (problem.isPresent()) {
                    fields.put("groups", problem.get());
                    return;
                }
            }
        }
    }
}
