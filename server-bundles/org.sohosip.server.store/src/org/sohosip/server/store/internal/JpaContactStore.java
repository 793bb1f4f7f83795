// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    private final SearchIndex index = new SearchIndex();
    private final IdBlocks ids = new IdBlocks();

    JpaContactStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Contact create(long ownerId, Contact draft) {
        return createAll(ownerId, List.of(draft)).get(0);
    }

    @Override
    public List<Contact> createAll(long ownerId, List<Contact> drafts) {
        List<SearchIndex.Entry> stored = writing(ownerId, () -> transactions.run(em -> {
            Instant now = Instant.now();
            List<SearchIndex.Entry> entries = new ArrayList<>(drafts.size());
            List<ContactEntity> chunk = new ArrayList<>();
            for (Contact draft : drafts) {
                ContactEntity entity = new ContactEntity(ids.next(em), ownerId, draft, now);
                em.persist(entity);
                chunk.add(entity);
                if (chunk.size() == 500) {
                    flushChunk(em, chunk, entries);
                }
            }
            flushChunk(em, chunk, entries);
            return entries;
        }));
        index.written(ownerId, stored, Set.of());
        return stored.stream().map(SearchIndex.Entry::contact).toList();
    }

    /**
     * Writes a chunk (assigning ids) and lets go of it: without weaving every flush compares each managed entity
     * with its copy, so a big import would slow down with every chunk it keeps. Still one transaction.
     */
    private static void flushChunk(EntityManager em, List<ContactEntity> chunk, List<SearchIndex.Entry> stored) {
        em.flush();
        chunk.forEach(e -> stored.add(e.toEntry()));
        chunk.clear();
        em.clear();
    }

    @Override
    public List<MatchKey> matchKeys(long ownerId) {
        return transactions.run(em -> em.createQuery("SELECT c.displayName, c.matchForms FROM ContactEntity c"
                + " WHERE c.ownerId = :o", Object[].class).setParameter("o", ownerId).getResultList().stream()
                .map(r -> new MatchKey((String) r[0], java.util.Arrays.stream(((String) r[1]).split("\\|"))
                        .filter(f -> !f.isEmpty()).toList())).toList());
    }

    /**
     * Every write goes through here. A write that fails drops the owner's search copy (what the database holds now is
     * not known here); one that commits is applied to the copy by its caller.
     */
    private <T> T writing(long ownerId, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException | Error e) {
            index.invalidate(ownerId);
            throw e;
        }
    }

    @Override
    public Contact update(long ownerId, Contact changed, long expectedVersion) {
        SearchIndex.Entry stored = writing(ownerId, () -> updateNow(ownerId, changed, expectedVersion));
        index.written(ownerId, List.of(stored), Set.of());
        return stored.contact();
    }

    private SearchIndex.Entry updateNow(long ownerId, Contact changed, long expectedVersion) {
        try {
            return transactions.run(em -> {
                ContactEntity entity = owned(em, ownerId, changed.id());
                if (entity.version() != expectedVersion) {
                    throw new StaleContactException(entity.toContact());
                }
                entity.apply(changed, Instant.now());
                em.flush(); // the version check against a concurrent writer happens here
                return entity.toEntry();
            });
        } catch (OptimisticLockException | RollbackException e) {
            // Another writer committed between our read and our write: report what is stored now.
            throw new StaleContactException(find(ownerId, changed.id())
                    .orElseThrow(() -> new NoSuchContactException(changed.id())));
        }
    }

    @Override
    public void delete(long ownerId, long id, @Nullable Long expectedVersion) {
        writing(ownerId, () -> transactions.run(em -> {
            ContactEntity entity = owned(em, ownerId, id);
            if (expectedVersion != null && entity.version() != expectedVersion) {
                throw new StaleContactException(entity.toContact());
            }
            em.remove(entity);
            return id;
        }));
        index.written(ownerId, List.of(), Set.of(id));
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
        String bare = digits.replace("+", "");
        // A number query is often its own digits: one scan of the text is then enough.
        String other = bare.isEmpty() || bare.equals(folded) ? null : bare;
        return index.copy(ownerId, () -> load(ownerId)).search(folded, other, sort, descending, offset, limit);
    }

    /** @return all of the owner's contacts with their search text (one query; only when there is no copy) */
    private List<SearchIndex.Entry> load(long ownerId) {
        return transactions.run(em -> batched(em.createQuery("SELECT c FROM ContactEntity c WHERE c.ownerId = :o",
                ContactEntity.class).setParameter("o", ownerId)).getResultList().stream()
                .map(ContactEntity::toEntry).toList());
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

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
