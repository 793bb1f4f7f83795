// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.TypedQuery;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.CallDirection;
import org.sohosip.core.CallDisposition;
import org.sohosip.core.CallRecord;
import org.sohosip.server.store.CallQuery;
import org.sohosip.server.store.CallRecordStore;

/** {@link CallRecordStore} on the {@code CALL_RECORDS} table. */
final class JpaCallRecordStore implements CallRecordStore {

    private final Transactions transactions;

    JpaCallRecordStore(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public CallRecord record(CallRecord finished) {
        return transactions.run(em -> {
            CallRecordEntity entity = new CallRecordEntity(finished);
            em.persist(entity);
            em.flush(); // assigns the id
            return entity.toRecord();
        });
    }

    @Override
    public List<CallRecord> find(CallQuery query) {
        if (query.limit() <= 0) {
            return List.of();
        }
        List<String> where = new ArrayList<>();
        String outgoing = "c.caller = :u";
        String incoming = "(c.callee = :u AND c.caller <> :u)";
        CallDisposition d = query.disposition();
        if (d != null) {
            outgoing += " AND c.disposition = :d";
            // The callee sees a call the caller gave up on as missed, and never as cancelled.
            incoming += d == CallDisposition.MISSED ? " AND c.disposition IN :missed"
                    : d == CallDisposition.CANCELLED ? " AND c.id < 0" : " AND c.disposition = :d";
        }
        CallDirection direction = query.direction();
        where.add(direction == CallDirection.OUTGOING ? "(" + outgoing + ")"
                : direction == CallDirection.INCOMING ? "(" + incoming + ")"
                : "((" + outgoing + ") OR (" + incoming + "))");
        if (query.from() != null) {
            where.add("c.startedAt >= :from");
        }
        if (query.to() != null) {
            where.add("c.startedAt < :to");
        }
        String jpql = "SELECT c FROM CallRecordEntity c WHERE " + String.join(" AND ", where)
                + " ORDER BY c.startedAt DESC, c.id DESC";
        return transactions.run(em -> {
            TypedQuery<CallRecordEntity> q = em.createQuery(jpql, CallRecordEntity.class)
                    .setParameter("u", query.username()).setMaxResults(query.limit());
            if (d != null && jpql.contains(":d")) {
                q.setParameter("d", d);
            }
            if (jpql.contains(":missed")) {
                q.setParameter("missed", List.of(CallDisposition.MISSED, CallDisposition.CANCELLED));
            }
            bind(q, "from", query.from());
            bind(q, "to", query.to());
            return q.getResultList().stream().map(CallRecordEntity::toRecord).toList();
        });
    }

    @Override
    public Optional<CallRecord> findByCallId(String callId) {
        return transactions.run(em -> em.createQuery("SELECT c FROM CallRecordEntity c WHERE c.callId = :c"
                + " ORDER BY c.id DESC", CallRecordEntity.class).setParameter("c", callId).setMaxResults(1)
                .getResultStream().findFirst().map(CallRecordEntity::toRecord));
    }

    private static void bind(TypedQuery<?> q, String name, @Nullable Instant value) {
        if (value != null) {
            q.setParameter(name, value); // the attribute's converter applies
        }
    }
}
