// SPDX-License-Identifier: EPL-2.0
package org.sohosip.ui.admin.internal;

import java.util.Comparator;
import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Account;

/**
 * The office's accounts offered in the Call reports page's user drop-down: "All users" first, then every account by
 * user name (disabled ones too: their past calls still count), each shown with its display name.
 */
final class UserChoice {

    private final List<Account> accounts;

    UserChoice(List<Account> accounts) {
        this.accounts = accounts.stream().sorted(Comparator.comparing(Account::username)).toList();
    }

    /** @return the drop-down's items: {@code allUsers}, then one per account */
    String[] items(String allUsers) {
        String[] items = new String[accounts.size() + 1];
        items[0] = allUsers;
        for (int i = 0; i < accounts.size(); i++) {
            Account a = accounts.get(i);
            items[i + 1] = a.displayName().isBlank() || a.displayName().equals(a.username()) ? a.username()
                    : a.username() + " \u2013 " + a.displayName();
        }
        return items;
    }

    /** @return the user name at a drop-down index, or {@code null} for "All users" (index 0) and no choice */
    @Nullable
    String usernameAt(int index) {
        return index < 1 || index > accounts.size() ? null : accounts.get(index - 1).username();
    }

    /** @return the drop-down index of the user, 0 ("All users") for {@code null}, or -1 when not offered */
    int indexOf(@Nullable String username) {
        if (username == null) {
            return 0;
        }
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).username().equals(username)) {
                return i + 1;
            }
        }
        return -1;
    }
}
