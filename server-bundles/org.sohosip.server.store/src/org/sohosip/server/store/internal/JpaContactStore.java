// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
        return writing(ownerId, () -> transactions.run(em -> {
            Instant now = Instant.now();
            List<Contact> stored = new ArrayList<>(drafts.size());
            List<ContactEntity> chunk = new ArrayList<>();
            for (Contact draft : drafts) {
                ContactEntity entity = new ContactEntity(ids.next(em), ownerId, draft, now);
                em.persist(entity);
                chunk.add(entity);
                if (chunk.size() == 500) {
                    flushChunk(em, chunk, stored);
                }
            }
            flushChunk(em, chunk, stored);
            return stored;
        }));
    }

    /**
     * Writes a chunk (assigning ids) and lets go of it: without weaving every flush compares each managed entity
     * with its copy, so a big import would slow down with every chunk it keeps. Still one transaction.
     */
    private static void flushChunk(EntityManager em, List<ContactEntity> chunk, List<Contact> stored) {
        em.flush();
        chunk.forEach(e -> stored.add(e.toContact()));
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

    /** Every write goes through here: the owner's search copy is dropped once the transaction has ended. */
    private <T> T writing(long ownerId, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } finally {
            index.invalidate(ownerId);
        }
    }

    @Override
    public Contact update(long ownerId, Contact changed, long expectedVersion) {
        return writing(ownerId, () -> updateNow(ownerId, changed, expectedVersion));
    }

    private Contact updateNow(long ownerId, Contact changed, long expectedVersion) {
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
        writing(ownerId, () -> transactions.run(em -> {
            ContactEntity entity = owned(em, ownerId, id);
            if (expectedVersion != null && entity.version() != expectedVersion) {
                throw new StaleContactException(entity.toContact());
            }
            em.remove(entity);
            return id;
        }));
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
        List<SearchIndex.Row> rows = index.rows(ownerId, () -> rows(ownerId));
        List<SearchIndex.Row> matches = folded.isEmpty() ? rows : rows.stream()
                .filter(r -> r.text().contains(folded) || (!bare.isEmpty() && r.text().contains(bare))).toList();
        if (sort != Sort.NAME || descending) {
            matches = matches.stream().sorted(SearchIndex.order(sort, descending)).toList();
        }
        int from = Math.min(offset, matches.size());
        int to = (int) Math.min((long) offset + limit, matches.size());
        List<Long> ids = matches.subList(from, to).stream().map(SearchIndex.Row::id).toList();
        return new Page(byIds(ownerId, ids), matches.size());
    }

    /** @return the contacts with these ids, in this order (one query) */
    private List<Contact> byIds(long ownerId, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Contact> found = new HashMap<>();
        // By primary key only: with the owner in the WHERE clause Derby prefers the owner index and scans every
        // contact of the owner. The owner is checked here instead, so another owner's row can never slip through.
        // The list is padded to a power of two (repeating an id changes nothing): each length is another SQL text,
        // and Derby compiles every new text, which costs more than the query itself.
        List<Long> padded = new ArrayList<>(ids);
        while (Integer.bitCount(padded.size()) != 1) {
            padded.add(ids.get(0));
        }
        transactions.run(em -> em.createQuery("SELECT c FROM ContactEntity c WHERE c.id IN :ids", ContactEntity.class)
                .setParameter("ids", padded).setHint(QueryHints.READ_ONLY, "true").getResultList()).forEach(e -> {
                    if (e.ownerId() == ownerId) {
                        Contact c = e.toContact();
                        found.put(c.id(), c);
                    }
                });
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    private List<SearchIndex.Row> rows(long ownerId) {
        return transactions.run(em -> em.createQuery("SELECT c.id, c.searchText, c.sortName, c.sortCompany,"
                + " c.createdAt, c.updatedAt FROM ContactEntity c WHERE c.ownerId = :o", Object[].class)
                .setParameter("o", ownerId).getResultList().stream().map(r -> new SearchIndex.Row((Long) r[0],
                        (String) r[1], (String) r[2], (String) r[3], instant(r[4]), instant(r[5]))).toList());
    }

    /** A projection may hand back the column's own type rather than the converted one. */
    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.LocalDateTime t
                ? t.toInstant(java.time.ZoneOffset.UTC) : ((java.sql.Timestamp) value).toLocalDateTime()
                        .toInstant(java.time.ZoneOffset.UTC);
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
