// SPDX-License-Identifier: EPL-2.0
package org.sohosip.server.store.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import org.sohosip.core.api.EmergencyNumber;
import org.sohosip.core.api.Gateway;
import org.sohosip.core.api.GatewayChange;
import org.sohosip.core.api.InboundNumber;
import org.sohosip.core.api.RouteRule;
import org.sohosip.server.store.DuplicateException;
import org.sohosip.server.store.GatewayInUseException;
import org.sohosip.server.store.GatewayStore;
import org.sohosip.server.store.NoSuchEntryException;

/** {@link GatewayStore} on {@code GATEWAYS}, {@code ROUTE_RULES}, {@code EMERGENCY_NUMBERS}, {@code INBOUND_NUMBERS}. */
final class JpaGatewayStore implements GatewayStore {

    private final Transactions transactions;
    /** Serialises check-then-write so the friendly duplicate checks cannot race; this process is the only writer. */
    private final ReentrantLock writes = new ReentrantLock();
    private final Runnable onChange;

    /** @param onChange run after every committed change */
    JpaGatewayStore(Transactions transactions, Runnable onChange) {
        this.transactions = transactions;
        this.onChange = onChange;
    }

    @Override
    public List<Gateway> gateways() {
        return read(em -> em.createQuery("SELECT g FROM GatewayEntity g ORDER BY g.name", GatewayEntity.class)
                .getResultStream().map(GatewayEntity::toGateway).toList());
    }

    @Override
    public Optional<Gateway> gateway(long id) {
        return read(em -> Optional.ofNullable(em.find(GatewayEntity.class, id)).map(GatewayEntity::toGateway));
    }

    @Override
    public Optional<String> amiSecret(long id) {
        return read(em -> Optional.ofNullable(em.find(GatewayEntity.class, id)).map(GatewayEntity::amiSecret));
    }

    @Override
    public Gateway createGateway(GatewayChange change) {
        if (change.amiSecret() == null) {
            throw new IllegalArgumentException("A new gateway needs an AMI secret");
        }
        return write(em -> {
            checkGatewayNames(em, change, -1);
            GatewayEntity entity = new GatewayEntity(change);
            em.persist(entity);
            em.flush();
            return entity.toGateway();
        });
    }

    @Override
    public Gateway updateGateway(long id, GatewayChange change) {
        return write(em -> {
            GatewayEntity entity = existing(em, GatewayEntity.class, id, "gateway");
            checkGatewayNames(em, change, id);
            entity.apply(change);
            em.flush();
            return entity.toGateway();
        });
    }

    @Override
    public void deleteGateway(long id) {
        write(em -> {
            GatewayEntity entity = existing(em, GatewayEntity.class, id, "gateway");
            List<String> prefixes = em.createQuery("SELECT r.prefix FROM RouteRuleEntity r WHERE r.gatewayId = :g"
                    + " ORDER BY r.prefix", String.class).setParameter("g", id).getResultList();
            List<String> numbers = em.createQuery("SELECT e.number FROM EmergencyNumberEntity e"
                    + " WHERE e.gatewayId = :g ORDER BY e.number", String.class).setParameter("g", id).getResultList();
            if (!prefixes.isEmpty() || !numbers.isEmpty()) {
                throw new GatewayInUseException("The gateway is still used by " + (prefixes.isEmpty() ? ""
                        : "the route rules for " + String.join(", ", prefixes)) + (prefixes.isEmpty()
                                || numbers.isEmpty() ? "" : " and ") + (numbers.isEmpty() ? ""
                                        : "the emergency numbers " + String.join(", ", numbers))
                        + ": point them to another gateway first.");
            }
            em.remove(entity);
            return id;
        });
    }

    @Override
    public List<RouteRule> routes() {
        return read(em -> em.createQuery("SELECT r FROM RouteRuleEntity r ORDER BY r.prefix", RouteRuleEntity.class)
                .getResultStream().map(RouteRuleEntity::toRule).toList());
    }

    @Override
    public RouteRule createRoute(RouteRule rule) {
        return write(em -> {
            checkRoute(em, rule, -1);
            RouteRuleEntity entity = new RouteRuleEntity(rule);
            em.persist(entity);
            em.flush();
            return entity.toRule();
        });
    }

    @Override
    public RouteRule updateRoute(long id, RouteRule rule) {
        return write(em -> {
            RouteRuleEntity entity = existing(em, RouteRuleEntity.class, id, "route");
            checkRoute(em, rule, id);
            entity.apply(rule);
            em.flush();
            return entity.toRule();
        });
    }

    @Override
    public void deleteRoute(long id) {
        write(em -> {
            em.remove(existing(em, RouteRuleEntity.class, id, "route"));
            return id;
        });
    }

    @Override
    public List<EmergencyNumber> emergencyNumbers() {
        return read(GatewayQueries::emergencyNumbers);
    }

    @Override
    public List<EmergencyNumber> replaceEmergencyNumbers(List<EmergencyNumber> numbers) {
        return write(em -> {
            if (numbers.stream().map(EmergencyNumber::number).distinct().count() != numbers.size()) {
                throw new DuplicateException("number", "A number appears twice in the list.");
            }
            for (EmergencyNumber n : numbers) {
                existing(em, GatewayEntity.class, n.gatewayId(), "gateway");
            }
            em.createQuery("DELETE FROM EmergencyNumberEntity").executeUpdate();
            numbers.forEach(n -> em.persist(new EmergencyNumberEntity(n)));
            em.flush();
            return GatewayQueries.emergencyNumbers(em);
        });
    }

    @Override
    public List<InboundNumber> inboundNumbers() {
        return read(em -> em.createQuery("SELECT n FROM InboundNumberEntity n ORDER BY n.did",
                InboundNumberEntity.class).getResultStream().map(InboundNumberEntity::toNumber).toList());
    }

    @Override
    public InboundNumber createInboundNumber(InboundNumber number) {
        return write(em -> {
            checkDid(em, number.did(), -1);
            InboundNumberEntity entity = new InboundNumberEntity(number);
            em.persist(entity);
            em.flush();
            return entity.toNumber();
        });
    }

    @Override
    public InboundNumber updateInboundNumber(long id, InboundNumber number) {
        return write(em -> {
            InboundNumberEntity entity = existing(em, InboundNumberEntity.class, id, "inbound number");
            checkDid(em, number.did(), id);
            entity.apply(number);
            em.flush();
            return entity.toNumber();
        });
    }

    @Override
    public void deleteInboundNumber(long id) {
        write(em -> {
            em.remove(existing(em, InboundNumberEntity.class, id, "inbound number"));
            return id;
        });
    }

    private static void checkGatewayNames(EntityManager em, GatewayChange change, long self) {
        if (GatewayQueries.taken(em, "SELECT g.id FROM GatewayEntity g WHERE g.name = :v", change.name(), self)) {
            throw new DuplicateException("name", "Another gateway is already called '" + change.name() + "'.");
        }
        if (GatewayQueries.taken(em, "SELECT g.id FROM GatewayEntity g WHERE g.trunkName = :v", change.trunkName(),
                self)) {
            throw new DuplicateException("trunkName", "Another gateway already uses the trunk name '"
                    + change.trunkName() + "'.");
        }
    }

    private static void checkRoute(EntityManager em, RouteRule rule, long self) {
        existing(em, GatewayEntity.class, rule.gatewayId(), "gateway");
        if (GatewayQueries.taken(em, "SELECT r.id FROM RouteRuleEntity r WHERE r.prefix = :v", rule.prefix(), self)) {
            throw new DuplicateException("prefix", "There is already a rule for the prefix " + rule.prefix() + ".");
        }
    }

    private static void checkDid(EntityManager em, String did, long self) {
        if (GatewayQueries.taken(em, "SELECT n.id FROM InboundNumberEntity n WHERE n.did = :v", did, self)) {
            throw new DuplicateException("did", "The inbound number " + did + " is already set up.");
        }
    }

    private static <E> E existing(EntityManager em, Class<E> type, long id, String kind) {
        E entity = em.find(type, id);
        if (entity == null) {
            throw new NoSuchEntryException(kind, id);
        }
        return entity;
    }

    private <T> T read(Function<EntityManager, T> work) {
        return transactions.run(work);
    }

    /** Runs a write under the lock and, once committed, tells the listeners. */
    private <T> T write(Function<EntityManager, T> work) {
        T result;
        writes.lock();
        try {
            result = transactions.run(work);
        } finally {
            writes.unlock();
        }
        onChange.run();
        return result;
    }
}
