// SPDX-License-Identifier: EPL-2.0
package org.sohosip.core;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules an account's fields must follow, shared by the server (which enforces them) and the client (which shows
 * them next to the fields before anything is sent). Each check returns the message to show, or empty when the value
 * is fine.
 *
 * @since 0.1
 */
public final class AccountRules {

    /** Shortest password accepted. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{2,6}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9.*#+_-]{1,64}");

    /** Highest per-account limit of concurrent outside calls. */
    public static final int MAX_OUTSIDE_CALL_LIMIT = 30;

    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    private AccountRules() {
    }

    /** @return a message when {@code username} is not 2-32 characters of a-z, 0-9, '.', '_', '-' starting with a letter */
    public static Optional<String> checkUsername(String username) {
        return USERNAME.matcher(username).matches() ? Optional.empty()
                : Optional.of("Use 2-32 lower-case letters, digits, '.', '_' or '-', starting with a letter.");
    }

    /** @return a message when {@code extension} is not 2-6 digits */
    public static Optional<String> checkExtension(String extension) {
        return EXTENSION.matcher(extension).matches() ? Optional.empty()
                : Optional.of("An extension is 2 to 6 digits, e.g. 3301.");
    }

    /** @return a message when {@code alias} contains characters a SIP user part cannot carry plainly */
    public static Optional<String> checkAlias(String alias) {
        return ALIAS.matcher(alias).matches() ? Optional.empty()
                : Optional.of("Alias '" + alias + "' may only contain letters, digits and . * # + _ -");
    }

    /** @return a message when {@code password} is too short or blank */
    public static Optional<String> checkPassword(String password) {
        return password.length() >= MIN_PASSWORD_LENGTH && !password.isBlank() ? Optional.empty()
                : Optional.of("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
    }

    /** @return a message when {@code displayName} is blank or longer than 100 characters */
    public static Optional<String> checkDisplayName(String displayName) {
        return !displayName.isBlank() && displayName.length() <= 100 ? Optional.empty()
                : Optional.of("A display name is 1 to 100 characters.");
    }

    /** @return a message when {@code group} is not 1-32 lower-case letters, digits, '.', '_', '-' */
    public static Optional<String> checkGroup(String group) {
        return GROUP.matcher(group).matches() ? Optional.empty()
                : Optional.of("Group '" + group + "' must be 1-32 lower-case letters, digits, '.', '_' or '-'.");
    }

    /** @return a message when {@code limit} is not between 1 and {@value #MAX_OUTSIDE_CALL_LIMIT} */
    public static Optional<String> checkOutsideCallLimit(int limit) {
        return limit >= 1 && limit <= MAX_OUTSIDE_CALL_LIMIT ? Optional.empty()
                : Optional.of("The outside-call limit is 1 to " + MAX_OUTSIDE_CALL_LIMIT + " calls at once.");
    }
}
