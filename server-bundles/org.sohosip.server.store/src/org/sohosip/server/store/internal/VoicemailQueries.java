// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.api.VoicemailCounts;
import org.sohosip.core.api.VoicemailFolder;
import org.sohosip.server.store.NoSuchAccountException;

/** The read queries of voicemail, each inside a transaction its caller runs. */
final class VoicemailQueries {

    private VoicemailQueries() {
    }

    /** @throws NoSuchAccountException when there is no such account */
    static String username(EntityManager em, long accountId) {
        AccountEntity account = em.find(AccountEntity.class, accountId);
        if (account == null) {
            throw new NoSuchAccountException(accountId);
        }
        return account.username();
    }

    /** @return the complete, not deleted messages of a mailbox, newest first */
    static List<VoicemailMessageEntity> listed(EntityManager em, long accountId, @Nullable VoicemailFolder folder) {
        String jpql = "SELECT m FROM VoicemailMessageEntity m WHERE m.accountId = :account AND m.complete = TRUE"
                + " AND m.deletedAt IS NULL" + (folder != null ? " AND m.folder = :folder" : "")
                + " ORDER BY m.receivedAt DESC, m.id DESC";
        TypedQuery<VoicemailMessageEntity> query = em.createQuery(jpql, VoicemailMessageEntity.class)
                .setParameter("account", accountId);
        if (folder != null) {
            query.setParameter("folder", folder);
        }
        return query.getResultList();
    }

    /** @return the complete message {@code id} if it is in this mailbox (deleted or not) */
    static @Nullable VoicemailMessageEntity owned(EntityManager em, long accountId, long id) {
        VoicemailMessageEntity row = em.find(VoicemailMessageEntity.class, id);
        return row != null && row.accountId() == accountId && row.complete() ? row : null;
    }

    static VoicemailCounts counts(EntityManager em, long accountId) {
        List<Object[]> rows = em.createQuery("SELECT m.folder, m.urgent, COUNT(m) FROM VoicemailMessageEntity m"
                + " WHERE m.accountId = :account AND m.complete = TRUE AND m.deletedAt IS NULL"
                + " GROUP BY m.folder, m.urgent", Object[].class)
                .setParameter("account", accountId)
                .getResultList();
        int newMessages = 0;
        int oldMessages = 0;
        int newUrgent = 0;
        int oldUrgent = 0;
        for (Object[] row : rows) {
            boolean isNew = row[0] == VoicemailFolder.NEW;
            boolean urgent = Boolean.TRUE.equals(row[1]);
            int count = ((Number) row[2]).intValue();
            if (isNew) {
                newMessages += count;
                newUrgent += urgent ? count : 0;
            } else {
                oldMessages += count;
                oldUrgent += urgent ? count : 0;
            }
        }
        return new VoicemailCounts(newMessages, oldMessages, newUrgent, oldUrgent);
    }
}
