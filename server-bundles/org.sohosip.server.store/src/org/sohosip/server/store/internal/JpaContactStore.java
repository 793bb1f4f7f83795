// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import jakarta.persistence.TypedQuery;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.persistence.config.QueryHints;
import org.sohosip.core.Contact;
import org.sohosip.core.ContactRules;
import org.sohosip.server.store.ContactStore;
import org.sohosip.server.store.NoSuchContactException;
import org.sohosip.server.store.StaleContactException;

/**
 * {@link ContactStore} on {@code CONTACTS} and {@code CONTACT_NUMBERS}. Every query carries the owner: a row of
 * another owner is never loaded, so it cannot leak through any path.
 */
final class JpaContactStore implements ContactStore {

    private final Transactions transactions;

    JpaContactStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Contact create(long ownerId, Contact draft) {
        return createAll(ownerId, List.of(draft)).get(0);
    }

    @Override
    public List<Contact> createAll(long ownerId, List<Contact> drafts) {
        return transactions.run(em -> {
            Instant now = Instant.now();
            List<ContactEntity> entities = new ArrayList<>(drafts.size());
            int i = 0;
            for (Contact draft : drafts) {
                ContactEntity entity = new ContactEntity(ownerId, draft, now);
                em.persist(entity);
                entities.add(entity);
                if (++i % 500 == 0) {
                    em.flush(); // keeps the unit of work small on big imports
                }
            }
            em.flush(); // assigns the ids
            return entities.stream().map(ContactEntity::toContact).toList();
        });
    }

    @Override
    public Contact update(long ownerId, Contact changed, long expectedVersion) {
        try {
            return transactions.run(em -> {
                ContactEntity entity = owned(em, ownerId, changed.id());
                if (entity.version() != expectedVersion) {
                    throw new StaleContactException(entity.toContact());
                }
                entity.apply(changed, Instant.now());
                em.flush(); // the version check against a concurrent writer happens here
                return entity.toContact();
            });
        } catch (OptimisticLockException | RollbackException e) {
            // Another writer committed between our read and our write: report what is stored now.
            throw new StaleContactException(find(ownerId, changed.id())
                    .orElseThrow(() -> new NoSuchContactException(changed.id())));
        }
    }

    @Override
    public void delete(long ownerId, long id, @Nullable Long expectedVersion) {
        transactions.run(em -> {
            ContactEntity entity = owned(em, ownerId, id);
            if (expectedVersion != null && entity.version() != expectedVersion) {
                throw new StaleContactException(entity.toContact());
            }
            em.remove(entity);
            return id;
        });
    }

    @Override
    public Optional<Contact> find(long ownerId, long id) {
        return transactions.run(em -> {
            ContactEntity entity = em.find(ContactEntity.class, id);
            return entity == null || entity.ownerId() != ownerId ? Optional.<Contact>empty()
                    : Optional.of(entity.toContact());
        });
    }

    @Override
    public Page search(long ownerId, String query, String digits, Sort sort, boolean descending, int offset,
            int limit) {
        String folded = ContactRules.fold(query.strip());
        String where = "c.ownerId = :o";
        if (!folded.isEmpty()) {
            where += " AND (c.searchText LIKE :q ESCAPE '\\'"
                    + (digits.isEmpty() ? "" : " OR c.searchText LIKE :d ESCAPE '\\'") + ")";
        }
        String order = switch (sort) {
        case NAME -> "c.sortName" + dir(descending) + ", c.id";
        case COMPANY -> "c.sortCompany" + dir(descending) + ", c.sortName, c.id";
        case CREATED -> "c.createdAt" + dir(descending) + ", c.id";
        case UPDATED -> "c.updatedAt" + dir(descending) + ", c.id";
        };
        String filter = where;
        return transactions.run(em -> {
            TypedQuery<ContactEntity> items = em.createQuery("SELECT c FROM ContactEntity c WHERE " + filter
                    + " ORDER BY " + order, ContactEntity.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM ContactEntity c WHERE " + filter,
                    Long.class);
            for (TypedQuery<?> q : List.of(items, count)) {
                q.setParameter("o", ownerId);
                if (!folded.isEmpty()) {
                    q.setParameter("q", "%" + escape(folded) + "%");
                    if (!digits.isEmpty()) {
                        q.setParameter("d", "%" + escape(digits.replace("+", "")) + "%");
                    }
                }
            }
            List<Contact> page = batched(items).setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                    .map(ContactEntity::toContact).toList();
            long total = page.size() < limit && (offset == 0 || !page.isEmpty()) ? offset + page.size()
                    : count.getSingleResult();
            return new Page(page, total);
        });
    }

    @Override
    public List<Contact> all(long ownerId) {
        return transactions.run(em -> batched(em.createQuery(
                "SELECT c FROM ContactEntity c WHERE c.ownerId = :o ORDER BY c.sortName, c.id", ContactEntity.class)
                .setParameter("o", ownerId)).getResultList().stream().map(ContactEntity::toContact).toList());
    }

    @Override
    public List<Contact> byNumber(long ownerId, String normalized) {
        if (normalized.isEmpty()) {
            return List.of();
        }
        return transactions.run(em -> em.createQuery("SELECT c FROM ContactEntity c"
                + " WHERE c.ownerId = :o AND c.matchForms LIKE :n ESCAPE '\\' ORDER BY c.sortName, c.id",
                ContactEntity.class).setParameter("o", ownerId).setParameter("n", "%|" + escape(normalized) + "|%").getResultList().stream()
                .map(ContactEntity::toContact).toList());
    }

    private static ContactEntity owned(EntityManager em, long ownerId, long id) {
        ContactEntity entity = em.find(ContactEntity.class, id);
        if (entity == null || entity.ownerId() != ownerId) {
            throw new NoSuchContactException(id);
        }
        return entity;
    }

    private static TypedQuery<ContactEntity> batched(TypedQuery<ContactEntity> query) {
        return query.setHint(QueryHints.READ_ONLY, "true");
    }

    private static String dir(boolean descending) {
        return descending ? " DESC" : " ASC";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
