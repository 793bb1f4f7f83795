// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store;

import java.util.List;
import java.util.Optional;

import org.sohosip.core.Account;

/**
 * Accounts with their extensions, aliases and credentials. Every method is one transaction: a call that throws has
 * changed nothing.
 *
 * @since 0.1
 */
public interface AccountStore {

    /**
     * Creates an account.
     *
     * @param draft       the new account; its {@code id} is ignored
     * @param credentials its password hash and SIP digest values
     * @return the stored account with its id
     * @throws DuplicateException when the user name, extension or an alias is already taken (by a user name,
     *                            extension or alias of any account)
     */
    Account create(Account draft, Credentials credentials);

    /**
     * Replaces the display name, extension, aliases, admin and enabled flags of the account with {@code changed.id()}.
     * The user name never changes.
     *
     * @return the stored account
     * @throws NoSuchAccountException when there is no such account
     * @throws DuplicateException     when the new extension or an alias is taken by another account
     */
    Account update(Account changed);

    /**
     * Replaces the credentials of an account (password reset).
     *
     * @throws NoSuchAccountException when there is no such account
     */
    void setCredentials(long id, Credentials credentials);

    /** @return the account with this id */
    Optional<Account> find(long id);

    /** @return the account with this user name (exact, case-sensitive) */
    Optional<Account> findByUsername(String username);

    /** @return the account that owns this extension number */
    Optional<Account> findByExtension(String extension);

    /** @return the account that owns this alias */
    Optional<Account> findByAlias(String alias);

    /** @return the stored credentials of the account with this user name */
    Optional<Credentials> credentials(String username);

    /** @return all accounts, ordered by user name */
    List<Account> list();

    /** @return how many accounts exist */
    long count();
}
