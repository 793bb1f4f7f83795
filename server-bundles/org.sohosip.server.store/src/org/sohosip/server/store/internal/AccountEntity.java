// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.eclipse.jdt.annotation.Nullable;
import org.sohosip.core.Account;
import org.sohosip.server.store.Credentials;

/** Row of {@code ACCOUNTS}. Stays inside the store: callers see {@link Account} records. */
@Entity
@Table(name = "ACCOUNTS")
public class AccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private @Nullable Long id;

    @Column(name = "USERNAME", nullable = false, updatable = false)
    private String username = "";

    @Column(name = "DISPLAY_NAME", nullable = false)
    private String displayName = "";

    @Column(name = "EXTENSION", nullable = false)
    private String extension = "";

    @Column(name = "IS_ADMIN", nullable = false)
    private boolean admin;

    @Column(name = "ENABLED", nullable = false)
    private boolean enabled;

    @Column(name = "PSTN_ALLOWED", nullable = false)
    private boolean pstnAllowed;

    @Column(name = "OUTSIDE_CALL_LIMIT", nullable = false)
    private int outsideCallLimit = Account.DEFAULT_OUTSIDE_CALL_LIMIT;

    @ElementCollection
    @CollectionTable(name = "ACCOUNT_GROUPS", joinColumns = @JoinColumn(name = "ACCOUNT_ID"))
    @Column(name = "GROUP_NAME")
    private List<String> groups = new ArrayList<>();

    @Column(name = "PASSWORD_HASH", nullable = false)
    private String passwordHash = "";

    @Column(name = "HA1_MD5", nullable = false)
    private String ha1Md5 = "";

    @Column(name = "HA1_SHA256", nullable = false)
    private String ha1Sha256 = "";

    @Column(name = "REALM", nullable = false)
    private String realm = "";

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "CREATED_AT", nullable = false, updatable = false)
    private Instant createdAt = Instant.EPOCH;

    @Convert(converter = UtcTimestampConverter.class)
    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt = Instant.EPOCH;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AliasEntity> aliases = new ArrayList<>();

    /** For JPA. */
    protected AccountEntity() {
    }

    AccountEntity(Account draft, Credentials credentials, Instant now) {
        this.username = draft.username();
        this.createdAt = now;
        apply(draft, now);
        setCredentials(credentials, now);
    }

    /** Copies everything but the id and the user name, which never change. */
    final void apply(Account changed, Instant now) {
        displayName = changed.displayName();
        extension = changed.extension();
        admin = changed.admin();
        enabled = changed.enabled();
        pstnAllowed = changed.pstnAllowed();
        outsideCallLimit = changed.outsideCallLimit();
        // Groups are a set: kept sorted and without repeats, so equal accounts compare equal.
        List<String> wantedGroups = changed.groups().stream().distinct().sorted().toList();
        if (!wantedGroups.equals(groups)) {
            groups.clear();
            groups.addAll(wantedGroups);
        }
        updatedAt = now;
        List<String> wanted = changed.aliases();
        aliases.removeIf(a -> !wanted.contains(a.alias()));
        for (int i = 0; i < wanted.size(); i++) {
            String alias = wanted.get(i);
            int position = i;
            // A kept alias keeps its row (its key): deleting and re-inserting it in one commit could collide.
            aliases.stream().filter(a -> a.alias().equals(alias)).findFirst().ifPresentOrElse(
                    a -> a.setPosition(position), () -> aliases.add(new AliasEntity(alias, this, position)));
        }
        aliases.sort((a, b) -> Integer.compare(a.position(), b.position()));
    }

    final void setCredentials(Credentials credentials, Instant now) {
        passwordHash = credentials.passwordHash();
        ha1Md5 = credentials.ha1Md5();
        ha1Sha256 = credentials.ha1Sha256();
        realm = credentials.realm();
        updatedAt = now;
    }

    long id() {
        return Objects.requireNonNull(id, "not yet stored");
    }

    String username() {
        return username;
    }

    Credentials credentials() {
        return new Credentials(passwordHash, ha1Md5, ha1Sha256, realm);
    }

    Account toAccount() {
        return new Account(id(), username, displayName, extension, aliases.stream().map(AliasEntity::alias).toList(),
                admin, enabled, pstnAllowed, groups.stream().sorted().toList(), outsideCallLimit);
    }

    /** Keeps hashes out of logs. */
    @Override
    public String toString() {
        return "AccountEntity[id=" + id + ", username=" + username + "]";
    }
}
