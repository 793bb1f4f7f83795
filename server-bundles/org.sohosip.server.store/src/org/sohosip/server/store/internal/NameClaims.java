// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Account;
import org.sohosip.server.store.DuplicateException;

/**
 * User names, extensions and aliases share one name space: a name that reaches one account (as any of the three)
 * must not reach another. The unique constraints only guard each column on its own, so this check looks across all
 * three before anything is written.
 */
final class NameClaims {

    private NameClaims() {
    }

    /**
     * @param wanted         the account as it should be stored
     * @param ownId          the account's id when updating (its own names are no conflict), or {@code null}
     * @param claimsUsername whether the user name is being claimed (only on create; it never changes)
     * @throws DuplicateException naming the first field whose value is taken; nothing has been written
     */
    static void check(EntityManager em, Account wanted, @Nullable Long ownId, boolean claimsUsername) {
        Set<String> seen = new HashSet<>();
        for (String alias : wanted.aliases()) {
            if (!seen.add(alias)) {
                throw new DuplicateException("aliases", "Alias '" + alias + "' is listed twice.");
            }
        }
        List<String> names = new ArrayList<>(wanted.aliases());
        names.add(wanted.extension());
        if (claimsUsername) {
            names.add(wanted.username());
        }
        Map<String, String> owners = owners(em, names, ownId);
        if (claimsUsername && owners.containsKey(wanted.username())) {
            throw new DuplicateException("username", "User name '" + wanted.username() + "' is taken: it is already "
                    + owners.get(wanted.username()) + ".");
        }
        if (owners.containsKey(wanted.extension())) {
            throw new DuplicateException("extension", "Extension '" + wanted.extension() + "' is taken: it is already "
                    + owners.get(wanted.extension()) + ".");
        }
        for (String alias : wanted.aliases()) {
            if (owners.containsKey(alias)) {
                throw new DuplicateException("aliases", "Alias '" + alias + "' is taken: it is already "
                        + owners.get(alias) + ".");
            }
        }
    }

    /** @return for each name held by another account: what it is there, e.g. "the extension of bob" */
    private static Map<String, String> owners(EntityManager em, List<String> names, @Nullable Long ownId) {
        Map<String, String> owners = new LinkedHashMap<>();
        List<AccountEntity> accounts = em.createQuery(
                "SELECT a FROM AccountEntity a WHERE a.username IN :names OR a.extension IN :names",
                AccountEntity.class).setParameter("names", names).getResultList();
        for (AccountEntity a : accounts) {
            if (!Objects.equals(ownId, a.id())) {
                Account other = a.toAccount();
                if (names.contains(other.username())) {
                    owners.putIfAbsent(other.username(), "the user name of " + other.username());
                }
                if (names.contains(other.extension())) {
                    owners.putIfAbsent(other.extension(), "the extension of " + other.username());
                }
            }
        }
        List<AliasEntity> aliases = em.createQuery("SELECT al FROM AliasEntity al WHERE al.alias IN :names",
                AliasEntity.class).setParameter("names", names).getResultList();
        for (AliasEntity alias : aliases) {
            AccountEntity owner = Objects.requireNonNull(alias.account());
            if (!Objects.equals(ownId, owner.id())) {
                owners.putIfAbsent(alias.alias(), "an alias of " + owner.username());
            }
        }
        return owners;
    }
}
