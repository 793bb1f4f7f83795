// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;

/** Row of {@code ACCOUNT_ALIASES}: the alias is the key, so one alias can only ever reach one account. */
@Entity
@Table(name = "ACCOUNT_ALIASES")
public class AliasEntity {

    @Id
    @Column(name = "ALIAS", nullable = false, updatable = false)
    private String alias = "";

    @ManyToOne(optional = false)
    @JoinColumn(name = "ACCOUNT_ID", nullable = false, updatable = false)
    private @Nullable AccountEntity account;

    @Column(name = "LIST_POSITION", nullable = false)
    private int position;

    /** For JPA. */
    protected AliasEntity() {
    }

    AliasEntity(String alias, AccountEntity account, int position) {
        this.alias = alias;
        this.account = account;
        this.position = position;
    }

    String alias() {
        return alias;
    }

    int position() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    @Nullable
    AccountEntity account() {
        return account;
    }
}
