// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sohosip.core.AccountRules;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.NewAccount;
import org.sohosip.core.api.PasswordChange;

class AccountValidatorTest {

    private static NewAccount valid() {
        return new NewAccount("alice", "correct horse", "3301", "Alice A.", List.of("reception", "+4930123"), null);
    }

    @Test
    void validAccountHasNoProblems() {
        assertTrue(AccountValidator.check(valid()).isEmpty());
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        Map<String, String> problems = AccountValidator.check(new NewAccount(null, null, null, null, null, null));
        assertEquals(Set.of("username", "password", "extension", "displayName"), problems.keySet());
        problems.values().forEach(m -> assertEquals(AccountValidator.REQUIRED, m));
    }

    @Test
    void everyInvalidFieldIsReportedWithTheSharedRuleMessage() {
        Map<String, String> problems = AccountValidator.check(
                new NewAccount("Bad Name", "short", "12a", " ", List.of("ok", "not ok"), true));
        assertEquals(AccountRules.checkUsername("Bad Name").get(), problems.get("username"));
        assertEquals(AccountRules.checkPassword("short").get(), problems.get("password"));
        assertEquals(AccountRules.checkExtension("12a").get(), problems.get("extension"));
        assertEquals(AccountRules.checkDisplayName(" ").get(), problems.get("displayName"));
        assertEquals(AccountRules.checkAlias("not ok").get(), problems.get("aliases"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "1234567", "12a", "", "３３０１" })
    void badExtensionsAreRefused(String extension) {
        Map<String, String> problems = AccountValidator.check(new NewAccount("alice", "correct horse", extension,
                "Alice", null, null));
        assertEquals(Set.of("extension"), problems.keySet());
    }

    @Test
    void aliasListedTwiceOrNullIsRefused() {
        assertTrue(AccountValidator.check(new NewAccount("alice", "correct horse", "33", "A", List.of("x", "x"), null))
                .get("aliases").contains("twice"));
        assertTrue(AccountValidator.check(new NewAccount("alice", "correct horse", "33", "A",
                Arrays.asList("x", null), null)).containsKey("aliases"));
    }

    @Test
    void changesCheckOnlyTheFieldsPresent() {
        assertTrue(AccountValidator.check(new AccountChanges(null, null, null, null, null)).isEmpty());
        assertTrue(AccountValidator.check(new AccountChanges(null, "4401", null, false, false)).isEmpty());
        assertEquals(Set.of("extension", "displayName"),
                AccountValidator.check(new AccountChanges("", "1", null, null, null)).keySet());
    }

    @Test
    void passwordChangeNeedsAGoodPassword() {
        assertEquals(Set.of("password"), AccountValidator.check(new PasswordChange(null)).keySet());
        assertEquals(Set.of("password"), AccountValidator.check(new PasswordChange("1234567")).keySet());
        assertTrue(AccountValidator.check(new PasswordChange("12345678")).isEmpty());
    }
}
