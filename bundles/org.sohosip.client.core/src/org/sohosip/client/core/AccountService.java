// SPDX-License-Identifier: EPL-2.0
package org.sohosip.client.core;

import java.util.List;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Account;
import org.sohosip.core.LoginRecord;
import org.sohosip.core.api.AccountChanges;
import org.sohosip.core.api.NewAccount;

/**
 * Account administration on the server of the current session (administrators only). Every method blocks while
 * talking to the server: call them off the UI thread.
 *
 * @since 0.1
 */
public interface AccountService {

    /** @return all accounts sorted by user name */
    List<Account> accounts();

    /**
     * @param account the new account
     * @return the created account
     * @throws ApiException with field messages when fields are invalid (400) or taken (409)
     */
    Account create(NewAccount account);

    /**
     * @param id account id
     * @return the account
     */
    Account account(long id);

    /**
     * @param id      account id
     * @param changes the fields to change; {@code null} fields stay as they are
     * @return the changed account
     */
    Account update(long id, AccountChanges changes);

    /**
     * @param id       account id
     * @param password the new password
     */
    void setPassword(long id, char[] password);

    /**
     * @param limit    at most this many records
     * @param username only this user's records, or {@code null} for all
     * @return login records, newest first
     */
    List<LoginRecord> loginRecords(int limit, @Nullable String username);
}
